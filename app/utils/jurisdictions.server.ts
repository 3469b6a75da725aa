import { countyDetailsSchema, townshipDetailsSchema, type CountyDetails, type Office, type RetiredCode, type ServiceHall, type TownshipDetails } from "~/lib/jurisdiction-details";
import { followRetiredCode } from "~/lib/region-codes";
import { db } from "./db.server";

export type JurisdictionRow = { code: string; name: string; nameEn: string; level: string; parentCode: string | null; path: string };

/** What a code means today: the place, and the retired code it was reached through, if any. */
export type ResolvedCode = {
  /** The current place: the successor, or for a code split between several places their nearest common parent. */
  row: JurisdictionRow;
  /** The retired entry followed, or null when the code is current. */
  retired: RetiredCode | null;
  /** The current places the code stands for (several after a split). */
  successors: JurisdictionRow[];
  /** False when the code could only be placed approximately (a split, or only its township was listed). */
  exact: boolean;
};

/** The office that decides for a place, where residents go, and its seal. */
export type OfficeDetails = {
  office: Office;
  serviceHall: ServiceHall;
  seal: string | undefined;
  /** The township the office belongs to; undefined for the county office. */
  township: JurisdictionRow | undefined;
};

export type JurisdictionIndex = {
  county: JurisdictionRow & { refPrefix: string; office: string; officeEn: string; details: CountyDetails };
  townships: JurisdictionRow[];
  villagesByTownship: Map<string, JurisdictionRow[]>;
  byCode: Map<string, JurisdictionRow>;
  townshipCodes: ReadonlySet<string>;
  townshipDetails: Map<string, TownshipDetails>;
  retired: Map<string, RetiredCode>;
  /**
   * A code from an ID number, a hukou page or an old record, resolved to the place it
   * means now: current codes as they are, retired ones (500232 武隆县, 500156110 土坎镇)
   * through the county's list of retired codes. Undefined for a code outside the county.
   */
  resolveCode(code: string): ResolvedCode | undefined;
  /** The township office for a township or village code or path; the county office otherwise. */
  officeFor(codeOrPath: string | null): OfficeDetails;
};

// A short read cache: the data changes only when a county reloads its jurisdiction file,
// and every instance re-reads it within a minute.
let cached: { at: number; index: JurisdictionIndex } | undefined;
const TTL_MS = 60_000;

function parseDetails<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } } }, code: string, json: string | null): T {
  let value: unknown;
  try {
    value = json === null ? undefined : JSON.parse(json);
  } catch {
    value = undefined;
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`Jurisdiction ${code}: details missing or invalid, run the seed (${result.error.message.slice(0, 200)})`);
  return result.data;
}

/** The deepest code that all the given paths share (the county at least). */
function commonAncestor(rows: JurisdictionRow[], byCode: Map<string, JurisdictionRow>, county: JurisdictionRow): JurisdictionRow {
  const [first, ...rest] = rows.map((row) => row.path.split("/").filter(Boolean));
  let depth = first.length;
  for (const codes of rest) {
    let shared = 0;
    while (shared < Math.min(depth, codes.length) && codes[shared] === first[shared]) shared += 1;
    depth = shared;
  }
  return (depth > 0 && byCode.get(first[depth - 1])) || county;
}

export async function jurisdictions(): Promise<JurisdictionIndex> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.index;
  const rows = await db.jurisdiction.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  const countyRow = rows.find((row) => row.level === "county");
  if (!countyRow) throw new Error("No county in the Jurisdiction table: run the seed");
  const plain = ({ code, name, nameEn, level, parentCode, path }: JurisdictionRow): JurisdictionRow => ({ code, name, nameEn, level, parentCode, path });
  const townships = rows.filter((row) => row.level === "township").map(plain);
  const villagesByTownship = new Map<string, JurisdictionRow[]>(townships.map((township) => [township.code, []]));
  for (const row of rows) if (row.level === "village" && row.parentCode) villagesByTownship.get(row.parentCode)?.push(plain(row));
  const countyDetails = parseDetails(countyDetailsSchema, countyRow.code, countyRow.details);
  const townshipDetails = new Map(rows.filter((row) => row.level === "township").map((row) => [row.code, parseDetails(townshipDetailsSchema, row.code, row.details)]));
  const byCode = new Map(rows.map((row) => [row.code, plain(row)]));
  const retired = new Map(countyDetails.retired.map((entry) => [entry.code, entry]));
  const county = {
    ...plain(countyRow),
    refPrefix: countyRow.refPrefix ?? "XX",
    office: countyRow.office ?? countyRow.name,
    officeEn: countyRow.officeEn ?? countyRow.nameEn,
    details: countyDetails,
  };

  const resolveCode = (code: string): ResolvedCode | undefined => {
    const current = byCode.get(code);
    if (current) return { row: current, retired: null, successors: [current], exact: true };
    const followed = followRetiredCode(code, retired, (candidate) => byCode.has(candidate));
    const successors = followed.codes.map((successor) => byCode.get(successor)).filter((row): row is JurisdictionRow => row !== undefined);
    if (!followed.retired || successors.length === 0) return undefined;
    const row = successors.length === 1 ? successors[0] : commonAncestor(successors, byCode, county);
    return { row, retired: followed.retired, successors, exact: successors.length === 1 && !followed.viaAncestor };
  };

  const officeFor = (codeOrPath: string | null): OfficeDetails => {
    const code = codeOrPath?.includes("/") ? codeOrPath.split("/").filter(Boolean)[1] : codeOrPath?.slice(0, 9);
    const township = code ? byCode.get(code) : undefined;
    const details = township ? townshipDetails.get(township.code) : undefined;
    if (township && details) return { office: details.office, serviceHall: details.serviceHall, seal: details.seal, township };
    return { office: { name: county.office, nameEn: county.officeEn }, serviceHall: countyDetails.serviceHall, seal: countyDetails.seal, township: undefined };
  };

  const index: JurisdictionIndex = {
    county,
    townships,
    villagesByTownship,
    byCode,
    townshipCodes: new Set(townships.map((row) => row.code)),
    townshipDetails,
    retired,
    resolveCode,
    officeFor,
  };
  cached = { at: Date.now(), index };
  return index;
}

/** Forgets the cached index, so that the next call reads the table again (after a seed). */
export function forgetJurisdictions(): void {
  cached = undefined;
}

export function localName(row: { name: string; nameEn: string } | undefined, lng: string): string {
  if (!row) return "";
  return lng === "en" ? row.nameEn : row.name;
}

/** The township row that contains a jurisdiction path. */
export function townshipOfPath(index: JurisdictionIndex, path: string | null): JurisdictionRow | undefined {
  const code = path?.split("/")[1];
  return code ? index.byCode.get(code) : undefined;
}
