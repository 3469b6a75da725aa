import type { PolicyValue } from "~/engine/define-service";

/**
 * 农村部分计划生育家庭奖励扶助: the conditions, amounts and dates the rules use, each with the
 * document it comes from. The eligibility rules, the public check, the award terms, the
 * workflow and the start page all read them from here. `sample: true` marks a figure not
 * yet confirmed from the public text of its document.
 */

const CONDITIONS = "国办发〔2004〕21号；《农村部分计划生育家庭奖励扶助对象确认条件的政策性解释》（国人口发〔2004〕39号）：本人及配偶均为农业户口或界定为农村居民户口；1973年至2001年期间没有违反计划生育法律法规和政策规定生育；现存一个子女或两个女孩或子女死亡现无子女；1933年1月1日以后出生，年满60周岁";

export const policy = {
  bornOnOrAfter: { value: "1933-01-01", source: CONDITIONS },
  minimumAge: { value: 60, source: CONDITIONS },
  /** The years in which no out-of-policy birth may have occurred (a declaration). */
  policyPeriodFrom: { value: 1973, source: CONDITIONS },
  policyPeriodTo: { value: 2001, source: CONDITIONS },
  nationalMinimumPerYear: {
    value: 960,
    source: "财政部、国家人口计生委《关于调整全国农村部分计划生育家庭奖励扶助和计划生育家庭特别扶助标准的通知》：自2012年1月1日起奖励扶助金由每人每年不低于720元提高到不低于960元（新华社2011年12月27日报道）",
  },
  nationalMinimumSince: { value: "2012-01-01", source: "同上（2012年1月1日起执行）" },
  /** Chongqing pays by tier; the figures are samples until checked against the document. */
  perYearSonOrTwoDaughters: {
    value: 1080,
    source: "《重庆市人口和计划生育委员会 重庆市财政局关于调整农村部分计划生育家庭奖励扶助标准的通知》（渝人口发〔2013〕27号）：农村独生子和双女家庭父母（金额待核对原文）",
    sample: true,
  },
  perYearOnlyDaughter: {
    value: 1200,
    source: "渝人口发〔2013〕27号：农村独生女家庭父母（金额待核对原文）",
    sample: true,
  },
  /**
   * Payment starts on the first day of the month after county approval; a person reaches the
   * minimum age before applying, so that month is never earlier than the qualifying one.
   */
  startsMonthsAfterApproval: {
    value: 1,
    source: "国家卫生健康委办公厅《农村部分计划生育家庭奖励扶助和计划生育家庭特别扶助对象确认管理办法》（国卫办人口发〔2023〕15号）规定逐级审核、公示后确认；起始月份为本区样例规则，待核对",
    sample: true,
  },
  villageReviewWorkingDays: { value: 10, source: "国卫办人口发〔2023〕15号：村（居）委会初审（本区承诺时限为样例值）", sample: true },
  townshipReviewWorkingDays: { value: 10, source: "国卫办人口发〔2023〕15号：乡（镇、街道）审核（本区承诺时限为样例值）", sample: true },
  noticeDays: { value: 7, source: "国卫办人口发〔2023〕15号：在村（居）范围内张榜公示，公示期一般不少于7天（样例值，待核对原文）", sample: true },
  countyApprovalWorkingDays: { value: 10, source: "国卫办人口发〔2023〕15号：县级卫生健康部门审批（本区承诺时限为样例值）", sample: true },
  correctionWorkingDays: { value: 10, source: "补正期限由区政务服务中心办事指南确定（样例值）", sample: true },
} satisfies Record<string, PolicyValue<number | string>>;
