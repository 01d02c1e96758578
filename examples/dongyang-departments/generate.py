#!/usr/bin/env python3
"""Writes the dongyang-departments example (units.csv, events.csv,
measures.csv) from the tables below. Every number is chosen by hand; only
the monthly rows of the two quota items (信息报送 2 a month, 干部集中学习 1 a
month) are spelled out by the loops. Run from this directory:

    python3 generate.py

The output is deterministic; the CSV files are committed, this script is
how to change them without hand-editing 900 rows.
"""
import csv

UNITS = [
    # id, name, 新农村建设领导小组成员单位?
    ("DY01", "市发展和改革局", True),
    ("DY02", "市经济和信息化局", True),
    ("DY03", "市教育局", False),
    ("DY04", "市公安局", False),
    ("DY05", "市民政局", True),
    ("DY06", "市财政局", True),
    ("DY07", "市人力资源和社会保障局", False),
    ("DY08", "市国土资源局", True),
    ("DY09", "市住房和城乡建设局", True),
    ("DY10", "市交通运输局", True),
    ("DY11", "市水务局", True),
    ("DY12", "市农业局", True),
    ("DY13", "市林业局", True),
    ("DY14", "市商务局", False),
    ("DY15", "市文化广电新闻出版局", False),
    ("DY16", "市卫生局", True),
    ("DY17", "市人口和计划生育局", False),
    ("DY18", "市环境保护局", True),
    ("DY19", "市安全生产监督管理局", False),
    ("DY20", "市档案局", False),
    ("DY21", "市老干部局", False),
    ("DY22", "市总工会", False),
    ("DY23", "团市委", False),
    ("DY24", "市妇联", False),
]
IDS = [u[0] for u in UNITS]

# (三)服务经济发展: contest scores on 100; absent = does not take part (NA).
CONTESTS = {
    "industry_contest": {"DY01": "96", "DY02": "98", "DY06": "90", "DY08": "85",
                         "DY09": "88", "DY10": "92", "DY11": "94", "DY14": "91"},
    "investment_return": {"DY01": "95", "DY02": "90", "DY06": "88", "DY08": "80",
                          "DY12": "85", "DY14": "97"},
    "agri_contest": {"DY05": "78", "DY08": "90", "DY11": "86", "DY12": "93",
                     "DY13": "89"},
    "service_contest": {"DY02": "90", "DY10": "87.5", "DY14": "95", "DY15": "88",
                        "DY16": "84"},
}

# 二、职能工作: completion of 金华市 targets (None = no 金华市 task: NA) and
# of the 年度工作要点.
FUNCTIONS = {
    "DY01": ("1", "0.98"), "DY02": ("1", "1"), "DY03": ("0.9", "0.95"),
    "DY04": ("1", "0.96"), "DY05": ("0.8", "0.9"), "DY06": ("1", "1"),
    "DY07": ("0.95", "0.97"), "DY08": ("0.7", "0.85"), "DY09": ("0.9", "0.92"),
    "DY10": ("1", "0.95"), "DY11": ("1", "0.99"), "DY12": ("1", "0.97"),
    "DY13": ("0.85", "0.9"), "DY14": ("1", "1"), "DY15": ("0.9", "0.96"),
    "DY16": ("0.95", "0.93"), "DY17": ("1", "0.98"), "DY18": ("0.9", "0.94"),
    "DY19": ("1", "0.95"), "DY20": (None, "0.96"), "DY21": (None, "1"),
    "DY22": (None, "0.9"), "DY23": (None, "0.88"), "DY24": (None, "0.93"),
}

