// Example answers for 奖励扶助, shared by unit, integration and end-to-end tests. Everyone
// here is fictitious. Raw answers are strings, as a browser posts them.
import { BAIMA_TOWNSHIP, HUANGYING_TOWNSHIP, HUANGYING_VILLAGE, TIEFO_VILLAGE, exampleBadBankCard, exampleBankCard, exampleId, examplePassbook, patched } from "../shared/examples";

export const rewardApplicant = { name: "冉光明", birthDate: "1958-03-12", sex: "male" as const, idNumber: exampleId("1958-03-12", "male", 21) };
export const rewardSpouse = { name: "陈素芬", birthDate: "1960-08-20", sex: "female" as const, idNumber: exampleId("1960-08-20", "female", 22) };
export const rewardContactPhone = "13800000011";

type Child = { name: string; idNumber?: string; birthDate: string; sex: string; status: string; adopted: string };
export type RewardAnswers = {
  applicant: Record<string, string>;
  spouse?: Record<string, string>;
  children: Record<string, string>;
  childrenDetails?: { children: Child[] };
  declaration: Record<string, string>;
  payment: Record<string, string>;
};

const daughter: Child = { name: "冉小燕", idNumber: exampleId("1990-05-01", "female", 23), birthDate: "1990-05-01", sex: "female", status: "living", adopted: "no" };
const secondDaughter: Child = { name: "冉小梅", birthDate: "1993-10-09", sex: "female", status: "living", adopted: "no" };
const son: Child = { name: "冉小军", birthDate: "1993-10-09", sex: "male", status: "living", adopted: "no" };

const withChildren = (children: Child[]) => ({ children: { childrenCount: String(children.length) }, childrenDetails: { children } });

/** A married couple, both over 60, rural, one living daughter, applying together: eligible (only-daughter tier). */
export const rewardValid: RewardAnswers = {
  applicant: {
    name: rewardApplicant.name,
    idNumber: rewardApplicant.idNumber,
    birthDate: rewardApplicant.birthDate,
    hukouType: "rural",
    hukouTownship: HUANGYING_TOWNSHIP,
    village: HUANGYING_VILLAGE,
    maritalStatus: "married",
  },
  spouse: { name: rewardSpouse.name, idNumber: rewardSpouse.idNumber, birthDate: rewardSpouse.birthDate, hukouType: "definedRural", coApply: "yes" },
  ...withChildren([daughter]),
  declaration: { outOfPolicyBirth: "no" },
  payment: { accountHolder: rewardApplicant.name, bankName: "重庆农村商业银行武隆支行", accountType: "bankCard", accountNumber: exampleBankCard, contactPhone: rewardContactPhone },
};

/** Answers that pass every step but differ in one rule, each named for what it shows. */
export const rewardVariants = {
  twoDaughters: patched(rewardValid, withChildren([daughter, secondDaughter])),
  sonAndDaughter: patched(rewardValid, withChildren([daughter, son])),
  onlySon: patched(rewardValid, withChildren([son])),
  adoptedSon: patched(rewardValid, withChildren([{ ...son, adopted: "yes" }])),
  childDiedNoneNow: patched(rewardValid, withChildren([{ ...son, status: "deceased" }])),
  noChildren: patched(rewardValid, { children: { childrenCount: "0" }, childrenDetails: undefined }),
  spouseUrban: patched(rewardValid, { spouse: { hukouType: "urban" } }),
  outOfPolicyBirth: patched(rewardValid, { declaration: { outOfPolicyBirth: "yes" } }),
  /** Widowed: no spouse step; the award is the applicant's alone. */
  widowed: patched(rewardValid, { applicant: { maritalStatus: "widowed" }, spouse: undefined }),
  /** The spouse does not apply now (e.g. not yet 60): only the applicant is paid and claimed. */
  spouseLater: patched(rewardValid, { spouse: { coApply: "no" } }),
  /** A passbook account has no check digit. */
  passbook: patched(rewardValid, { payment: { accountType: "passbook", accountNumber: examplePassbook } }),
};

/** Edge cases the step schemas must accept and normalise. */
export const rewardEdge = {
  idLowercaseSpaced: patched(rewardValid, { spouse: { idNumber: `${rewardSpouse.idNumber.slice(0, 6)} ${rewardSpouse.idNumber.slice(6, 14)} ${rewardSpouse.idNumber.slice(14).toLowerCase()}` } }),
  cardInGroups: patched(rewardValid, { payment: { accountNumber: exampleBankCard.replace(/(\d{4})(?=\d)/g, "$1 ") } }),
  phoneWithCountryCode: patched(rewardValid, { payment: { contactPhone: "+86 138-0000-0011" } }),
};

