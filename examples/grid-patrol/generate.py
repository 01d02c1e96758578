#!/usr/bin/env python3
"""Writes the grid-patrol example: units.csv, events.csv, measures.csv.

Scheme: schemes/grid-patrol.yaml (seed 004 第一篇, 哈尔滨 社区网格化管理服务).
The output is committed, so kaohe's tests never run Python; rerun this
script only to change the example, then re-check the golden files
(tests/golden/scheme-grid-patrol*/).

Deterministic: no randomness, no clock, no locale. Every gap and every
finding is written out below, so the hand arithmetic in
tests/golden/scheme-grid-patrol/ARITHMETIC.md can be checked against this
file line by line.

    python3 examples/grid-patrol/generate.py [OUT_DIR]
"""

import csv
import datetime as dt
import os
import sys

YEAR = 2025
D = dt.date

# --- the 2025 working-day calendar (国务院办公厅 2025年部分节假日安排) -------
HOLIDAYS = {
    D(2025, 1, 1),                                          # 元旦
    D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30), D(2025, 1, 31),
    D(2025, 2, 3), D(2025, 2, 4),                           # 春节 (weekdays)
    D(2025, 4, 4),                                          # 清明
    D(2025, 5, 1), D(2025, 5, 2), D(2025, 5, 5),            # 劳动节
    D(2025, 6, 2),                                          # 端午
    D(2025, 10, 1), D(2025, 10, 2), D(2025, 10, 3),
    D(2025, 10, 6), D(2025, 10, 7), D(2025, 10, 8),         # 国庆、中秋
}
MAKEUP_DAYS = {D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27),
               D(2025, 9, 28), D(2025, 10, 11)}             # 调休上班


def working_days(year):
    day, out = D(year, 1, 1), []
    while day.year == year:
        if day in MAKEUP_DAYS or (day.weekday() < 5 and day not in HOLIDAYS):
            out.append(day)
        day += dt.timedelta(days=1)
    return out


WORKDAYS = working_days(YEAR)
assert len(WORKDAYS) == 248, len(WORKDAYS)
PER_MONTH = [sum(1 for d in WORKDAYS if d.month == m) for m in range(1, 13)]
assert PER_MONTH == [19, 19, 21, 22, 19, 20, 23, 21, 23, 18, 20, 23], PER_MONTH


def days(*spec):
    """Dates from 'MM-DD' or ('MM-DD', 'MM-DD') inclusive ranges."""
    out = set()
    for s in spec:
        if isinstance(s, tuple):
            a, b = (D(YEAR, *map(int, x.split("-"))) for x in s)
            while a <= b:
                out.add(a)
                a += dt.timedelta(days=1)
        else:
            out.add(D(YEAR, *map(int, s.split("-"))))
    return out


STREETS = {
    "XY": "道里区 新阳路街道",
    "HY": "南岗区 花园街道",
    "TX": "香坊区 通乡街道",
}