# 共建新农村 checklist: criteria met (1) / explicitly not met (0); a
# criterion not listed has no row (not met).
MEMBER = ["交办工作", "考核目标", "资金扶持", "工作举措"]
OTHER = ["资金扶持", "工作举措"]
COUNTRYSIDE = {
    "DY01": {"交办工作": 1, "考核目标": 1, "资金扶持": 1, "工作举措": 1},
    "DY02": {"交办工作": 1, "考核目标": 1, "资金扶持": 1, "工作举措": 1},
    "DY03": {"资金扶持": 1, "工作举措": 1},
    "DY04": {"资金扶持": 0, "工作举措": 1},
    "DY05": {"交办工作": 1, "考核目标": 0, "资金扶持": 1, "工作举措": 1},
    "DY06": {"交办工作": 1, "考核目标": 1, "资金扶持": 1, "工作举措": 1},
    "DY07": {"资金扶持": 1, "工作举措": 1},
    "DY08": {"交办工作": 1, "考核目标": 0, "资金扶持": 1},
    "DY09": {"交办工作": 1, "考核目标": 1, "资金扶持": 1, "工作举措": 0},
    "DY10": {"交办工作": 1, "考核目标": 1, "资金扶持": 1, "工作举措": 1},
    "DY11": {"交办工作": 1, "考核目标": 1, "资金扶持": 1, "工作举措": 1},
    "DY12": {"交办工作": 1, "考核目标": 1, "资金扶持": 1, "工作举措": 1},
    "DY13": {"交办工作": 1, "考核目标": 1, "资金扶持": 0, "工作举措": 1},
    "DY14": {"资金扶持": 1, "工作举措": 1},
    "DY15": {"资金扶持": 1, "工作举措": 0},
    "DY16": {"交办工作": 1, "考核目标": 1, "资金扶持": 1, "工作举措": 1},
    "DY17": {"资金扶持": 1, "工作举措": 1},
    "DY18": {"交办工作": 1, "考核目标": 1, "资金扶持": 1, "工作举措": 1},
    "DY19": {"资金扶持": 1, "工作举措": 1},
    "DY20": {"资金扶持": 1},
    "DY21": {"资金扶持": 1, "工作举措": 1},
    "DY22": {"资金扶持": 1, "工作举措": 1},
    "DY23": {"资金扶持": 0, "工作举措": 1},
    "DY24": {"资金扶持": 1, "工作举措": 0},
}

# 帮扶工作 checklist (0.4 / 0.3 / 0.3); default all met.
AID = ["组织健全有计划有总结", "落实帮扶项目资金", "送温暖献爱心活动"]
AID_EXCEPT = {
    "DY04": {"送温暖献爱心活动": 0},
    "DY13": {"落实帮扶项目资金": 0},
    "DY20": {"落实帮扶项目资金": 0, "送温暖献爱心活动": 0},
    "DY23": {"组织健全有计划有总结": 0},
    "DY24": {"送温暖献爱心活动": 0},
}

# 宣传工作 checklist (1/1/1/0.5/0.5); default all met.
PUB = ["重大主题活动", "学习型党组织", "党报党刊征订", "无负面报道", "舆情处置"]
PUB_EXCEPT = {
    "DY04": {"无负面报道": 0},
    "DY08": {"党报党刊征订": 0, "舆情处置": 0},
    "DY09": {"无负面报道": 0},
    "DY16": {"舆情处置": 0},
    "DY22": {"学习型党组织": 0},
    "DY24": {"党报党刊征订": 0},
}

# Scores handed over by other assessments (on 100). Default 100.
# party_building is 机关党建 (scaled), the rest are 倒扣分 (scaled_deduction).
SCORES = {
    "party_building": {"DY01": "95", "DY02": "92", "DY03": "90", "DY04": "88",
                       "DY05": "93", "DY06": "96", "DY07": "91", "DY08": "85",
                       "DY09": "89", "DY10": "94", "DY11": "92", "DY12": "95",
                       "DY13": "90", "DY14": "97", "DY15": "93", "DY16": "91",
                       "DY17": "94", "DY18": "92", "DY19": "90", "DY20": "96",
                       "DY21": "98", "DY22": "93", "DY23": "90", "DY24": "94"},
    "five_cities": {"DY04": "96", "DY08": "90", "DY09": "82", "DY10": "95",
                    "DY13": "98", "DY16": "94", "DY24": "97"},
    "talent": {"DY03": "95", "DY08": "90", "DY15": "92", "DY16": "96",
               "DY24": "90"},
    "integrity": {"DY04": "97.5", "DY08": "88", "DY09": "95", "DY13": "99",
                  "DY16": "95"},
    "petitions": {"DY04": "95", "DY05": "90", "DY08": "85", "DY09": "92",
                  "DY13": "97"},
    "work_safety": {"DY09": "90", "DY10": "95", "DY16": "98", "DY19": "96"},
    "family_planning": {"DY13": "95", "DY17": "92"},
    "community": {"DY05": "96", "DY16": "95", "DY24": "90"},
}
# 行政服务中心: units not in the centre are NA; the rest default to 100.
NOT_IN_CENTRE = ["DY20", "DY21", "DY22", "DY23", "DY24"]
CENTRE = {"DY04": "95", "DY08": "85", "DY09": "90", "DY16": "97.5",
          "DY07": "95"}
