// Example people and answers for the birth-registration service (生育登记), shared by the
// seed (prisma/seed.ts), unit, integration and end-to-end tests so that all of them agree
// on one demo couple. Everything here is fictitious. No Prisma or Remix imports: this
// module is loaded by Vitest, Playwright and tsx alike, hence the relative imports.
import type { Answers } from "../../engine/define-service";
import { residentIdCheckDigit } from "../../lib/resident-id";

/** A valid 18-digit number from its first 17 digits. */
export const withCheckDigit = (first17: string) => first17 + residentIdCheckDigit(first17);

/** 凤山街道 and one of its communities (凤山社区), from prisma/data/jurisdictions/wulong.json. */
export const FENGSHAN_TOWNSHIP = "500156001";
export const FENGSHAN_VILLAGE = "500156001001";
/** 白马镇 and one of its villages. */
export const BAIMA_TOWNSHIP = "500156101";

export type ExamplePerson = {
  name: string;
  idNumber: string;
  birthDate: string;
  sex: "female" | "male";
  hukouTownship: string;
  hukouAddress: string;
  currentAddress: string;
};

/** The demo couple: their answers match the seeded population records field for field. */
export const demoWoman: ExamplePerson = {
  name: "张丽华",
  idNumber: withCheckDigit("50015619940315002"), // 500156199403150027, sequence 002 → female
  birthDate: "1994-03-15",
  sex: "female",
  hukouTownship: FENGSHAN_TOWNSHIP,
  hukouAddress: "重庆市武隆区凤山街道凤山社区巷口路18号",
  currentAddress: "重庆市武隆区凤山街道芙蓉西路66号3单元5楼",
};

export const demoMan: ExamplePerson = {
  name: "周建国",
  idNumber: withCheckDigit("50015619920708013"), // 50015619920708013X, sequence 013 → male, check digit X
  birthDate: "1992-07-08",
  sex: "male",
  hukouTownship: FENGSHAN_TOWNSHIP,
  hukouAddress: "重庆市武隆区凤山街道凤山社区巷口路18号",
  currentAddress: "重庆市武隆区凤山街道芙蓉西路66号3单元5楼",
};

export const demoMarriage = { marriageDate: "2019-10-01", marriageCertNo: "J500156-2019-000123" };

export const demoChildren: { birthDate: string; sex: "female" | "male" }[] = [{ birthDate: "2021-05-06", sex: "female" }];

/** Phone of the demo citizen account 张三 (13800000001), who files for the couple. */
export const demoContactPhone = "13800000001";

/** Step id → raw form values, as strings exactly as a browser posts them (empty optional fields left out). */
export type RawAnswers = {
  woman: Record<string, string>;
  man: Record<string, string>;
  marriage: Record<string, string>;
  children: Record<string, string>;
  childrenDetails: { children: { birthDate: string; sex: string }[] };
  application: Record<string, string>;
};

const personAnswers = (person: ExamplePerson) => ({
  name: person.name,
  idNumber: person.idNumber,
  birthDate: person.birthDate,
  hukouTownship: person.hukouTownship,
  hukouAddress: person.hukouAddress,
  currentAddress: person.currentAddress,
});

/**
 * Answers that pass every step and match the seeded records exactly, so submission is
 * approved on the spot (即办件). Optional fields left empty (woman.residentSince,
 * application.dueDate, application.note) are omitted: the schemas accept undefined, not "".
 */
export const matchingAnswers = {
  woman: personAnswers(demoWoman),
  man: personAnswers(demoMan),
  marriage: { marriageDate: demoMarriage.marriageDate, marriageCertNo: demoMarriage.marriageCertNo, remarried: "no" },
  children: { existingChildren: String(demoChildren.length) },
  childrenDetails: { children: demoChildren.map((child) => ({ ...child })) },
  application: {
    childOrder: String(demoChildren.length + 1),
    handlingTownship: FENGSHAN_TOWNSHIP,
    village: FENGSHAN_VILLAGE,
    contactPhone: demoContactPhone,
  },
} satisfies RawAnswers & Answers;

/** A deep copy of the answers with some steps' fields replaced (a step set to undefined is removed). */
export function answersWith(
  base: RawAnswers,
  patch: { [K in keyof RawAnswers]?: Partial<RawAnswers[K]> | undefined } = {},
): RawAnswers & Answers {
  const copy = structuredClone(base) as RawAnswers & Answers;
  for (const [stepId, fields] of Object.entries(patch)) {
    const key = stepId as keyof RawAnswers;
    if (fields === undefined) delete (copy as Answers)[key];
    else Object.assign(copy[key], fields);
  }
  return copy;
}

