import type { PolicyValue } from "~/engine/define-service";

/**
 * 计划生育家庭特别扶助: the conditions, amounts and dates the rules use, each with the document
 * it comes from. The eligibility rules, the public check, the award terms, the workflow and
 * the start page all read them from here. `sample: true` marks a figure not yet confirmed
 * from the public text of its document. The award ends when another child is born or
 * adopted (the yearly re-confirmation asks), or the only disabled child recovers.
 */

const CONDITIONS =
  "国家人口计生委 财政部《全国独生子女伤残死亡家庭扶助制度试点方案》（国人口发〔2007〕78号）：1933年1月1日以后出生；女方年满49周岁；只生育一个子女或合法收养一个子女；现无存活子女或独生子女被依法鉴定为残疾（伤病残达到三级以上）";

export const policy = {
  bornOnOrAfter: { value: "1933-01-01", source: CONDITIONS },
  womanMinimumAge: { value: 49, source: CONDITIONS },
  singleParentMinimumAge: {
    value: 49,
    source: "特别扶助对象确认的政策解释：因丧偶或离婚的单亲家庭，男方或女方须年满49周岁（文号待核对）",
    sample: true,
  },
  /** Grades 1 (most severe) to this one qualify (残疾人证). */
  worstQualifyingGrade: { value: 3, source: CONDITIONS },
  nationalPerMonthDeath: {
    value: 590,
    source: "国家卫生健康委、财政部：自2022年7月1日起，独生子女死亡家庭特别扶助金每人每月590元，城乡同一标准（新华社2022年5月11日报道）",
  },
  nationalPerMonthDisability: {
    value: 460,
    source: "同上：独生子女伤残家庭每人每月460元，城乡同一标准",
  },
  nationalSince: { value: "2022-07-01", source: "同上（2022年7月1日起执行）" },
  perMonthDeath: {
    value: 640,
    source: "重庆市卫生健康委员会 重庆市财政局《关于调整计划生育家庭特别扶助金标准的通知》（渝卫发〔2024〕3号）：独生子女死亡家庭（金额待核对原文）",
    sample: true,
  },
  perMonthDisability: {
    value: 500,
    source: "渝卫发〔2024〕3号：独生子女伤残家庭（金额待核对原文）",
    sample: true,
  },
  /** Payment starts on the first day of the month after county approval (the woman is already 49 by then). */
  startsMonthsAfterApproval: {
    value: 1,
    source: "《农村部分计划生育家庭奖励扶助和计划生育家庭特别扶助对象确认管理办法》（国卫办人口发〔2023〕15号）逐级审核、公示后确认；起始月份为本区样例规则，待核对",
    sample: true,
  },
  villageReviewWorkingDays: { value: 10, source: "国卫办人口发〔2023〕15号：村（居）委会初审（本区承诺时限为样例值）", sample: true },
  townshipReviewWorkingDays: { value: 10, source: "国卫办人口发〔2023〕15号：乡（镇、街道）审核（本区承诺时限为样例值）", sample: true },
  noticeDays: { value: 7, source: "国卫办人口发〔2023〕15号：在村（居）范围内公示，公示期一般不少于7天（样例值，待核对原文）", sample: true },
  countyApprovalWorkingDays: { value: 10, source: "国卫办人口发〔2023〕15号：县级卫生健康部门审批（本区承诺时限为样例值）", sample: true },
  correctionWorkingDays: { value: 10, source: "补正期限由区政务服务中心办事指南确定（样例值）", sample: true },
} satisfies Record<string, PolicyValue<number | string>>;
