// Example answers for 特别扶助, shared by unit, integration and end-to-end tests. Everyone
// here is fictitious. Raw answers are strings, as a browser posts them.
import { HUANGYING_TOWNSHIP, HUANGYING_VILLAGE, exampleBankCard, exampleId, examplePassbook, patched } from "../shared/examples";

export const specialApplicant = { name: "刘春兰", birthDate: "1972-04-18", sex: "female" as const, idNumber: exampleId("1972-04-18", "female", 41) };
export const specialSpouse = { name: "王德全", birthDate: "1970-11-02", sex: "male" as const, idNumber: exampleId("1970-11-02", "male", 42) };
export const specialContactPhone = "13800000012";

type Child = { name: string; idNumber?: string; birthDate: string; sex: string; status: string; adopted: string };
export type SpecialAnswers = {
  applicant: Record<string, string>;
  spouse?: Record<string, string>;
  children: Record<string, string>;
  childrenDetails?: { children: Child[] };
  payment: Record<string, string>;
};

const onlySon: Child = { name: "王小波", idNumber: exampleId("1996-07-07", "male", 43), birthDate: "1996-07-07", sex: "male", status: "deceased", adopted: "no" };
const withChild = (child: Child) => ({ children: { childrenCount: "1" }, childrenDetails: { children: [child] } });

/** A married couple whose only son died; the woman is over 49; both apply: eligible at the death rate. */
export const specialValid: SpecialAnswers = {
  applicant: {
    name: specialApplicant.name,
    idNumber: specialApplicant.idNumber,
    birthDate: specialApplicant.birthDate,
    hukouTownship: HUANGYING_TOWNSHIP,
    village: HUANGYING_VILLAGE,
    maritalStatus: "married",
  },
  spouse: { name: specialSpouse.name, idNumber: specialSpouse.idNumber, birthDate: specialSpouse.birthDate, coApply: "yes" },
  ...withChild(onlySon),
  payment: { accountHolder: specialApplicant.name, bankName: "中国邮政储蓄银行武隆区支行", accountType: "bankCard", accountNumber: exampleBankCard, contactPhone: specialContactPhone },
};

export const specialVariants = {
  disabilityGrade3: patched(specialValid, withChild({ ...onlySon, status: "disability3" })),
  disabilityGrade1: patched(specialValid, withChild({ ...onlySon, status: "disability1" })),
  disabilityGrade4: patched(specialValid, withChild({ ...onlySon, status: "disability4" })),
  childLiving: patched(specialValid, withChild({ ...onlySon, status: "living" })),
  adoptedChildDied: patched(specialValid, withChild({ ...onlySon, idNumber: undefined as unknown as string, adopted: "yes" })),
  twoChildren: patched(specialValid, {
    children: { childrenCount: "2" },
    childrenDetails: { children: [onlySon, { name: "王小雨", birthDate: "2005-03-03", sex: "female", status: "living", adopted: "no" }] },
  }),
  /** A widowed mother applying on her own (single-parent age rule). */
  widowed: patched(specialValid, { applicant: { maritalStatus: "widowed" }, spouse: undefined }),
  /** The husband applies; his wife is the spouse. */
  husbandApplies: patched(specialValid, {
    applicant: { name: specialSpouse.name, idNumber: specialSpouse.idNumber, birthDate: specialSpouse.birthDate },
    spouse: { name: specialApplicant.name, idNumber: specialApplicant.idNumber, birthDate: specialApplicant.birthDate },
    payment: { accountHolder: specialSpouse.name },
  }),
  spouseLater: patched(specialValid, { spouse: { coApply: "no" } }),
  passbook: patched(specialValid, { payment: { accountType: "socialSecurityCard", accountNumber: examplePassbook } }),
};

export const specialInvalid = {
  applicantMissingBirthDate: { step: "applicant", answers: patched(specialValid, { applicant: { birthDate: undefined } }), path: "birthDate", key: "special-assistance:missing.applicant.birthDate" },
  spouseMissingId: { step: "spouse", answers: patched(specialValid, { spouse: { idNumber: undefined } }), path: "idNumber", key: "special-assistance:missing.spouse.idNumber" },
  childAdoptedMissing: { step: "childrenDetails", answers: patched(specialValid, { childrenDetails: { children: [{ ...onlySon, adopted: "" }] } }), path: "children.0.adopted", key: "special-assistance:missing.child.adopted" },
  childBirthDateAgainstId: { step: "childrenDetails", answers: patched(specialValid, { childrenDetails: { children: [{ ...onlySon, birthDate: "1996-07-08" }] } }), path: "children.0.birthDate", key: "special-assistance:errors.birthDateMismatch" },
  childUnknownStatus: { step: "childrenDetails", answers: patched(specialValid, { childrenDetails: { children: [{ ...onlySon, status: "disability5" }] } }), path: "children.0.status", key: "special-assistance:missing.child.status" },
  accountHolderMissing: { step: "payment", answers: patched(specialValid, { payment: { accountHolder: undefined } }), path: "accountHolder", key: "special-assistance:missing.payment.accountHolder" },
  bankNameMissing: { step: "payment", answers: patched(specialValid, { payment: { bankName: undefined } }), path: "bankName", key: "special-assistance:missing.payment.bankName" },
} as const;
