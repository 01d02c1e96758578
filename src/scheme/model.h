// The in-memory scheme: a tree of nodes with leaf rules, grades, gates and
// ranking options. Built by the scheme loader, read by everything after it.
// The grammar that produces it is documented in DESIGN.md.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/calendar.h"
#include "base/date.h"
#include "base/decimal.h"
#include "base/time_buckets.h"

namespace kaohe {

inline constexpr int kGrammarVersion = 1;

// Where a construct was written, for diagnostics (1-based).
struct SourcePos {
  int line = 0;
  int col = 0;
};

enum class RuleKind {
  kNone,             // inner node: combines its children
  // Fed by event rows (events*.csv):
  kPerEvent,         // amount × count
  kTiered,           // amount chosen by the row's tier × count
  kRole,             // amount chosen by the row's role × count
  kRanged,           // the row's points (within a range) × count
  kQuota,            // required count per bucket of time; amount per missing one
  kLate,             // amount per day (or working day) late × count
  // Fed by measure rows (measures*.csv):
  kCompletion,       // points × ratio (0..1)
  kAllOrNothing,     // points when the ratio is 1, else 0
  kScaled,           // points × value / scale
  kVotes,            // points × Σ(count × level value) / valid / scale
  kMean,             // points × mean(values of the named keys) / scale
  kChecklist,        // Σ points of the criteria met (value 1)
  kRelative,         // points × value / best value among units
  kScaledDeduction,  // −max × (scale − value) / scale
  kDirect,           // the value is the score
  kBands,            // the points of the highest band the value reaches
  kSheets,           // score sheets of several raters: group means, weighted
  // Fed by another assessment's result (a saved result or a scheme scored
  // in the same run), not by rows:
  kResult,           // points × source score / scale, or −deduct × shortfall
  // Fed by event rows, scoring nothing themselves:
  kFlagEvent,        // each row raises a flag and/or zeroes a node
};

// Does the rule read events or measures?
bool rule_reads_events(RuleKind k);
bool rule_reads_measures(RuleKind k);
// The grammar's spelling: "per_event", "votes", …
const char* rule_kind_name(RuleKind k);

struct Rule;
// A one-line description of a rule and its parameters, e.g.
// "per_event deduct 1, surcharge deduct 2 at 3": printed in JSON and
// compared by diff, so that a changed amount shows as a scheme change.
std::string describe_rule(const Rule& r);

enum class Direction { kAdd, kDeduct };

// What a measure-fed leaf scores when a unit has no row (SPEC §9).
enum class MissingPolicy { kError, kNotApplicable, kZero, kFull };

// What a node scores for a unit it does not apply to (SPEC §10).
enum class NaPolicy { kExclude, kFull, kZero, kMean, kRedistribute, kMoveTo };

// Extra amount once an event count is reached (累计3次…加扣2分).
struct Surcharge {
  std::int64_t at = 0;   // fires when the count reaches this
  Decimal amount;        // in the rule's direction
  bool every = false;    // fires again at every multiple of `at`
};

// What a quota counts, and in which buckets of time (每月至少两篇, 每天至少
//巡查1次, 每周不少于1次, 全年不少于12次,其中扩大学习不少于4次).
struct QuotaSpec {
  // What a bucket lying partly outside the unit's days asks for: the
  // required count pro rata to the days inside, rounded down (the
  // default), nothing, or the full count.
  enum class Partial { kProrate, kSkip, kFull };
  std::int64_t required = 0;   // rows (or dates) needed per bucket
  Every per = Every::kMonth;
  bool distinct_dates = false; // count: dates — two rows on one day count once
  bool working_days = false;   // days: working — per: day buckets are the
                               // calendar's working days only
  Partial partial = Partial::kProrate;
};

// One named amount: a tier, a role, a vote level or a checklist criterion
// (a quota's tier: the rows of that tier required per bucket).
struct NamedAmount {
  std::string name;
  Decimal amount;
};

// One band of a `bands` leaf (达到90%(20分)): a value of at least
// `at_least` scores `points`, unless a higher band takes it.
struct Band {
  Rational at_least;        // a ratio (0.9) when the bands are percentages
  std::string at_least_text;  // as written ("90%"), for output
  Decimal points;           // signed: a deduction band on an adjustment
  SourcePos pos;
};

// `result:` of a leaf (按…考核折算): a node of another assessment's result,
// converted to the leaf's points. DESIGN.md §2 "Results of other
// assessments". Paths are as written; the pipeline resolves them against
// the scheme's folder.
struct ResultSource {
  std::string from;               // a saved `kaohe score -O json` result, or
  std::string scheme;             // a scheme scored in the same run …
  std::string data;               // … on its own data folder
  std::string node = "total";     // a node id of the source, or its total
  std::optional<Decimal> scale;   // the source's full marks; none: the
                                  // source node's points (100 for a
                                  // normalised total)
  std::optional<Decimal> deduct;  // 倒扣分N分: −N × (scale − score) ÷ scale
  SourcePos pos;                  // of 'result'
  SourcePos file_pos;             // of 'from' or 'scheme'
  SourcePos data_pos;             // of 'data'
  SourcePos node_pos;             // of 'node' (the rule's when absent)
  SourcePos deduct_pos;           // of 'deduct' (line 0 when absent)
  // The file the source is read from, as written: `from` or `scheme`.
  const std::string& file() const { return from.empty() ? scheme : from; }
};

// `sheets:` (现场发放评议表, 领导评价和同级评价各占50%的权重): one measure row
// per rater's sheet, keyed by its rater group. Each group's kept sheets are
// averaged, the group means weighted (DESIGN.md §2 "Score sheets").
struct SheetGroup {
  std::string name;          // the rows' key
  Rational weight;           // 0..1; the groups' weights add up to 1
  std::string weight_text;   // as written ("50%")
  SourcePos pos;
};
struct SheetsSpec {
  std::vector<SheetGroup> groups;  // empty: one plain mean, rows without key
  bool drop_high_low = false;      // 去掉一个最高分和一个最低分, per group
  std::int64_t min_sheets = 0;     // per group, before dropping
  SourcePos min_sheets_pos;        // of 'min_sheets' (check's findings)
  // The sheets a group needs: min_sheets, and 3 when dropping (one kept).
  std::int64_t needed() const {
    const std::int64_t least = drop_high_low ? 3 : 1;
    return min_sheets > least ? min_sheets : least;
  }
};

struct Rule {
  RuleKind kind = RuleKind::kNone;
  Direction direction = Direction::kDeduct;
  Decimal amount;                    // per_event; quota: per missing one
  std::vector<NamedAmount> named;    // tiered, role, votes, checklist
  Decimal range_min, range_max;      // ranged
  std::optional<Surcharge> surcharge;
  QuotaSpec quota;                   // quota; its tiers are in `named`
  // late: `amount` per day late; days or working days (the scheme's
  // calendar); the item's fixed due date (else each row's `due`); the most
  // one occurrence deducts.
  bool late_per_working_day = false;
  std::optional<Date> late_due;
  std::optional<Decimal> late_row_max;
  std::optional<Decimal> scale;      // scaled, votes, mean, scaled_deduction, sheets
  Decimal max;                       // scaled_deduction: the most deducted
  std::vector<std::string> keys;     // mean: measure keys averaged
  std::int64_t min_votes = 0;        // votes: fewer valid votes → too_few
  SheetsSpec sheets;                 // sheets (its scale in `scale`)
  MissingPolicy too_few = MissingPolicy::kError;  // votes, sheets
  MissingPolicy missing = MissingPolicy::kError;
  bool within_category = false;      // relative: best within category
  // bands: highest `at_least` first, strictly descending; percent: the
  // bounds are written 90% and the data's value is a ratio (0.9); a value
  // below every band scores `below`.
  std::vector<Band> bands;
  bool bands_percent = false;
  Decimal below;
  SourcePos below_pos;               // of 'below' (the rule's, when absent)
  // tiered, role: amounts of both signs (a bonus tier and a deduction
  // tier). `direction` is then kDeduct and the named amounts written under
  // 'add' are held negative (a negative deduction); only on an adjustment.
  bool both_signs = false;
  // Event rules: a counted row raises this flag (an id in Scheme::flags)
  // and/or zeroes this node (the leaf or an ancestor). With raise_tiers,
  // only rows of those tiers do.
  std::string raise;
  std::string zero;
  std::vector<std::string> raise_tiers;
  // result: where the score comes from (its `missing` is the rule's).
  std::optional<ResultSource> result;

