// Loads the county's jurisdictions and, in demo and development modes, demo accounts and population
// records. Idempotent: every row is upserted by its natural key.
//
//   node --import tsx prisma/seed.ts [--if-empty]
//
// --if-empty does nothing when the Jurisdiction table already has rows (container start).
// JURISDICTION_FILE selects another county's file (default: Wulong).
import { readFileSync } from "node:fs";
import path from "node:path";
import { demoPopulationRecords } from "~/services/birth-registration/examples";
import { hashPassword } from "~/utils/auth.server";
import { isProductionMode } from "~/utils/config.server";
import { encryptText, lookupHash, newId } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import type { CountyDetails, TownshipDetails } from "~/lib/jurisdiction-details";
import { loadKeyring } from "~/utils/keys.server";
import { parseJurisdictionFile, type JurisdictionFile } from "./jurisdiction-file";

type Place = { code: string; name: string; nameEn: string };

type JurisdictionRow = Place & {
  level: "county" | "township" | "village";
  parentCode: string | null;
  path: string;
  sortOrder: number;
  refPrefix?: string;
  office?: string;
  officeEn?: string;
  details: string | null;
};

const DEMO_PASSWORD = "Demo#2026";

function readJurisdictions(): JurisdictionFile {
  const file = path.resolve(process.env.JURISDICTION_FILE ?? "prisma/data/jurisdictions/wulong.json");
  return parseJurisdictionFile(JSON.parse(readFileSync(file, "utf8")), file);
}

/**
 * Writes the file's places, and removes rows of the same county that the file no longer
 * lists (a merged township, a renumbered village): their codes stay resolvable through
 * the file's `retired` list, and cases keep their stored paths.
 */
async function seedJurisdictions(data: JurisdictionFile) {
  const { county } = data;
  const countyPath = `${county.code}/`;
  const countyDetails: CountyDetails = { serviceHall: county.serviceHall, seal: county.seal, hotline: county.hotline, appeals: county.appeals, retired: data.retired };
  const rows: JurisdictionRow[] = [
    {
      code: county.code,
      name: county.name,
      nameEn: county.nameEn,
      level: "county",
      parentCode: null,
      path: countyPath,
      sortOrder: 0,
      refPrefix: county.refPrefix,
      office: county.office,
      officeEn: county.officeEn,
      details: JSON.stringify(countyDetails),
    },
  ];
  let villages = 0;
  data.townships.forEach((township, townshipIndex) => {
    const townshipPath = `${countyPath}${township.code}/`;
    const details: TownshipDetails = { office: township.office, serviceHall: township.serviceHall, seal: township.seal };
    rows.push({ code: township.code, name: township.name, nameEn: township.nameEn, level: "township", parentCode: county.code, path: townshipPath, sortOrder: townshipIndex, details: JSON.stringify(details) });
    township.villages.forEach((village, villageIndex) => {
      villages += 1;
      rows.push({ code: village.code, name: village.name, nameEn: village.nameEn, level: "village", parentCode: township.code, path: `${townshipPath}${village.code}/`, sortOrder: villageIndex, details: null });
    });
  });
  const listed = rows.map((row) => row.code);
  const stale = { path: { startsWith: countyPath }, code: { notIn: listed } };
  const removed = (await db.jurisdiction.findMany({ where: stale, select: { code: true } })).map((row) => row.code);
  if (removed.length > 0) console.log(`seed: removing ${removed.length} places no longer in the file: ${removed.join(", ")}`);
  await db.$transaction([
    db.jurisdiction.deleteMany({ where: stale }),
    ...rows.map(({ code, ...fields }) => db.jurisdiction.upsert({ where: { code }, create: { code, ...fields }, update: fields })),
  ]);
  return {
    townships: data.townships.length,
    villages,
    paths: {
      county: countyPath,
      byName: new Map(data.townships.map((t) => [t.name, `${countyPath}${t.code}/`])),
      villages: rows.filter((row) => row.level === "village").map((row) => row.path),
      byCode: new Map(rows.map((row) => [row.code, row.path])),
    },
  };
}

/** Whether the table holds a county written by this version of the seed (with its details). */
async function jurisdictionsSeeded(): Promise<boolean> {
  return (await db.jurisdiction.count({ where: { level: "county", details: { not: null } } })) > 0;
}

type SeededPaths = { county: string; byName: Map<string, string>; villages: string[]; byCode: Map<string, string> };

