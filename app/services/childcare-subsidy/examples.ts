// Example answers for 育儿补贴, shared by unit, integration and end-to-end tests. Everyone
// here is fictitious. Raw answers are strings, as a browser posts them.
import { BAIMA_TOWNSHIP, HUANGYING_TOWNSHIP, HUANGYING_VILLAGE, TIEFO_VILLAGE, exampleBadBankCard, exampleBankCard, exampleId, examplePassbook, patched } from "../shared/examples";

export const childcareApplicant = { name: "杨晓琴", birthDate: "1995-09-09", sex: "female" as const, idNumber: exampleId("1995-09-09", "female", 51) };
export const childcareFather = { name: "冉志远", birthDate: "1993-02-14", sex: "male" as const, idNumber: exampleId("1993-02-14", "male", 52) };
export const childcareChild = { name: "冉安安", birthDate: "2025-06-18", sex: "female" as const, idNumber: exampleId("2025-06-18", "female", 53) };
export const childcareContactPhone = "13800000013";

export type ChildcareAnswers = { applicant: Record<string, string>; child: Record<string, string>; payment: Record<string, string> };

/** The mother applies for a daughter born in June 2025, hukou in 白马镇铁佛村. */
export const childcareValid: ChildcareAnswers = {
  applicant: { name: childcareApplicant.name, idNumber: childcareApplicant.idNumber, birthDate: childcareApplicant.birthDate, relationship: "mother" },
  child: {
    name: childcareChild.name,
    idNumber: childcareChild.idNumber,
    birthDate: childcareChild.birthDate,
    birthCertNo: "R500123456",
    hukouTownship: BAIMA_TOWNSHIP,
    village: TIEFO_VILLAGE,
  },
  payment: { accountHolder: childcareApplicant.name, bankName: "重庆农村商业银行武隆支行", accountType: "bankCard", accountNumber: exampleBankCard, contactPhone: childcareContactPhone },
};

/** A child of this birth date (valid ID number, same family). */
export const childBornOn = (birthDate: string, serial = 54) =>
  patched(childcareValid, { child: { birthDate, idNumber: exampleId(birthDate, "female", serial) } });

export const childcareVariants = {
  bornDecember2024: childBornOn("2024-12-15"),
  bornFirstDayOfScheme: childBornOn("2025-01-01"),
  /** Turns 3 in June 2027: January 2025 to May 2027 are paid. */
  turnsThreeMidYear: childBornOn("2024-06-10"),
  /** Turned 3 before the scheme started paying anything. */
  turnedThreeBefore: childBornOn("2021-12-31"),
  /** Turns 3 in January 2025: no month left to pay. */
  turnsThreeJanuary2025: childBornOn("2022-01-15"),
  fatherApplies: patched(childcareValid, {
    applicant: { name: childcareFather.name, idNumber: childcareFather.idNumber, birthDate: childcareFather.birthDate, relationship: "father" },
    payment: { accountHolder: childcareFather.name },
  }),
  guardian: patched(childcareValid, { applicant: { relationship: "guardian" } }),
  otherVillage: patched(childcareValid, { child: { hukouTownship: HUANGYING_TOWNSHIP, village: HUANGYING_VILLAGE } }),
  passbook: patched(childcareValid, { payment: { accountType: "passbook", accountNumber: examplePassbook } }),
  certNoLowercase: patched(childcareValid, { child: { birthCertNo: "r500123456" } }),
};

export const childcareInvalid = {
  relationshipMissing: { step: "applicant", answers: patched(childcareValid, { applicant: { relationship: undefined } }), path: "relationship", key: "childcare-subsidy:missing.applicant.relationship" },
  motherWithMaleId: { step: "applicant", answers: patched(childcareValid, { applicant: { idNumber: childcareFather.idNumber, birthDate: childcareFather.birthDate } }), path: "relationship", key: "childcare-subsidy:errors.relationshipSex" },
  childNameMissing: { step: "child", answers: patched(childcareValid, { child: { name: undefined } }), path: "name", key: "childcare-subsidy:missing.child.name" },
  childIdMissing: { step: "child", answers: patched(childcareValid, { child: { idNumber: undefined } }), path: "idNumber", key: "childcare-subsidy:missing.child.idNumber" },
  childBirthDateAgainstId: { step: "child", answers: patched(childcareValid, { child: { birthDate: "2025-06-19" } }), path: "birthDate", key: "childcare-subsidy:errors.birthDateMismatch" },
  childBornInFuture: { step: "child", answers: childBornOn("2099-01-01"), path: "idNumber", key: "common:errors.residentId.date" },
  certNoMissing: { step: "child", answers: patched(childcareValid, { child: { birthCertNo: undefined } }), path: "birthCertNo", key: "childcare-subsidy:missing.child.birthCertNo" },
  certNoMalformed: { step: "child", answers: patched(childcareValid, { child: { birthCertNo: "500123456" } }), path: "birthCertNo", key: "childcare-subsidy:errors.birthCertNo" },
  villageMissing: { step: "child", answers: patched(childcareValid, { child: { village: undefined } }), path: "village", key: "childcare-subsidy:missing.child.village" },
  cardCheckDigit: { step: "payment", answers: patched(childcareValid, { payment: { accountNumber: exampleBadBankCard } }), path: "accountNumber", key: "common:errors.bankAccount.checksum" },
} as const;