  // Index into `named` for `name`, or -1.
  int find_named(const std::string& name) const;
  // The keys of the measure rows the rule takes, one row each (votes and
  // checklist: its named levels or criteria; mean: its keys) — or, for
  // sheets with groups, any number of rows each (the group names); empty
  // when it takes rows without a key.
  std::vector<std::string> measure_keys() const;
};

struct Period {
  Date from;
  Date to;
};

// How a node scored once per sub-period (`periods:`) combines the scores of
// its sub-periods (DESIGN.md §2, "Sub-periods").
enum class Combine {
  kMean,     // equal weights, renormalised over the sub-periods that apply
  kSum,      // the scores added up; full marks are the points of each
  kLast,     // only the last sub-period that applies counts
  kWeights,  // the given weights, one per sub-period, renormalised
};

// `periods: {per: year, combine: mean}` of a node: the period cut into
// sub-periods, each scoring a copy of the node's subtree.
struct SubPeriods {
  Every per = Every::kYear;
  Combine combine = Combine::kMean;
  std::vector<Rational> weights;          // kWeights: one per sub-period
  std::vector<std::string> weight_texts;  // kWeights: as written ("25%")
  std::vector<std::string> labels;        // "2024", "2025-H1", in date order
  std::vector<Period> spans;              // each one's days within the period
  Buckets buckets;                        // the sub-periods of the period
  std::optional<Decimal> points;          // the node's points as written: of
                                          // one sub-period
};

// The grammar's spelling of a combination ("mean", …).
const char* combine_name(Combine c);

struct Node {
  std::string id;
  std::string name;
  std::optional<Decimal> points;     // full marks; absent: an adjustment
  std::optional<Rational> weight;    // share in a weighted parent (0..1)
  std::string weight_text;           // as written ("60%"), for output
  std::optional<Decimal> base;       // starting score of an inner node
  std::optional<Decimal> floor;      // clamp of the node's total (扣完为止)
  std::optional<Decimal> cap;        // clamp of the node's total
  std::vector<std::string> applies_to;   // categories; empty: all
  NaPolicy na_policy = NaPolicy::kExclude;
  std::string move_to;               // kMoveTo: sibling id
  // 取最高分: event rows under this node that share a `ref` count once,
  // the largest bonus and the largest deduction (SPEC §10).
  bool same_ref_highest = false;
  // `one_of: rows` (exactly one of these children, (1)…成员单位…(2)非…成员
  // 单位): each unit is scored on the one child its rows are for; the
  // others do not apply to it. Every child with points has the node's.
  bool one_of = false;
  SourcePos one_of_pos;
  // `one_of: {column: 成员单位, choose: {是: member, 否: other}}`: the
  // alternative is the one the unit's roster column names — through
  // `one_of_choose` (the column's value → a child id), or, without it, the
  // value is a child's id. Empty: chosen by rows.
  std::string one_of_column;
  struct Choice {
    std::string value;  // the column's value
    std::string child;  // the alternative's id
    SourcePos pos;      // of the id
  };
  std::vector<Choice> one_of_choose;  // as written
  Rule rule;
  int parent = -1;
  std::vector<int> children;
  int depth = 0;
  SourcePos pos;

