// The starter scheme and data of `kaohe init` (scaffold/starter.h). The
// texts are kept as written so that a clerk reads them as they are here;
// tests/scaffold/starter_test.cpp loads and lints the scheme, and the
// golden init-score scores it.
#include "scaffold/starter.h"

namespace kaohe {
namespace {

// scheme.yaml
constexpr const char* kScheme = R"kaohe(# 考核方案(起步模板) — kaohe init 写出的示例方案。
# 按本单位的考核办法修改:每个键的含义写在它上方的注释里。
# 检查方案:  kaohe check scheme.yaml data
# 计算得分:  kaohe score scheme.yaml data
# 逐项说明:  kaohe explain scheme.yaml U01 data

# 方案语法版本,必填,目前为 1。
kaohe: 1
# 考核名称,打印在成绩表上方。
title: 2025年度乡镇(街道)工作目标考核
# 得分保留的小数位数(0 到 6)。
precision: 2
# 舍入方式:half_up 四舍五入;half_even 四舍六入五成双。
rounding: half_up
# 考核期(含首尾两日):期外的记录不计分,check 会提示。
period: {from: 2025-01-01, to: 2025-12-31}

# 标记:由事项记录触发,门槛(gates)和名额(quotas)可以引用。
flags:
  - {id: veto, name: 一票否决}

# 指标树:每个节点有 id(数据表“项目”列填写的编号)、name(名称)、points(满分)。
# 有 children 的节点把子项得分相加;叶子节点写一种计分规则。
root:
  id: total
  name: 考核总分
  points: 100
  children:
    # ---- 一、工作目标(60分):由事项表 events.csv 逐条记录 ----
    - id: work
      name: 工作目标
      points: 60
      children:
        # 每件扣2分,扣完为止:per_event 每条记录扣 deduct × 次数;floor: 0 表示最低 0 分。
        - id: supervision
          name: 督查督办事项未落实
          points: 15
          floor: 0
          per_event: {deduct: 2}
        # 分级扣分:按记录的“级别”列取扣分值(第二次督办每件扣3分,第三次每件扣5分)。
        - id: escalation
          name: 督办升级
          points: 10
          floor: 0
          tiered: {deduct: {第二次: 3, 第三次: 5}}
        # 定额:每季度至少报送信息 1 条,每少 1 条扣 2 分(按记录的“日期”归月)。
        - id: info
          name: 信息报送
          points: 10
          floor: 0
          quota: {required: 1, per: quarter, deduct: 2}
        # 逾期:每逾期 1 天扣 0.5 分,从记录的“截止日期”算到“完成日期”,每件最多扣 3 分。
        - id: reports
          name: 材料报送逾期
          points: 5
          floor: 0
          late: {deduct: 0.5, row_max: 3}
        # 完成率:满分 × 数值(0 到 1),由指标表 measures.csv 填写。
        - id: key_tasks
          name: 重点任务完成率
          points: 20
          completion: {}

    # ---- 二、评议评价(40分):由指标表 measures.csv 填写 ----
    - id: review
      name: 评议评价
      points: 40
      children:
        # 民主测评:每个等次一行(“等次”列填等次,“数值”列填票数),满分 × 加权票数 ÷ 有效票 ÷ 100。
        - id: public
          name: 民主测评
          points: 15
          votes:
            levels: {满意: 100, 基本满意: 60, 不满意: 0}
        # 折算:满分 × 数值 ÷ 100(专项考核的百分制得分)。
        - id: special
          name: 专项考核
          points: 10
          scaled: {scale: 100}
        # 直接得分:“数值”列就是得分(0 到满分)。
        - id: leader
          name: 领导评价
          points: 5
          direct: {}
        # 分档:数值达到 95% 得 10 分,达到 80% 得 6 分,否则 0 分(数值填比例,如 0.9)。
        - id: service
          name: 按时办结率
          points: 10
          bands:
            table:
              - {at_least: 95%, points: 10}
              - {at_least: 80%, points: 6}
            below: 0

