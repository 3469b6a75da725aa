import type { PolicyValue } from "~/engine/define-service";

/**
 * The figures this service's rules use, each with its source. The eligibility check, the
 * workflow, the start page and the explainer texts all read them from here.
 */
export const policy = {
  minimumResidenceMonths: {
    value: 1,
    // As run in Chongqing (docs/domain.md); the article is still to be checked against the text.
    source: "《重庆市人口与计划生育条例》及本市生育登记有关规定（条款待核对）",
    sample: true,
  },
  promisedWorkingDays: {
    value: 5,
    source: "武隆区政务服务事项办事指南（承诺时限以区政务服务中心公布的为准）",
    sample: true,
  },
  correctionWorkingDays: {
    value: 10,
    source: "《中华人民共和国行政许可法》第三十二条（补正告知）；补正期限由区政务服务中心办事指南确定（样例值）",
    sample: true,
  },
} satisfies Record<string, PolicyValue<number>>;