  bool weighted_children = false;    // children carry weights

  // `periods:` on this node: its children are copies of its subtree, one
  // per sub-period, in date order (scheme/sub_periods.h).
  std::optional<SubPeriods> periods;
  // In such a copy (its root and everything under it): the sub-period
  // (index into the periodic ancestor's labels), that ancestor, and the id
  // and name as the scheme writes them (`p4_major`; the node's own id is
  // `p4_major@2024`, its name `重大恶性事件 (2024)`).
  int sub_period = -1;
  int periodic = -1;
  std::string template_id;
  std::string template_name;

  bool is_leaf() const { return children.empty(); }
  // Whether it is the root of one sub-period's copy.
  bool is_copy_root() const { return periodic >= 0 && parent == periodic; }
};

// A grade (DESIGN.md §2 "Grades, gates, quotas"). A threshold grade: the
// printed total is at least `min` (absent: any). A quota grade is given
// only by a Quota rule — and when it has a `min` too, only to units whose
// total reaches it (先进: ≥ 85 and the top 30%). A gate grade is given only
// by a gate's force or at_most (不合格 by veto only). The name may be empty:
// the grade prints as an empty cell.
struct Grade {
  std::string name;
  std::optional<Decimal> min;
  bool quota_only = false;
  bool gate_only = false;
  SourcePos pos;