# 应急联动 (missing: full): only the units in the network have a row.
EMERGENCY = {"DY04": "94", "DY10": "100", "DY11": "96", "DY16": "90",
             "DY19": "98"}
# 食品安全综合评价 (missing: full): only the related departments.
FOOD_EVAL = {"DY12": "96", "DY14": "100", "DY16": "90", "DY18": "98"}

# 综合评议: leader, half-year, year-end, public (each on 100).
APPRAISAL = {
    "DY01": ("93", "90", "92", "91"), "DY02": ("95", "92", "94", "93"),
    "DY03": ("90", "88", "91", "92"), "DY04": ("89", "86", "88", "85"),
    "DY05": ("88", "85", "87", "89"), "DY06": ("94", "90", "93", "90"),
    "DY07": ("90", "89", "90", "88"), "DY08": ("82", "80", "83", "78"),
    "DY09": ("85", "84", "86", "80"), "DY10": ("91", "90", "92", "87"),
    "DY11": ("92", "91", "90", "90"), "DY12": ("93", "94", "95", "92"),
    "DY13": ("88", "87", "89", "90"), "DY14": ("96", "93", "95", "94"),
    "DY15": ("89", "88", "90", "91"), "DY16": ("87", "85", "88", "86"),
    "DY17": ("90", "90", "89", "90"), "DY18": ("91", "89", "90", "88"),
    "DY19": ("90", "88", "91", "89"), "DY20": ("88", "86", "87", "92"),
    "DY21": ("92", "90", "93", "95"), "DY22": ("90", "89", "90", "93"),
    "DY23": ("89", "88", "89", "90"), "DY24": ("91", "88", "92", "94"),
}