/** The marriage certificate number typed differently (two digits swapped): the comparison fails. */
export const mismatchedMarriageCertNo = "J500156-2019-000132";
export const mismatchingAnswers = answersWith(matchingAnswers, { marriage: { marriageCertNo: mismatchedMarriageCertNo } });

/** The man's name typed with a homophone (健 for 建): only his name fails the comparison. */
export const mismatchingManNameAnswers = answersWith(matchingAnswers, { man: { name: "周健国" } });

/** Edge cases that must still pass the step schemas. */
export const edgeAnswers = {
  /** The man's ID typed with a lowercase x and spaces: normalised to 50015619920708013X. */
  manIdLowercaseSpaced: answersWith(matchingAnswers, {
    man: { idNumber: `${demoMan.idNumber.slice(0, 6)} ${demoMan.idNumber.slice(6, 14)} ${demoMan.idNumber.slice(14).toLowerCase()}` },
  }),
  /** Contact phone with the country code and separators: normalised to 13800000001. */
  contactPhoneWithCountryCode: answersWith(matchingAnswers, { application: { contactPhone: "+86 138-0000-0001" } }),
  /** No existing children: the childrenDetails step is skipped and this is the first child. */
  firstChild: answersWith(matchingAnswers, { children: { existingChildren: "0" }, childrenDetails: undefined, application: { childOrder: "1" } }),
};

/** Resident ID numbers the woman step must refuse, by the reason it gives. */
export const invalidIdNumbers = {
  /** The demo woman's number with a wrong check digit. */
  badChecksum: demoWoman.idNumber.slice(0, 17) + (demoWoman.idNumber[17] === "8" ? "9" : "8"),
  /** 30 February 1994. */
  impossibleDate: withCheckDigit("50015619940230002"),
  /** 99 is no province code. */
  unknownRegion: withCheckDigit("99015619940315002"),
  /** First-generation 15-digit card (no century, no check digit). */
  legacy15: "500156940315002",
} as const;

/**
 * More demo families, each matching its seeded population records: tests file one family
 * per case, since a couple holds one live registration per child order. Family 0 is the
 * demo couple above; families 1…DEMO_FAMILIES-1 are generated (凤山街道, one daughter).
 */
export const DEMO_FAMILIES = 60;
const womenNames = ["王秀英", "李桂芳", "刘玉兰", "陈晓燕", "杨春梅", "赵丽娟", "黄慧敏", "周雪梅", "吴海燕", "徐静"];
const menNames = ["王建军", "李志强", "刘国平", "陈明华", "杨永红", "赵海涛", "黄志伟", "周文斌", "吴德明", "徐立新"];