async function seedDemo(paths: SeededPaths) {
  // One hash for every demo account: they share the password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  // Wulong's demo staff sit in 凤山街道 and 白马镇; another county's file gets them in its
  // first and second township instead.
  const townshipPaths = [...paths.byName.values()];
  const township = (name: string, fallback: number) => paths.byName.get(name) ?? townshipPaths[Math.min(fallback, townshipPaths.length - 1)];
  // 黄莺乡's 双河村 and 新树村 (the assistance examples live in 双河村); elsewhere the first villages.
  const village = (code: string, fallback: number) => paths.byCode.get(code) ?? paths.villages[Math.min(fallback, paths.villages.length - 1)];
  const townshipOf = (villagePath: string) => villagePath.split("/").filter(Boolean).slice(0, 2).join("/") + "/";

  const citizens = [
    { phone: "13800000001", name: "张三" },
    { phone: "13800000002", name: "李四" },
  ];
  for (const citizen of citizens) {
    const phoneHash = lookupHash(citizen.phone);
    await db.user.upsert({
      where: { phoneHash },
      create: { id: newId(), kind: "citizen", role: "citizen", name: citizen.name, phoneEnc: encryptText(citizen.phone), phoneHash, phoneVerifiedAt: now, passwordHash, jurisdictionPath: null },
      update: { kind: "citizen", role: "citizen", name: citizen.name, passwordHash, jurisdictionPath: null, active: true },
    });
  }

  const staff = [
    { username: "window.fengshan", role: "window_staff", name: "凤山窗口 陈敏", jurisdictionPath: township("凤山街道", 0) },
    { username: "reviewer.fengshan", role: "township_reviewer", name: "刘洋", jurisdictionPath: township("凤山街道", 0) },
    { username: "reviewer.baima", role: "township_reviewer", name: "王磊", jurisdictionPath: township("白马镇", 1) },
    { username: "admin.county", role: "county_admin", name: "赵静", jurisdictionPath: paths.county },
    { username: "village.shuanghe", role: "village_staff", name: "双河村专干 冉红", jurisdictionPath: village("500156203200", 0) },
    { username: "village.xinshu", role: "village_staff", name: "新树村专干 何平", jurisdictionPath: village("500156203202", 1) },
    { username: "reviewer.huangying", role: "township_reviewer", name: "黄莺乡 罗娟", jurisdictionPath: townshipOf(village("500156203200", 0)) },
  ];
  for (const { username, ...fields } of staff) {
    await db.user.upsert({
      where: { username },
      create: { id: newId(), kind: "staff", username, passwordHash, ...fields },
      update: { kind: "staff", passwordHash, active: true, ...fields },
    });
  }

  for (const record of demoPopulationRecords) {
    const idHash = lookupHash(record.idNumber);
    const id = (await db.populationRecord.findUnique({ where: { idHash }, select: { id: true } }))?.id ?? newId();
    // Personal fields are sealed to this row and column (docs/decisions/007-keys.md).
    const seal = (column: string, value: string | null) => (value === null ? null : encryptText(value, { table: "PopulationRecord", column, id }));
    const fields = {
      idEnc: seal("idEnc", record.idNumber)!,
      nameEnc: seal("nameEnc", record.name),
      name: null,
      sex: record.sex,
      birthDate: record.birthDate,
      hukouTownship: record.hukouTownship,
      marriageDate: record.marriageDate,
      marriageCertNoEnc: seal("marriageCertNoEnc", record.marriageCertNo),
      marriageCertNo: null,
      spouseIdHash: record.spouseIdNumber ? lookupHash(record.spouseIdNumber) : null,
      childrenCount: record.childrenCount,
      source: "seed",
    };
    await db.populationRecord.upsert({ where: { idHash }, create: { id, idHash, ...fields }, update: fields });
  }
  return { citizens: citizens.length, staff: staff.length, records: demoPopulationRecords.length };
}

async function main() {
  // Records the genesis keys before anything is sealed (docs/decisions/007-keys.md).
  await loadKeyring();
  if (process.argv.includes("--if-empty") && (await jurisdictionsSeeded())) {
    console.log("seed: jurisdictions present, nothing to do (--if-empty)");
    return;
  }
  const data = readJurisdictions();
  const jurisdictions = await seedJurisdictions(data);
  let summary = `seed: ${data.county.code} with ${jurisdictions.townships} townships and ${jurisdictions.villages} villages`;
  if (!isProductionMode()) {
    const demo = await seedDemo(jurisdictions.paths);
    summary += `; demo: ${demo.citizens} citizens, ${demo.staff} staff, ${demo.records} population records`;
  }
  console.log(summary);
}

try {
  await main();
} catch (error) {
  console.error("seed failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
