-- The benchmark's baseline: schemes/grid-patrol.yaml written as SQL for
-- DuckDB, on the files of tests/bench/gen.cpp. duckdb_baseline.js replaces
-- {DATA}, {OUT} and {SCHEMES} (the repository's schemes/), and run.sh
-- checks that the result equals kaohe's `-O csv` in every column.
--
-- Exactness: every score is an integer number of cents (precision 2), and
-- each node is rounded once, half-up, where kaohe rounds it. Measure values
-- are read as exact decimals and turned into integer millionths; every
-- division goes through rhu(p, q) = p / q rounded half-up to an integer
-- (p ≥ 0, q > 0), so no DOUBLE is ever involved.
--
-- What the SQL relies on (the generator makes it so; kaohe would check it):
-- every row is valid, every unit has its measures, items apply by category
-- only, sup_coordination rows only for supervisors without an NA row, and
-- every unit's full marks are 100 (so the normalised total is the root).
CREATE OR REPLACE TEMP MACRO rhu(p, q) AS (2 * p + q) // (2 * q);
CREATE OR REPLACE TEMP MACRO cents(x) AS
  CASE WHEN x IS NOT NULL THEN
    printf('%s%d.%02d', CASE WHEN x < 0 THEN '-' ELSE '' END, abs(x) // 100, abs(x) % 100)
  END;

COPY (
WITH
units AS (
  SELECT unit_id, name, category
  FROM read_csv('{DATA}/units.csv', header = true, auto_detect = false,
                columns = {'unit_id': 'VARCHAR', 'name': 'VARCHAR', 'category': 'VARCHAR'})
),
-- The working days of 2025: Monday to Friday, except the holidays (放假) and
-- the weekend days worked in exchange (上班, 调休) that the scheme's
-- calendar lists (schemes/calendars/cn-2025.csv, 248 days).
calendar AS (
  SELECT "date", "day"
  FROM read_csv('{SCHEMES}/calendars/cn-2025.csv', header = true, auto_detect = false,
                columns = {'date': 'DATE', 'day': 'VARCHAR', 'name': 'VARCHAR'})
),
workdays AS (
  SELECT CAST(g.d AS DATE) AS d
  FROM generate_series(DATE '2025-01-01', DATE '2025-12-31', INTERVAL 1 DAY) AS g(d)
  LEFT JOIN calendar c ON c."date" = CAST(g.d AS DATE)
  WHERE coalesce(c."day" = '上班', isodow(g.d) <= 5)
),
-- Event rows inside the period (2025), summed per unit, item, tier and
-- bucket of the item's quota: a patrol's date (count: dates, per: day), a
-- sup_patrol's ISO week (its Monday), a diary's month.
agg AS (
  SELECT unit_id, item_id, tier,
    CASE item_id WHEN 'patrol' THEN "date"
                 WHEN 'sup_patrol' THEN CAST(date_trunc('week', "date") AS DATE)
                 ELSE CAST(date_trunc('month', "date") AS DATE) END AS bucket,
    sum(coalesce("count", 1)) AS n
  FROM read_csv('{DATA}/events.csv', header = true, auto_detect = false,
                quote = '"', escape = '"',
                columns = {'unit_id': 'VARCHAR', 'item_id': 'VARCHAR', 'date': 'DATE',
                           'count': 'BIGINT', 'tier': 'VARCHAR', 'ref': 'VARCHAR',
                           'note': 'VARCHAR'})
  WHERE "date" IS NULL OR "date" BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'
  GROUP BY ALL
),
ev AS (
  SELECT a.unit_id,
    -- quota 1 per working day, distinct dates: the working days with a patrol
    count(w.d) FILTER (WHERE a.item_id = 'patrol') AS patrol_met,
    -- quota 1 per ISO week: the 51 whole weeks of 2025 (2025-01-06 ..
    -- 2025-12-28) with a row; the two cut by the year's edges ask for
    -- 1 × 5/7 and 1 × 3/7, rounded down: nothing
    count(*) FILTER (WHERE a.item_id = 'sup_patrol'
                       AND a.bucket BETWEEN DATE '2025-01-06' AND DATE '2025-12-22')
      AS sup_patrol_met,
    -- quota 15 per month: Σ over the months of min(rows, required)
    sum(least(a.n, 15)) FILTER (WHERE a.item_id = 'diary') AS diary_met,
    sum(a.n) FILTER (WHERE a.item_id = 'diary_false') AS diary_false,
    sum(a.n) FILTER (WHERE a.item_id = 'conflict_screening') AS conflict,
    sum(a.n) FILTER (WHERE a.item_id = 'services') AS services,
    sum(a.n) FILTER (WHERE a.item_id = 'handling' AND a.tier = '立即处理') AS handling_now,
    sum(a.n) FILTER (WHERE a.item_id = 'handling' AND a.tier = '限时办理') AS handling_late,
    sum(a.n) FILTER (WHERE a.item_id = 'feedback_missing') AS feedback_missing,
    sum(a.n) FILTER (WHERE a.item_id = 'privacy_breach') AS privacy,
    sum(a.n) FILTER (WHERE a.item_id = 'complaint') AS complaint,
    sum(a.n) FILTER (WHERE a.item_id = 'sup_coordination') AS coordination
  FROM agg a LEFT JOIN workdays w ON a.item_id = 'patrol' AND w.d = a.bucket
  GROUP BY a.unit_id
),
ms AS (
  SELECT unit_id, item_id, value, key,
         CASE WHEN value <> 'NA'
              THEN CAST(CAST(value AS DECIMAL(18, 6)) * 1000000 AS BIGINT) END AS micro
  FROM read_csv('{DATA}/measures.csv', header = true, auto_detect = false,
                columns = {'unit_id': 'VARCHAR', 'item_id': 'VARCHAR', 'value': 'VARCHAR',
                           'key': 'VARCHAR'})
),
mv AS (
  SELECT unit_id,
    max(micro) FILTER (WHERE item_id = 'grid_time') AS grid_time_v,
    max(micro) FILTER (WHERE item_id = 'info_collection') AS info_v,
    max(micro) FILTER (WHERE item_id = 'sup_effect') AS sup_effect_v,
    coalesce(bool_or(item_id = 'sup_coordination' AND value = 'NA'), false) AS coordination_na,
    -- 网格公示: each criterion met (value 1) earns 1, 1, 0.5, 0.5
    coalesce(sum(CASE key WHEN '网格区域管理图' THEN 100 WHEN '服务指示牌' THEN 100
                          WHEN '姓名和联系方式' THEN 50 WHEN '工作内容和监督电话' THEN 50 END)
             FILTER (WHERE item_id = 'public_notice' AND micro = 1000000), 0) AS notice,
    -- 居民反馈 votes: 满意 100, 基本满意 60, 不满意 0
    coalesce(sum(micro // 1000000 * CASE key WHEN '满意' THEN 100 WHEN '基本满意' THEN 60
                                            ELSE 0 END)
             FILTER (WHERE item_id = 'resident_feedback'), 0) AS vote_sum,
    coalesce(sum(micro // 1000000) FILTER (WHERE item_id = 'resident_feedback'), 0) AS votes
  FROM ms GROUP BY unit_id
),
-- Leaves and parts, in cents, each rounded (and floored or capped) once.
parts AS (
  SELECT u.unit_id, u.name, u.category, u.category = '督导员' AS sup,
    coalesce(e.privacy, 0) > 0 AS privacy_flag,
    -- 网格巡查: 0.5 each working day of the 248 without a patrol, floor 0
    -- (督导员: 2 each of the 51 whole weeks without one)
    CASE WHEN u.category = '督导员'
         THEN greatest(0, 3000 - 200 * (51 - coalesce(e.sup_patrol_met, 0)))
         ELSE greatest(0, 3000 - 50 * (248 - coalesce(e.patrol_met, 0))) END AS patrol_part,
    -- 在网格时间达标: 15 × days ÷ 248
    rhu(15 * 100 * m.grid_time_v, 248 * 1000000) AS grid_time,
    -- 民情日志: quota 15 a month, 0.5 each missing; 1 per false entry; floor 0
    greatest(0, 1500 - 50 * (12 * 15 - coalesce(e.diary_met, 0))
                - 100 * coalesce(e.diary_false, 0)) AS diary_part,
    -- 基础工作: completion 10 × value; 8 − 2 per miss, floor 0; 0.1 per
    -- service, cap 4; checklist
    rhu(10 * 100 * m.info_v, 1000000)
      + greatest(0, 800 - 200 * coalesce(e.conflict, 0))
      + least(400, 10 * coalesce(e.services, 0))
      + m.notice AS basics,
    -- 民情办理: 10 − 1 立即处理 − 2 限时办理 (no floor of its own)
    1000 - 100 * coalesce(e.handling_now, 0) - 200 * coalesce(e.handling_late, 0) AS handling,
    -50 * coalesce(e.feedback_missing, 0) AS feedback_missing,
    CASE WHEN m.votes >= 10 THEN rhu(5 * m.vote_sum, m.votes) END AS resident_feedback,
    -- 岗位纪律: 5 per privacy breach, 1 per complaint
    -500 * coalesce(e.privacy, 0) - 100 * coalesce(e.complaint, 0) AS conduct,
    -- 督导职责: 40 × score ÷ 100; 30 − 3 per case, floor 0, NA → full 30
    rhu(40 * 100 * m.sup_effect_v, 100 * 1000000)
      + CASE WHEN m.coordination_na THEN 3000
             ELSE greatest(0, 3000 - 300 * coalesce(e.coordination, 0)) END AS sup_duties
  FROM units u LEFT JOIN ev e USING (unit_id) LEFT JOIN mv m USING (unit_id)
),
scored AS (
  SELECT unit_id, name, category, privacy_flag, patrol_part,
    CASE WHEN NOT sup THEN grid_time END AS grid_time,
    CASE WHEN NOT sup THEN diary_part END AS diary_part,
    CASE WHEN NOT sup THEN basics END AS basics,
    -- 民情回应, floor 0: with fewer than 10 回访 居民反馈 does not apply and
    -- its 5 points go to 民情办理: handling × 15/10, rounded once
    CASE WHEN sup THEN NULL
         WHEN resident_feedback IS NOT NULL
           THEN greatest(0, handling + feedback_missing + resident_feedback)
         WHEN 3 * handling + 2 * feedback_missing <= 0 THEN 0
         ELSE rhu(3 * handling + 2 * feedback_missing, 2) END AS response,
    CASE WHEN NOT sup THEN conduct END AS conduct,
    CASE WHEN sup THEN sup_duties END AS sup_duties
  FROM parts
),
totals AS (
  SELECT *,
    patrol_part + CASE WHEN category = '督导员' THEN sup_duties
                       ELSE grid_time + diary_part + basics + response + conduct END AS total
  FROM scored
),
graded AS (
  SELECT *,
    CASE WHEN total >= 9000 THEN 1 WHEN total >= 7500 THEN 2 WHEN total >= 6000 THEN 3
         ELSE 4 END AS by_threshold,
    -- gates: privacy flag, or 网格巡查 < 18 → at most 基本称职
    privacy_flag OR patrol_part < 1800 AS capped
  FROM totals
)
SELECT
  rank() OVER (PARTITION BY category
               ORDER BY total DESC, patrol_part DESC, response DESC NULLS LAST) AS rank,
  unit_id, name, category,
  cents(patrol_part) AS patrol_part, cents(grid_time) AS grid_time,
  cents(diary_part) AS diary_part, cents(basics) AS basics, cents(response) AS response,
  cents(conduct) AS conduct, cents(sup_duties) AS sup_duties, cents(total) AS total,
  ['优秀', '称职', '基本称职', '不称职'][CASE WHEN capped THEN greatest(by_threshold, 3)
                                        ELSE by_threshold END] AS grade,
  -- the flag, then a node gate that lowered the grade
  nullif(concat_ws(';', CASE WHEN privacy_flag THEN '泄露居民隐私' END,
                        CASE WHEN NOT privacy_flag AND patrol_part < 1800 AND by_threshold < 3
                             THEN '网格巡查<18' END), '') AS flags
FROM graded
ORDER BY category, rank, unit_id
) TO '{OUT}' (HEADER, DELIMITER ',');