# 信息报送: articles a month (12 months of 2013); default 2 each month.
INFO = {
    "DY05": [4, 4, 4, 0, 0, 0, 2, 2, 2, 2, 2, 2],
    "DY08": [1, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 2],
    "DY21": [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1],
    "DY22": [3, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
    "DY24": [2, 2, 0, 1, 2, 2, 0, 2, 2, 3, 2, 0],
}
# 每月干部集中学习: months (1..12) with no session.
STUDY_MISSED = {"DY08": [1], "DY09": [2, 8, 11], "DY24": [7]}
# 机关作风建设 records kept by every unit: 班子专题研究 meetings (two a
# year), 效能与作风检查 (one a quarter) and 教育活动 (two a year). The
# exceptions: DY03's team met once (班子专题研究仅1次); DY15 held no
# inspection in the second and third quarters (第二、三季度未开展效能检查).
TEAM_MEETINGS = {"DY03": ["2013-04-16"]}
INSPECTIONS = {"DY15": ["2013-03-20", "2013-12-12"]}

TOPICS = ["全市重点工程建设进展", "\"五水共治\"工作动态", "招商引资项目推进",
          "农村\"两富\"指导员驻村", "机关效能建设", "民生实事办理",
          "安全生产大检查", "文明城市创建", "行政审批提速", "干部作风转变",
          "美丽乡村建设", "服务企业\"三促进\""]

# Events other than the monthly quota rows:
# (unit, item, date, count, tier, points, ref, note)
EVENTS = [
    # (四)联系帮扶
    ("DY08", "town_economy", "2013-12-20", 1, "", "1.5", "农办考〔2013〕12号",
     "未协助联系镇制定发展规划"),
    ("DY08", "town_economy", "2013-12-20", 1, "", "1", "农办考〔2013〕12号",
     "所联系镇经济发展任务未完成"),
    ("DY19", "town_economy", "2013-12-20", 1, "", "0.5", "农办考〔2013〕12号",
     "主要领导全年仅到联系镇走访一次"),
    ("DY13", "instructor_selection", "2013-03-15", 1, "", "", "两富办〔2013〕4号",
     "指导员未按时选派到位"),
    ("DY13", "instructor_visits", "2013-06-30", 3, "", "", "两富办〔2013〕9号",
     "4月、5月、6月到村不足2次"),
    ("DY13", "instructor_visits", "2013-10-31", 1, "", "", "两富办〔2013〕15号", ""),
    ("DY13", "instructor_lecture", "2013-12-31", 2, "", "", "两富办〔2013〕20号",
     "两名指导员全年未上党课"),
    ("DY05", "instructor_visits", "2013-08-31", 2, "", "", "两富办〔2013〕12号", ""),
    ("DY12", "instructor_other", "2013-11-20", 1, "", "0.3", "两富办〔2013〕17号",
     "\"三改一拆\"宣传任务未完成"),
    ("DY12", "instructor_lecture", "2013-12-31", 1, "", "", "两富办〔2013〕20号", ""),
    # (一)机关作风建设
    ("DY08", "e_supervision_failed", "2013-12-10", 1, "", "", "效能办〔2013〕31号",
     "电子监察系统年度考核不合格"),
    ("DY08", "efficiency_violation", "2013-04-22", 2, "", "", "纪委通报〔2013〕6号",
     "工作时间擅离岗位,两人次"),
    ("DY08", "efficiency_violation", "2013-09-05", 1, "", "", "纪委通报〔2013〕14号", ""),
    ("DY08", "hotline_absent", "2013-07-18", 2, "", "", "纠风办〔2013〕8号",
     "分管副局长两次未按规定上线"),
    ("DY08", "complaint_verified", "2013-05-30", 4, "", "", "效投〔2013〕052号",
     "土地征收补偿投诉,经查属实"),
    ("DY08", "complaint_ignored", "2013-08-16", 2, "", "", "效投〔2013〕087号", ""),
    ("DY08", "rectification_poor", "2013-10-12", 2, "", "", "效投〔2013〕101号", ""),
    ("DY08", "unauthorised_inspection", "2013-06-03", 1, "", "", "纪委〔2013〕22号",
     "未经批准到企业检查"),
    ("DY08", "window_authorisation", "2013-03-01", 1, "", "", "服务中心〔2013〕5号", ""),
    ("DY09", "complaint_verified", "2013-06-14", 2, "", "", "效投〔2013〕061号",
     "物业维修资金投诉"),
    ("DY09", "complaint_late", "2013-07-09", 3, "", "", "效投〔2013〕070号", ""),
    ("DY09", "approval_reform", "2013-12-15", 1, "", "", "审改办〔2013〕9号", ""),
    ("DY09", "hotline_feedback_late", "2013-09-26", 1, "", "", "纠风办〔2013〕11号", ""),
    ("DY04", "no_self_correction", "2013-08-08", 1, "", "", "纪委〔2013〕30号", ""),
    ("DY04", "special_supervision", "2013-11-11", 2, "", "", "监察〔2013〕15号", ""),
    ("DY04", "conduct_violation", "2013-05-05", 1, "", "", "纪委〔2013〕18号",
     "公务接待超标准"),
    ("DY16", "supervision_advice", "2013-10-20", 1, "", "", "监察建议〔2013〕3号",
     "未执行监察建议书"),
    ("DY16", "openness_irregular", "2013-06-30", 1, "", "", "政务公开办〔2013〕4号", ""),
    ("DY16", "openness_oversight", "2013-06-30", 1, "", "", "政务公开办〔2013〕4号", ""),
    ("DY03", "no_organisation", "2013-02-25", 1, "", "", "效能办〔2013〕2号",
     "未明确职能科室"),
    ("DY07", "no_work_plan", "2013-03-10", 1, "", "", "效能办〔2013〕8号", ""),
    ("DY07", "measures_not_done", "2013-12-31", 1, "", "", "效能办〔2013〕40号", ""),
    ("DY15", "no_supporting_rule", "2013-09-30", 1, "", "", "效能办〔2013〕27号", ""),
    ("DY17", "missing_work_rule", "2013-12-31", 2, "", "", "效能办〔2013〕40号",
     "未建立首问责任制、AB岗制度"),
    ("DY10", "process_innovation", "2013-11-15", 1, "", "", "效能办〔2013〕35号", ""),
    ("DY10", "tough_problems", "2013-12-31", 1, "", "", "效能办〔2013〕40号", ""),
    ("DY10", "no_plan_no_lead", "2013-12-31", 1, "", "", "效能办〔2013〕40号", ""),
    ("DY11", "supervision_unfinished", "2013-08-20", 2, "", "", "督办〔2013〕45号",
     "两项督办事项逾期未落实"),
    ("DY14", "supervision_unfinished", "2013-04-18", 1, "", "", "督办〔2013〕21号", ""),
    # (二)领导班子和干部队伍建设
    ("DY08", "disunity", "2013-12-31", 1, "", "", "组考〔2013〕7号",
     "班子不团结,整体功能发挥差\n(组织部年度考察意见)"),
    ("DY08", "unclear_duties", "2013-12-31", 1, "", "", "组考〔2013〕7号", ""),
    ("DY08", "no_division", "2013-12-31", 1, "", "", "组考〔2013〕7号", ""),
    ("DY05", "decision_rules", "2013-12-31", 1, "", "", "组考〔2013〕7号",
     "党组会议记录不完整"),
    ("DY05", "individual_decision", "2013-12-31", 1, "", "", "组考〔2013〕7号", ""),
    ("DY05", "decision_rules", "2013-06-30", 1, "", "", "组考〔2013〕3号",
     "未按规定召开民主生活会"),
    ("DY07", "selection_violation", "2013-09-10", 1, "", "", "组考〔2013〕5号", ""),
    ("DY18", "excess_middle_posts", "2013-04-01", 1, "", "", "组考〔2013〕2号",
     "擅自超职数配备中层干部"),
    ("DY15", "no_training_plan", "2013-03-31", 1, "", "", "组考〔2013〕2号", ""),
    ("DY22", "training_unfinished", "2013-12-31", 1, "", "", "组考〔2013〕7号", ""),
    ("DY09", "weak_management_rules", "2013-12-31", 1, "", "", "组考〔2013〕7号", ""),
    ("DY09", "enterprise_posts", "2013-10-08", 1, "", "", "组考〔2013〕6号",
     "一名干部违规在房地产企业兼职"),
    # (六)自身建设
    ("DY04", "staffing_violation", "2013-12-31", 5, "", "", "编委办〔2013〕11号",
     "超职数配备、擅自招录编外用工等五项"),
    ("DY10", "staffing_violation", "2013-08-15", 1, "", "", "编委办〔2013〕6号", ""),
    ("DY03", "law_education", "2013-12-31", 2, "", "", "司法局〔2013〕19号",
     "普法档案不齐全;未按时报送工作总结"),
    ("DY16", "demo_city_loss", "2013-11-30", 3, "", "", "食安办〔2013〕12号",
     "示范市验收扣6分, 每扣2分扣0.1分"),
    ("DY12", "demo_city_loss", "2013-11-30", 12, "", "", "食安办〔2013〕12号",
     "示范市验收扣24分"),
    ("DY16", "food_info_missing", "2013-12-31", 4, "", "", "食安办〔2013〕15号", ""),
    ("DY14", "food_info_missing", "2013-12-31", 12, "", "", "食安办〔2013〕15号",
     "全年少报食品安全信息12条"),
    ("DY16", "major_food_accident", "2013-07-21", 1, "", "", "食安办〔2013〕9号",
     "学校食堂集体食物中毒事故"),
    ("DY16", "food_incident", "2013-09-02", 1, "", "", "食安办〔2013〕10号", ""),
    ("DY12", "fake_food_case", "2013-05-16", 1, "", "", "食安办〔2013〕6号",
     "制售假劣农资案件,性质恶劣"),
    ("DY04", "legal_setup", "2013-12-31", 2, "", "", "法制办〔2013〕8号",
     "两名执法人员无证上岗"),
    ("DY08", "enforcement_overturned", "2013-10-25", 1, "", "", "复议〔2013〕14号",
     "行政处罚决定被复议撤销"),
    ("DY08", "no_court_appearance", "2013-06-19", 1, "", "", "法制办〔2013〕5号", ""),
    ("DY09", "enforcement_improper", "2013-09-18", 2, "", "", "法制办〔2013〕7号", ""),
    ("DY20", "civility_meeting", "2013-12-31", 1, "", "", "文明办〔2013〕10号", ""),
    ("DY22", "civility_plan", "2013-12-31", 1, "", "", "文明办〔2013〕10号", ""),
    ("DY22", "core_values", "2013-12-31", 1, "", "", "文明办〔2013〕10号", ""),
    ("DY23", "volunteering", "2013-12-31", 1, "", "", "文明办〔2013〕10号", ""),
    ("DY09", "proposal_late", "2013-07-15", 2, "", "", "人大办〔2013〕23号",
     "两件建议未在规定时间答复"),
    ("DY09", "proposal_sloppy", "2013-07-15", 2, "", "0.3", "人大办〔2013〕23号",
     "答复件格式不规范"),
    ("DY09", "proposal_sloppy", "2013-08-02", 1, "", "0.5", "政协办〔2013〕17号", ""),
    ("DY10", "proposal_joint", "2013-06-11", 1, "", "", "政协办〔2013〕12号",
     "会办材料不及时"),
    ("DY06", "inquiry_late", "2013-05-27", 1, "", "", "组织部〔2013〕44号", ""),
    ("DY06", "inquiry_sloppy", "2013-05-27", 1, "", "0.2", "组织部〔2013〕44号", ""),
    ("DY11", "inquiry_unsatisfied", "2013-09-09", 1, "", "", "组织部〔2013〕58号", ""),
    ("DY19", "info_target_missed", "2013-12-31", 1, "", "", "市委办〔2013〕66号",
     "信息考核任务指标未完成"),
    ("DY19", "incident_report_late", "2013-08-13", 1, "", "", "市委办〔2013〕51号",
     "\"8·13\"厂房火灾信息迟报"),
    ("DY19", "research_target_missed", "2013-12-31", 1, "", "", "市府办〔2013〕70号", ""),
    ("DY15", "secret_leak", "2013-04-09", 1, "机密", "", "保密办〔2013〕3号",
     "机密文件遗失"),
    ("DY15", "secrecy_education", "2013-10-10", 1, "", "", "保密办〔2013〕9号", ""),
    ("DY07", "secret_leak", "2013-11-21", 1, "秘密", "", "保密办〔2013〕12号", ""),
    ("DY03", "secrecy_notice", "2013-06-06", 1, "", "", "金保通〔2013〕2号",
     "金华市保密局检查通报批评"),
    ("DY21", "archive_irregular", "2013-12-31", 2, "", "", "档案局〔2013〕13号",
     "未按档案管理软件要求整理;未登记备份"),
    ("DY23", "chronicle_meeting", "2013-03-20", 1, "", "", "史志办〔2013〕2号", ""),
    ("DY23", "yearbook_late", "2013-09-30", 1, "", "", "史志办〔2013〕8号",
     "《东阳年鉴》(2013)稿件逾期"),
    ("DY17", "gazetteer_unfinished", "2013-12-31", 1, "", "", "史志办〔2013〕11号", ""),
    ("DY18", "eco_item_missed", "2013-12-31", 3, "", "", "环保局〔2013〕24号",
     "三项生态环保目标未完成"),
    ("DY18", "jinhua_eco_missed", "2013-12-31", 1, "", "", "环保局〔2013〕24号", ""),
    ("DY16", "health_setup", "2013-04-30", 1, "", "", "卫生局〔2013〕16号", ""),
    ("DY03", "health_inspection_failed", "2013-11-05", 1, "", "", "卫生局〔2013〕30号",
     "学校周边环境暗访未通过"),
    ("DY21", "veteran_benefits", "2013-12-31", 1, "", "", "老干部局〔2013〕9号", ""),
    ("DY06", "veteran_no_lead", "2013-12-31", 1, "", "", "老干部局〔2013〕9号", ""),
    ("DY22", "mass_org_weak", "2013-12-31", 1, "", "", "总工会〔2013〕14号",
     "基层工会经费未保障"),
    ("DY24", "mass_org_weak", "2013-12-31", 2, "", "", "妇联〔2013〕8号", ""),
]

# Rows outside 2013: validated, then left out (they show up under -v).
OUTSIDE = [
    ("DY03", "info_reports", "2012-12-28", 1, "", "", "东阳信息〔2012〕第48期",
     "2012年12月信息,不计入2013年度"),
    ("DY10", "info_reports", "2014-01-06", 1, "", "", "东阳信息〔2014〕第1期", ""),
    ("DY08", "efficiency_violation", "2014-01-10", 1, "", "", "纪委通报〔2014〕1号",
     "次年查实,不计入本年度"),
]


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    write("units.csv", ["unit_id", "name"], [(u, n) for u, n, _ in UNITS])

    events = []
    issue = 1
    for u in IDS:
        counts = INFO.get(u, [2] * 12)
        for m, n in enumerate(counts, start=1):
            if n == 2 and (m + int(u[2:])) % 5 == 0:
                # two articles sent together in one row
                events.append((u, "info_reports", f"2013-{m:02d}-18", 2, "", "",
                               f"东阳信息〔2013〕第{issue}期", "两篇合报"))
                issue += 1
                continue
            for k in range(n):
                day = 6 + k * 7
                topic = TOPICS[(m + k + int(u[2:])) % len(TOPICS)]
                note = f"{topic}, 已被金华市采用" if k == 0 and m % 4 == 0 else topic
                events.append((u, "info_reports", f"2013-{m:02d}-{day:02d}", 1, "",
                               "", f"东阳信息〔2013〕第{issue}期", note))
                issue += 1
        for m in range(1, 13):
            if m in STUDY_MISSED.get(u, []):
                continue
            events.append((u, "monthly_study", f"2013-{m:02d}-25", 1, "", "",
                           f"学习记录〔2013〕{m:02d}", ""))
        for day in TEAM_MEETINGS.get(u, ["2013-04-16", "2013-10-22"]):
            events.append((u, "team_meetings", day, 1, "", "",
                           f"{u}班子会纪要〔2013〕{day[5:7]}", "专题研究效能和作风建设"))
        for day in INSPECTIONS.get(u, ["2013-03-20", "2013-06-18", "2013-09-17",
                                       "2013-12-12"]):
            events.append((u, "inspections", day, 1, "", "",
                           f"{u}效能检查记录〔2013〕{day[5:7]}", ""))
        events.append((u, "education", "2013-05-28", 2, "", "",
                       f"{u}教育活动〔2013〕1-2", "两次教育活动"))
    events.extend(EVENTS)
    events.extend(OUTSIDE)
    write("events.csv",
          ["unit_id", "item_id", "date", "count", "tier", "points", "ref", "note"],
          [(u, i, d, c, t, p, r, n) for u, i, d, c, t, p, r, n in events])

    measures = []
    for u, _, member in UNITS:
        for item, scores in CONTESTS.items():
            measures.append((u, item, scores.get(u, "NA"), ""))
        jinhua, annual = FUNCTIONS[u]
        measures.append((u, "jinhua_targets", jinhua or "NA", ""))
        measures.append((u, "annual_points", annual, ""))
        mine, other = ("countryside_member", "countryside_other") if member else (
            "countryside_other", "countryside_member")
        measures.append((u, other, "NA", ""))
        for key in (MEMBER if member else OTHER):
            if key in COUNTRYSIDE[u]:
                measures.append((u, mine, str(COUNTRYSIDE[u][key]), key))
        for key in AID:
            measures.append((u, "poverty_aid", str(AID_EXCEPT.get(u, {}).get(key, 1)), key))
        for key in PUB:
            measures.append((u, "publicity", str(PUB_EXCEPT.get(u, {}).get(key, 1)), key))
        for item, scores in SCORES.items():
            measures.append((u, item, scores.get(u, "100"), ""))
        measures.append((u, "service_centre",
                         "NA" if u in NOT_IN_CENTRE else CENTRE.get(u, "100"), ""))
        if u in EMERGENCY:
            measures.append((u, "emergency", EMERGENCY[u], ""))
        if u in FOOD_EVAL:
            measures.append((u, "food_evaluation", FOOD_EVAL[u], ""))
        leader, half, year, public = APPRAISAL[u]
        measures.append((u, "leader_appraisal", leader, ""))
        measures.append((u, "town_half_year", half, ""))
        measures.append((u, "town_year_end", year, ""))
        measures.append((u, "public_appraisal", public, ""))
    write("measures.csv", ["unit_id", "item_id", "value", "key"], measures)


if __name__ == "__main__":
    main()