  bool is_threshold() const { return !quota_only && !gate_only; }
};

// A flag a unit can carry (一票否决, 取消评优资格), printed in declared order.
struct Flag {
  std::string id;
  std::string name;
  SourcePos pos;
};

// How a condition compares a printed score with its bound.
enum class Compare { kLess, kLessEqual, kGreater, kGreaterEqual, kEqual, kNotEqual };

// "<", "<=", ">", ">=", "==", "!=".
const char* compare_text(Compare c);

// One condition of a gate or a quota: a node's printed score, or the
// printed total, compared with a number (述职评议 < 80, 总分 >= 85) — never
// true for a unit the node does not apply to — or a flag raised (一票否决),
// or not raised.
struct Condition {
  std::string node;      // node id compared; empty with `total` or a flag
  bool total = false;    // compares the printed total
  Compare op = Compare::kGreaterEqual;
  Decimal value;         // the bound compared with
  std::string flag;      // flag id: holds when raised, or when not (negated)
  bool negated = false;
  SourcePos pos;

  bool is_flag() const { return !flag.empty(); }
};

// A gate caps a grade (at_most) or forces one (force) when its conditions
// hold — all of them, or any of them: 述职评议 < 80 → not 优秀; 一票否决 →
// 不合格. `{node, below}` and `{flag}` are one-condition gates.
struct Gate {
  std::vector<Condition> conditions;    // at least one
  bool any = false;                     // fires when any holds; else all
  std::optional<std::string> at_most;   // the best grade allowed
  std::optional<std::string> force;     // the grade imposed (wins over caps)
  bool below_form = false;              // written {node, below} (check's hint)
  SourcePos pos;
};

// 先进 ≤ 30%: the best units among those graded `from` receive `grade`.
// A bottom quota takes the last instead (对排名末位的五个支部…诫勉谈话): they
// receive `grade`, or are marked with `flag`. DESIGN.md §2 "Quotas".
struct Quota {
  // floor, ceil, half up, half even (GB/T 8170) of share × base.
  enum class Round { kDown, kUp, kNearest, kHalfEven };
  std::string grade;               // the grade given, or empty with `flag`
  std::string flag;                // a bottom quota's flag instead of a grade
  bool bottom = false;             // the last of the ranking, not the best
  std::optional<std::int64_t> count;  // N places (the best 3), instead of share
  Rational share;                  // 0..1
  std::string share_text;          // "30%", or the count "3"
  std::vector<std::string> from;   // eligible grades; empty: any grade
  bool base_eligible = false;      // share of the eligible units, not of all
  Round round = Round::kDown;
  bool ties_included = false;      // tied at the edge: all in (else all out)
  std::vector<Condition> require;  // every one must hold
  std::vector<std::string> without_flags;
  SourcePos pos;
};

// A unit category and its declared full marks (A类满分100, B类95, C类80).
struct Category {
  std::string name;
  Decimal full_marks;
  SourcePos pos;
};

// A disagreement the seed text itself contains, kept on purpose so that
// the scheme scores as the document reads (盘锦's 16 points over items of
// 3 + 4 + 8; 深圳's C class of 80 over items adding up to 82). `check`
// reports the finding it names as a warning quoting the seed, not as an
// error (an error again with --strict), and an entry that matches no
// finding is an error.
struct SeedSlip {
  std::string node;      // the sum node whose children's points disagree, or
  std::string category;  // the category whose declared full marks disagree
  std::string seed;      // the seed's sentence, quoted in the warning
  SourcePos pos;
};

// `columns:` — a data file's own header names, per kind of file: the
// header as written → kaohe's column (`单位: unit_id`). The built-in
// Chinese synonyms need none (input/csv_columns.h).
// How measures files are laid out (`columns: {measures: {layout: …}}`):
// found per file, or declared (DESIGN.md §1 "Wide measure sheets").
enum class MeasureLayout {
  kDetect,  // long when the header has item_id and value, else wide
  kLong,    // unit_id,item_id,value[,key]…: a wide header is not looked for
  kWide,    // a unit column and one column per item, in every file
};

struct ColumnMapping {
  using Map = std::map<std::string, std::string, std::less<>>;
  Map events, roster, measures;
  MeasureLayout measure_layout = MeasureLayout::kDetect;
  SourcePos measure_layout_pos;  // of the 'layout' value (line 0: not declared)
};

struct Ranking {
  std::vector<std::string> tie_breakers;  // node ids, printed score desc
  std::vector<bool> ascending;            // per tie-breaker: lower is better
  SourcePos pos;                          // of the 'ranking' key's value
  bool within_category = false;
};

struct Scheme {
  int version = kGrammarVersion;
  std::string file;    // path as given, for diagnostics
  std::string title;
  std::string source;  // which seed text it encodes
  std::string text;    // the file's text, to show lines in diagnostics
  int precision = 2;
  RoundingMode rounding = RoundingMode::kHalfUp;
  std::optional<Period> period;
  // Working days (`calendar:`, a file beside the scheme): empty without
  // one. It covers at least the period.
  Calendar calendar;
  std::string calendar_file;  // as written in the scheme; empty: none
  // `--as-of DATE` (an interim run): score as if the period ended that day.
  // Set by the command line, not the scheme file; within the period.
  std::optional<Date> as_of;
  std::vector<Node> nodes;  // nodes[0] is the root; parents before children
  std::unordered_map<std::string, int> index;  // id → position in nodes
  // Ids written inside a node with `periods:` (the clerk's item ids) →
  // their copy in each sub-period, in date order. The copy root's id is
  // the periodic node's own id, which `index` holds as well.
  std::unordered_map<std::string, std::vector<int>> copies;
  std::vector<Grade> grades;                   // best first
  std::vector<Gate> gates;
  std::vector<Flag> flags;                     // print order
  std::vector<Quota> quotas;
  std::vector<Category> categories;            // empty: no categories
  std::vector<SeedSlip> seed_slips;            // for check (scheme_lint)
  Ranking ranking;
  ColumnMapping columns;

