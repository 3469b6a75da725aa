import { db } from "./db.server";

export type JurisdictionRow = { code: string; name: string; nameEn: string; level: string; parentCode: string | null; path: string };

export type JurisdictionIndex = {
  county: JurisdictionRow & { refPrefix: string; office: string; officeEn: string };
  townships: JurisdictionRow[];
  villagesByTownship: Map<string, JurisdictionRow[]>;
  byCode: Map<string, JurisdictionRow>;
  townshipCodes: ReadonlySet<string>;
};

// A short read cache: the data changes only when a county reloads its jurisdiction file,
// and every instance re-reads it within a minute.
let cached: { at: number; index: JurisdictionIndex } | undefined;
const TTL_MS = 60_000;

export async function jurisdictions(): Promise<JurisdictionIndex> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.index;
  const rows = await db.jurisdiction.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  const countyRow = rows.find((row) => row.level === "county");
  if (!countyRow) throw new Error("No county in the Jurisdiction table: run the seed");
  const townships = rows.filter((row) => row.level === "township");
  const villagesByTownship = new Map<string, JurisdictionRow[]>(townships.map((township) => [township.code, []]));
  for (const row of rows) if (row.level === "village" && row.parentCode) villagesByTownship.get(row.parentCode)?.push(row);
  const index: JurisdictionIndex = {
    county: { ...countyRow, refPrefix: countyRow.refPrefix ?? "XX", office: countyRow.office ?? countyRow.name, officeEn: countyRow.officeEn ?? countyRow.nameEn },
    townships,
    villagesByTownship,
    byCode: new Map(rows.map((row) => [row.code, row])),
    townshipCodes: new Set(townships.map((row) => row.code)),
  };
  cached = { at: Date.now(), index };
  return index;
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