/** Step answers each schema must refuse, with the message key it gives (path → key). */
export const rewardInvalid = {
  applicantMissingName: { step: "applicant", answers: patched(rewardValid, { applicant: { name: undefined } }), path: "name", key: "reward-assistance:missing.applicant.name" },
  spouseMissingName: { step: "spouse", answers: patched(rewardValid, { spouse: { name: undefined } }), path: "name", key: "reward-assistance:missing.spouse.name" },
  spouseBirthDateMismatch: { step: "spouse", answers: patched(rewardValid, { spouse: { birthDate: "1960-08-21" } }), path: "birthDate", key: "reward-assistance:errors.birthDateMismatch" },
  applicantBadId: { step: "applicant", answers: patched(rewardValid, { applicant: { idNumber: rewardApplicant.idNumber.slice(0, 17) + (rewardApplicant.idNumber[17] === "1" ? "2" : "1") } }), path: "idNumber", key: "common:errors.residentId.checksum" },
  hukouTypeMissing: { step: "applicant", answers: patched(rewardValid, { applicant: { hukouType: undefined } }), path: "hukouType", key: "reward-assistance:missing.applicant.hukouType" },
  villageOfOtherTownship: { step: "applicant", answers: patched(rewardValid, { applicant: { hukouTownship: BAIMA_TOWNSHIP, village: HUANGYING_VILLAGE } }), path: "village", key: "reward-assistance:errors.villageOutsideTownship" },
  unknownTownship: { step: "applicant", answers: patched(rewardValid, { applicant: { hukouTownship: "500156999", village: "500156999200" } }), path: "hukouTownship", key: "reward-assistance:missing.applicant.hukouTownship" },
  maritalStatusMissing: { step: "applicant", answers: patched(rewardValid, { applicant: { maritalStatus: undefined } }), path: "maritalStatus", key: "reward-assistance:missing.applicant.maritalStatus" },
  coApplyMissing: { step: "spouse", answers: patched(rewardValid, { spouse: { coApply: undefined } }), path: "coApply", key: "reward-assistance:missing.spouse.coApply" },
  childrenCountMissing: { step: "children", answers: patched(rewardValid, { children: { childrenCount: undefined } }), path: "childrenCount", key: "reward-assistance:missing.children.childrenCount" },
  childrenCountTooMany: { step: "children", answers: patched(rewardValid, { children: { childrenCount: "12" } }), path: "childrenCount", key: "common:errors.numberRange" },
  childNameMissing: { step: "childrenDetails", answers: patched(rewardValid, { childrenDetails: { children: [{ ...daughter, name: undefined as unknown as string }] } }), path: "children.0.name", key: "reward-assistance:missing.child.name" },
  childStatusMissing: { step: "childrenDetails", answers: patched(rewardValid, { childrenDetails: { children: [{ ...daughter, status: "" }] } }), path: "children.0.status", key: "reward-assistance:missing.child.status" },
  childSexAgainstId: { step: "childrenDetails", answers: patched(rewardValid, { childrenDetails: { children: [{ ...daughter, sex: "male" }] } }), path: "children.0.sex", key: "reward-assistance:errors.childSexMismatch" },
  /** Two children declared, one described: the second group's fields are each asked for. */
  fewerChildrenThanCount: { step: "childrenDetails", answers: patched(rewardValid, { children: { childrenCount: "2" } }), path: "children.1.name", key: "reward-assistance:missing.child.name" },
  declarationMissing: { step: "declaration", answers: patched(rewardValid, { declaration: { outOfPolicyBirth: undefined } }), path: "outOfPolicyBirth", key: "reward-assistance:missing.declaration.outOfPolicyBirth" },
  cardCheckDigit: { step: "payment", answers: patched(rewardValid, { payment: { accountNumber: exampleBadBankCard } }), path: "accountNumber", key: "common:errors.bankAccount.checksum" },
  cardTooShort: { step: "payment", answers: patched(rewardValid, { payment: { accountNumber: "62170063" } }), path: "accountNumber", key: "common:errors.bankAccount.format" },
  accountNumberMissing: { step: "payment", answers: patched(rewardValid, { payment: { accountNumber: undefined } }), path: "accountNumber", key: "reward-assistance:missing.payment.accountNumber" },
  accountTypeMissing: { step: "payment", answers: patched(rewardValid, { payment: { accountType: undefined } }), path: "accountType", key: "reward-assistance:missing.payment.accountType" },
  phoneMissing: { step: "payment", answers: patched(rewardValid, { payment: { contactPhone: undefined } }), path: "contactPhone", key: "reward-assistance:missing.payment.contactPhone" },
  phoneInvalid: { step: "payment", answers: patched(rewardValid, { payment: { contactPhone: "1234" } }), path: "contactPhone", key: "common:errors.mobile" },
} as const;

/** A second village of the county, for "village staff of another village" tests. */
export const rewardOtherVillage = patched(rewardValid, { applicant: { hukouTownship: BAIMA_TOWNSHIP, village: TIEFO_VILLAGE } });
