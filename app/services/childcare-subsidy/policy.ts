import type { PolicyValue } from "~/engine/define-service";

/**
 * 育儿补贴: the conditions, amounts and dates the rules use, each with the document it comes
 * from. The eligibility rules, the public check, the award terms, the workflow and the start
 * page all read them from here. `sample: true` marks a figure not yet confirmed from the
 * public text of its document. The subsidy is exempt from individual income tax and is not
 * counted as family income for 低保 or 特困 (same plan).
 */

const PLAN = "中共中央办公厅 国务院办公厅《育儿补贴制度实施方案》（2025年7月）";

export const policy = {
  perChildPerYear: { value: 3600, source: `${PLAN}：现阶段国家基础标准为每孩每年3600元，按年发放` },
  /** Children born before the start date get the months left before they turn 3, at a twelfth of the yearly amount. */
  perChildPerMonth: { value: 300, source: `${PLAN}：2025年1月1日之前出生、不满3周岁的婴幼儿按应补贴月数折算计发（3600元÷12）` },
  subsidyFrom: { value: "2025-01-01", source: `${PLAN}：自2025年1月1日起实施` },
  ageLimitYears: { value: 3, source: `${PLAN}：发放至婴幼儿年满3周岁` },
  /**
   * Months paid: the month of birth (or January 2025 for children born earlier) up to, not
   * including, the month of the third birthday, so a child born from 2025 on gets 36 months.
   */
  monthCounting: { value: "出生当月计入，年满3周岁当月不计入", source: "育儿补贴按月折算的计算口径（本区样例规则，待核对国家育儿补贴管理办法）", sample: true },
  /** Applicants need the child's hukou in Chongqing; this county's office handles its own residents. */
  hukouRegion: { value: "重庆市", source: "重庆市育儿补贴实施有关规定：婴幼儿具有重庆市户籍（待核对原文）", sample: true },
  firstReviewWorkingDays: { value: 30, source: "国家育儿补贴发放管理有关规定（2025年）：首次申领的，自受理之日起30个工作日内完成审核" },
  countyApprovalWorkingDays: { value: 5, source: "本区审批承诺时限（样例值）", sample: true },
  paymentBatchesPerYear: { value: 4, source: "国家育儿补贴发放管理有关规定（2025年）：按年发放，每季度至少集中发放一次" },
  correctionWorkingDays: { value: 10, source: "补正期限由区政务服务中心办事指南确定（样例值）", sample: true },
} satisfies Record<string, PolicyValue<number | string>>;