# --- grid workers (网格员, 社区专职工作者) -------------------------------------
# skip:      working days without a patrol (and so without a 民情日志 entry)
# extra:     weekend patrols (错时工作制), counted like any other row
# diary_max: 民情日志 entries only on the first N patrol days of each month
# services:  帮办代办 matters per month (one row a month, count = matters)
# months_services: the months with a services row (default all twelve)
# start:     the first day of a worker hired mid-year (units.csv `from`);
#            her working days before it ask for nothing
# again:     a second patrol row on a date (note), counted once as a date
# before_start: a row dated before `start` (note): left out, like a row
#            outside the period
WORKERS = [
    dict(id="W01", name="张丽", street="XY", grid=3, services=4,
         grid_days=248, info="1", notice=(1, 1, 1, 1), votes=(38, 2, 0),
         before_period=["2024-12-30", "2024-12-31"]),
    dict(id="W02", name="李明", street="XY", grid=5, services=2,
         skip=days(("07-14", "07-18"), ("07-21", "07-25")),
         extra=days("07-05", "07-12", "07-19", "07-26"),
         grid_days=236, info="0.98", notice=(1, 1, 1, 1), votes=(30, 6, 1)),
    dict(id="W03", name="王淑芬", street="XY", grid=8, services=2,
         months_services=range(1, 8),
         skip=days(("08-01", "11-30")),
         grid_days=166, info="0.85", notice=(1, 1, 1, 0), votes=(18, 10, 4)),
    dict(id="W04", name="刘洋", street="XY", grid=11, services=3,
         grid_days=245, info="1", notice=(1, 1, 1, 1), votes=(33, 4, 0)),
    dict(id="W05", name="陈静", street="HY", grid=2, services=3,
         grid_days=240, info="0.96", notice=(1, 1, 1, 1), votes=(4, 2, 0)),
    dict(id="W06", name="杨帆", street="HY", grid=4, services=1, diary_max=12,
         grid_days=231, info="0.9", notice=(1, 1, 1, 1), votes=(26, 8, 2)),
    dict(id="W07", name="赵红梅", street="HY", grid=6, services=2,
         grid_days=220, info="0.92", notice=(1, 1, 1, 0), votes=(10, 8, 7)),
    dict(id="W08", name="黄志强", street="HY", grid=9, services=2,
         grid_days=228, info="0.88", notice=(1, 1, 1, 1), votes=(22, 9, 3)),
    dict(id="W09", name="周秀英", street="TX", grid=1, services=3,
         skip=days("02-05", "02-06", "02-07", "10-09"),
         grid_days=244, info="1", notice=(1, 1, 1, 1), votes=(35, 3, 0)),
    dict(id="W10", name="吴磊", street="TX", grid=3, services=1, diary_max=14,
         grid_days=150, info="0.8", notice=(1, 0, 1, 0), votes=(15, 12, 5)),
    dict(id="W11", name="徐婷", street="TX", grid=5, services=3,
         months_services=range(3, 13),
         grid_days=240, info="0.95", notice=(1, 1, 1, 1), votes=(30, 5, 1)),
    dict(id="W12", name="孙伟", street="TX", grid=7, services=3,
         months_services=range(3, 13),
         skip=days("10-09", "10-10"),
         grid_days=240, info="0.95", notice=(1, 1, 1, 1), votes=(30, 5, 1)),
    # 今年下半年…招录1名社区专职工作者 (seed 004, 三(三)): hired on 1 July, so
    # her roster row has from = 2025-07-01 and her quotas count only her
    # days. A trial patrol the day before she started is left out (outside
    # her days); two patrols on 15 July count as one date; the Saturday
    # patrol of 13 September fills no working day.
    dict(id="W13", name="胡雪梅", street="TX", grid=9, services=2,
         start="2025-07-01", months_services=range(7, 13),
         skip=days("08-12", "11-18"),
         extra=days("09-13"),
         again={"2025-07-15": "下午复查积水点"},
         before_start={"2025-06-30": "入职前跟岗巡查"},
         grid_days=125, info="0.9", notice=(1, 1, 1, 1), votes=(20, 3, 0)),
]

# --- supervisors (督导员, 街道工作人员): 每周不少于1次参与网格巡查 -------------
# They join a patrol every Thursday that is a working day (4 a month, 5 in
# July), except the Thursdays in `skip`.
SUPERVISORS = [
    dict(id="S01", name="王建国", street="XY", effect="92.5"),
    dict(id="S02", name="马丽娟", street="HY", effect="85",
         skip=days("01-02", "01-09", "02-06"), coordination_na=True),
    dict(id="S03", name="郑海涛", street="TX", effect="95",
         skip=days("06-12", "06-19", "06-26", "07-10", "07-17",
                   "08-14", "08-21", "09-11")),
]