    # ---- 三、加分(不计满分,最多加 5 分) ----
    # 没有 points 的节点是加减分项:计入总分但不计满分;cap: 5 表示最多加 5 分。
    - id: bonus
      name: 加分
      cap: 5
      children:
        # 每项加 2 分:受到上级表彰,每条记录一次。
        - id: honors
          name: 受上级表彰
          per_event: {add: 2}

    # ---- 四、一票否决 ----
    # flag_event:每条记录触发标记 veto,不扣分;下面的 gates 据此定为不合格。
    - id: veto_event
      name: 一票否决事项
      flag_event: {raise: veto}

# 等次:从高到低;min 是总分下限(含)。
grades:
  # quota: true 的等次只由名额(quotas)评定:总分 90 分以上且在名额内。
  - {name: 先进, quota: true, min: 90}
  - {name: 合格, min: 60}
  - {name: 基本合格}
  # gate: true 的等次只由门槛(gates)评定。
  - {name: 不合格, gate: true}

# 门槛:有一票否决事项的,定为不合格。
gates:
  - {flag: veto, force: 不合格}

# 名额:先进不超过单位总数的 30%,从合格单位中产生。
quotas:
  - {grade: 先进, percent: 30%, from: 合格}

# 排名:总分相同时依次比较工作目标、评议评价。
ranking:
  tie_breakers: [work, review]
)kaohe";

// data/units.csv
constexpr const char* kUnits = R"kaohe(单位编码,单位名称,类别
U01,城关镇,乡镇
U02,东岭乡,乡镇
U03,南湖街道,街道
U04,西山镇,乡镇
)kaohe";

// data/events.csv
constexpr const char* kEvents = R"kaohe(单位,项目,日期,次数,级别,截止日期,完成日期,备注
U01,info,2025-03-20,,,,,信息报送
U01,info,2025-06-18,,,,,信息报送
U01,info,2025-09-22,,,,,信息报送
U01,info,2025-12-15,,,,,信息报送
U02,info,2025-03-20,,,,,信息报送
U02,info,2025-06-18,,,,,信息报送
U02,info,2025-12-15,,,,,信息报送
U03,info,2025-03-20,,,,,信息报送
U03,info,2025-06-18,,,,,信息报送
U03,info,2025-09-22,,,,,信息报送
U03,info,2025-12-15,,,,,信息报送
U04,info,2025-03-20,,,,,信息报送
U04,info,2025-06-18,,,,,信息报送
U04,info,2025-09-22,,,,,信息报送
U04,info,2025-12-15,,,,,信息报送
U02,supervision,2025-04-10,1,,,,督查通报第3期
U04,supervision,2025-06-02,2,,,,督查通报第7期
U04,escalation,2025-07-01,1,第二次,,,二次督办
U03,reports,2025-04-03,,,2025-03-31,2025-04-03,一季度总结逾期
U01,honors,2025-09-15,,,,,省级表彰
U03,honors,2025-11-20,,,,,市级表彰
U04,veto_event,2025-08-08,,,,,安全生产责任事故
)kaohe";

// data/measures.csv
constexpr const char* kMeasures = R"kaohe(单位,项目,数值,等次
U01,key_tasks,0.95,
U01,public,38,满意
U01,public,4,基本满意
U01,public,0,不满意
U01,special,92,
U01,leader,5,
U01,service,0.97,
U02,key_tasks,0.9,
U02,public,30,满意
U02,public,8,基本满意
U02,public,2,不满意
U02,special,85,
U02,leader,4.5,
U02,service,0.9,
U03,key_tasks,1,
U03,public,35,满意
U03,public,5,基本满意
U03,public,1,不满意
U03,special,88,
U03,leader,4.8,
U03,service,0.85,
U04,key_tasks,0.8,
U04,public,25,满意
U04,public,10,基本满意
U04,public,5,不满意
U04,special,78,
U04,leader,4,
U04,service,0.7,
)kaohe";

}  // namespace

std::vector<ScaffoldFile> starter_files() {
  return {{"scheme.yaml", kScheme, {}},
          {"data/units.csv", kUnits, {}},
          {"data/events.csv", kEvents, {}},
          {"data/measures.csv", kMeasures, {}}};
}

}  // namespace kaohe