function dayAfter(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function generatedPerson(index: number, sex: "female" | "male"): ExamplePerson {
  const birthDate = dayAfter(sex === "female" ? "1993-01-01" : "1991-01-01", index * 3);
  // Sequence digits: even for women, odd for men (GB 11643).
  const sequence = sex === "female" ? "042" : "051";
  const names = sex === "female" ? womenNames : menNames;
  return {
    name: names[index % names.length],
    idNumber: withCheckDigit(`500156${birthDate.replace(/-/g, "")}${sequence}`),
    birthDate,
    sex,
    hukouTownship: FENGSHAN_TOWNSHIP,
    hukouAddress: `重庆市武隆区凤山街道凤山社区演示路${index}号`,
    currentAddress: `重庆市武隆区凤山街道演示路${index}号`,
  };
}

export type DemoFamily = { woman: ExamplePerson; man: ExamplePerson; marriage: { marriageDate: string; marriageCertNo: string } };

export function demoFamily(index: number): DemoFamily {
  if (index === 0) return { woman: demoWoman, man: demoMan, marriage: demoMarriage };
  return {
    woman: generatedPerson(index, "female"),
    man: generatedPerson(index, "male"),
    marriage: { marriageDate: dayAfter("2018-01-10", index * 5), marriageCertNo: `J500156-2018-${String(500 + index).padStart(6, "0")}` },
  };
}

/** Answers for family `index` that match its records (approved on the spot). */
export function familyAnswers(index: number, contactPhone = demoContactPhone): RawAnswers & Answers {
  const family = demoFamily(index);
  return answersWith(matchingAnswers, {
    woman: personAnswers(family.woman),
    man: personAnswers(family.man),
    marriage: { marriageDate: family.marriage.marriageDate, marriageCertNo: family.marriage.marriageCertNo },
    application: { contactPhone },
  });
}

/** Answers for family `index` whose marriage certificate number differs from the records (sent to review). */
export function mismatchingFamilyAnswers(index: number, contactPhone = demoContactPhone): RawAnswers & Answers {
  const answers = familyAnswers(index, contactPhone);
  const number = answers.marriage.marriageCertNo;
  answers.marriage.marriageCertNo = number.slice(0, -1) + ((Number(number.at(-1)) + 1) % 10);
  return answers;
}

/** Input for one PopulationRecord row (the seed hashes and encrypts the ID numbers). */
export type PopulationRecordInput = {
  idNumber: string;
  name: string;
  sex: "female" | "male";
  birthDate: string;
  hukouTownship: string | null;
  marriageDate: string | null;
  marriageCertNo: string | null;
  spouseIdNumber: string | null;
  childrenCount: number;
};

const couple = (
  woman: Omit<PopulationRecordInput, "sex" | "marriageDate" | "marriageCertNo" | "spouseIdNumber">,
  man: Omit<PopulationRecordInput, "sex" | "marriageDate" | "marriageCertNo" | "spouseIdNumber">,
  marriage: { marriageDate: string; marriageCertNo: string },
): PopulationRecordInput[] => [
  { ...woman, sex: "female", ...marriage, spouseIdNumber: man.idNumber },
  { ...man, sex: "male", ...marriage, spouseIdNumber: woman.idNumber },
];

/** Population records seeded outside production: the demo couple first, then a few other residents. */
export const demoPopulationRecords: PopulationRecordInput[] = [
  ...couple(
    { idNumber: demoWoman.idNumber, name: demoWoman.name, birthDate: demoWoman.birthDate, hukouTownship: demoWoman.hukouTownship, childrenCount: demoChildren.length },
    { idNumber: demoMan.idNumber, name: demoMan.name, birthDate: demoMan.birthDate, hukouTownship: demoMan.hukouTownship, childrenCount: demoChildren.length },
    demoMarriage,
  ),
  // A young couple in 白马镇 without children (first-child applications).
  ...couple(
    { idNumber: withCheckDigit("50015619960911024"), name: "杨小红", birthDate: "1996-09-11", hukouTownship: BAIMA_TOWNSHIP, childrenCount: 0 },
    { idNumber: withCheckDigit("50015619950220031"), name: "冉文斌", birthDate: "1995-02-20", hukouTownship: BAIMA_TOWNSHIP, childrenCount: 0 },
    { marriageDate: "2022-05-20", marriageCertNo: "J500156-2022-000088" },
  ),
  // A couple in 芙蓉街道 with two children (third-child applications).
  ...couple(
    { idNumber: withCheckDigit("50015619881203046"), name: "黄晓梅", birthDate: "1988-12-03", hukouTownship: "500156002", childrenCount: 2 },
    { idNumber: withCheckDigit("50015619861117057"), name: "何志刚", birthDate: "1986-11-17", hukouTownship: "500156002", childrenCount: 2 },
    { marriageDate: "2012-01-16", marriageCertNo: "J500156-2012-000417" },
  ),
  ...Array.from({ length: DEMO_FAMILIES - 1 }, (_, offset) => {
    const { woman, man, marriage } = demoFamily(offset + 1);
    return couple(
      { idNumber: woman.idNumber, name: woman.name, birthDate: woman.birthDate, hukouTownship: woman.hukouTownship, childrenCount: demoChildren.length },
      { idNumber: man.idNumber, name: man.name, birthDate: man.birthDate, hukouTownship: man.hukouTownship, childrenCount: demoChildren.length },
      marriage,
    );
  }).flat(),
  // An unmarried resident of 仙女山街道.
  {
    idNumber: withCheckDigit("50015619930612028"),
    name: "罗佳",
    sex: "female",
    birthDate: "1993-06-12",
    hukouTownship: "500156003",
    marriageDate: null,
    marriageCertNo: null,
    spouseIdNumber: null,
    childrenCount: 0,
  },
];