# --- findings of 抽查/检查/热线 (unit, item, date, count, tier, ref, note) ----
FINDINGS = [
    ("W02", "handling", "2025-05-20", 1, "限时办理", "新阳路街道民情台账〔2025〕41号",
     "小区供暖管线维修超过限时3天"),
    ("W02", "conflict_screening", "2025-09-16", 1, "", "新阳路街道网格督查〔2025〕9号",
     "邻里噪音纠纷未排查上报"),
    ("W04", "privacy_breach", "2025-06-23", 1, "", "道里区网格中心通报〔2025〕6号",
     '将低保户名单发至楼栋微信群,造成个人信息外泄'),
    ("W05", "handling", "2025-04-08", 1, "立即处理", "花园街道民情台账〔2025〕17号",
     '居民反映"楼道堆放杂物",未立即处理'),
    ("W05", "handling", "2025-11-19", 1, "立即处理", "花园街道民情台账〔2025〕88号",
     "井盖缺失未当日处置"),
    ("W06", "diary_false", "2025-05-28", 1, "", "花园街道网格督查〔2025〕5号",
     "5月民情日志多篇内容雷同"),
    ("W06", "diary_false", "2025-10-29", 1, "", "花园街道网格督查〔2025〕11号",
     '日志记载"入户走访",经核实未入户'),
    ("W07", "handling", "2025-02-17", 2, "立即处理", "花园街道民情台账〔2025〕09号",
     "路灯不亮、下水道堵塞两件未立即处理"),
    ("W07", "handling", "2025-06-11", 1, "立即处理", "花园街道民情台账〔2025〕46号",
     ""),
    ("W07", "handling", "2025-03-25", 2, "限时办理", "花园街道民情台账〔2025〕21号",
     "弃管楼屋面漏雨、供热不达标,均超限时"),
    ("W07", "handling", "2025-08-14", 1, "限时办理", "花园街道民情台账〔2025〕63号", ""),
    ("W07", "handling", "2025-09-09", 1, "限时办理", "花园街道民情台账〔2025〕70号",
     "电梯维修资金协调超期"),
    ("W07", "handling", "2025-12-02", 2, "限时办理", "花园街道民情台账〔2025〕97号",
     "两户供暖投诉,超限时10天"),
    ("W07", "feedback_missing", "2025-03-31", 2, "", "花园街道民情台账〔2025〕21号",
     "办结后未向居民反馈"),
    ("W07", "feedback_missing", "2025-09-30", 1, "", "花园街道民情台账〔2025〕70号", ""),
    ("W08", "conflict_screening", "2025-03-18", 1, "", "花园街道网格督查〔2025〕3号",
     "楼上楼下漏水纠纷未排查"),
    ("W08", "conflict_screening", "2025-06-09", 2, "", "12345热线工单 HY-2025-0609-114",
     '群众越级反映"拆违"问题两起,网格内未掌握'),
    ("W08", "conflict_screening", "2025-09-23", 1, "", "花园街道网格督查〔2025〕10号",
     "群租房消防隐患未上报"),
    ("W08", "conflict_screening", "2025-11-05", 1, "", "花园街道网格督查〔2025〕12号", ""),
    ("W08", "complaint", "2025-07-02", 1, "", "监督电话记录〔2025〕HY-031",
     "入户调查态度生硬"),
    ("W08", "complaint", "2025-10-20", 1, "", "监督电话记录〔2025〕HY-058",
     "约定时间未到,居民等候两小时"),
    ("W10", "feedback_missing", "2025-07-15", 1, "", "通乡街道民情台账〔2025〕52号", ""),
    ("W10", "complaint", "2025-04-16", 1, "", "监督电话记录〔2025〕TX-012",
     "入户未出示工作证"),
    ("W11", "conflict_screening", "2025-08-06", 1, "", "通乡街道网格督查〔2025〕8号",
     "物业欠薪纠纷未及时上报"),
    ("W11", "handling", "2025-05-13", 1, "立即处理", "通乡街道民情台账〔2025〕33号",
     "小区大门门禁损坏,次日才处理"),
    ("W12", "handling", "2025-06-17", 1, "立即处理", "通乡街道民情台账〔2025〕47号",
     "楼道照明损坏,未当日处理"),
    ("W12", "complaint", "2025-11-24", 1, "", "监督电话记录〔2025〕TX-077",
     "电话咨询低保政策,答复不清"),
    ("S01", "sup_coordination", "2025-04-18", 1, "", "新阳路街道民情分析研判〔2025〕15号",
     "安居小区停车矛盾,一周内未协调处置"),
    ("S03", "sup_coordination", "2025-10-24", 1, "", "通乡街道民情分析研判〔2025〕40号",
     "老旧小区改造意见集中,未及时协调"),
]