  // `normalise:` — the total is round(root × N ÷ the unit's full marks)
  // (按百分制折算: N = 100). Absent: the root's score is the total. The
  // loader sets 100 when categories are declared and the scheme does not
  // say `normalise: none`.
  std::optional<Decimal> normalise_to;
  SourcePos normalise_pos;  // of 'normalise' (absent: line 0)
  bool normalised() const { return normalise_to.has_value(); }
  // Whether node `n` applies to units of `category`: every `applies_to`
  // on the path from the root to it must list the category.
  bool applies_to_category(int n, const std::string& category) const;
  // Whether node `n`'s own `applies_to` (not its ancestors') admits
  // `category`: it is empty or lists it.
  bool admits_category(int n, const std::string& category) const;
  // The roster columns the scheme reads beyond id, name, category and
  // dates (`one_of: {column: …}`), each once, in node order.
  std::vector<std::string> roster_columns() const;
  // Flag index by id, or -1.
  int find_flag(const std::string& id) const;
  // Category index by name, or -1.
  int find_category(const std::string& name) const;

  const Node& root() const { return nodes.front(); }
  // Node index for `id`, or -1.
  int find(const std::string& id) const;
  // Grade index by name, or -1.
  int find_grade(const std::string& name) const;
  // The root's children: the parts printed as table columns.
  const std::vector<int>& parts() const { return nodes.front().children; }
  // All node ids, for "did you mean" hints.
  std::vector<std::string> ids() const;
  // The copies of `id`, written inside a node with `periods:`, or nullptr.
  const std::vector<int>* find_copies(const std::string& id) const;
  // The days node `n` covers: its sub-period's for a node inside a copy,
  // else the scheme's period (nullopt without one).
  std::optional<Period> span_of(int n) const;
};

}  // namespace kaohe