def unit_name(w, role):
    return f"{w['name']} ({STREETS[w['street']]} {role})"


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))

    units = [["unit_id", "name", "category", "from"]]
    for w in WORKERS:
        units.append([w["id"], unit_name(w, f"第{w['grid']}网格"), "网格员",
                      w.get("start", "")])
    for s in SUPERVISORS:
        units.append([s["id"], unit_name(s, "网格督导员"), "督导员", ""])

    events = []  # (date, unit, item, count, tier, ref, note)
    for w in WORKERS:
        skip = w.get("skip", set())
        start = D.fromisoformat(w.get("start", f"{YEAR}-01-01"))
        patrol_days = sorted(d for d in (set(WORKDAYS) - skip) | w.get("extra", set())
                             if d >= start)
        for d in w.get("before_period", []):
            events.append((d, w["id"], "patrol", "", "", "", "年末跨年导出"))
        for d, note in w.get("before_start", {}).items():
            events.append((d, w["id"], "patrol", "", "", "", note))
        for d in patrol_days:
            note = "错时工作制,周末巡查" if d.weekday() >= 5 and d not in MAKEUP_DAYS else ""
            events.append((d.isoformat(), w["id"], "patrol", "", "", "", note))
        for d, note in w.get("again", {}).items():
            events.append((d, w["id"], "patrol", "", "", "", note))
        per_month = {}
        for d in patrol_days:
            n = per_month.get(d.month, 0)
            if "diary_max" in w and n >= w["diary_max"]:
                continue
            per_month[d.month] = n + 1
            events.append((d.isoformat(), w["id"], "diary", "", "", "", ""))
        for m in w.get("months_services", range(1, 13)):
            events.append((f"{YEAR}-{m:02d}-25", w["id"], "services",
                           str(w["services"]), "", "", "帮办代办月度汇总"))
    for s in SUPERVISORS:
        skip = s.get("skip", set())
        for d in WORKDAYS:
            if d.weekday() == 3 and d not in skip:
                events.append((d.isoformat(), s["id"], "sup_patrol", "", "", "",
                               "参与网格巡查"))
    for unit, item, date, count, tier, ref, note in FINDINGS:
        events.append((date, unit, item, str(count), tier, ref, note))
    events.sort(key=lambda e: (e[0], e[1], e[2]))

    measures = [["unit_id", "item_id", "value", "key"]]
    criteria = ["网格区域管理图", "服务指示牌", "姓名和联系方式", "工作内容和监督电话"]
    for w in WORKERS:
        measures.append([w["id"], "grid_time", str(w["grid_days"]), ""])
        measures.append([w["id"], "info_collection", w["info"], ""])
        for c, v in zip(criteria, w["notice"]):
            measures.append([w["id"], "public_notice", str(v), c])
        for level, v in zip(["满意", "基本满意", "不满意"], w["votes"]):
            measures.append([w["id"], "resident_feedback", str(v), level])
    for s in SUPERVISORS:
        measures.append([s["id"], "sup_effect", s["effect"], ""])
        if s.get("coordination_na"):
            measures.append([s["id"], "sup_coordination", "NA", ""])

    def write(name, rows):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8",
                  newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)

    write("units.csv", units)
    write("events.csv",
          [["unit_id", "item_id", "date", "count", "tier", "ref", "note"]] +
          [[e[1], e[2], e[0], e[3], e[4], e[5], e[6]] for e in events])
    write("measures.csv", measures)


if __name__ == "__main__":
    main()
