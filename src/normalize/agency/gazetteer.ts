// The places agency names are matched against: provinces, cities and counties from
// @vant/area-data (MCA/NBS codes to the end of 2024), townships and 街道 from the table generated
// from NBS 2023 data (townships.data.ts), and a few aliases. Built once per thread, on first use.
import { areaList } from '@vant/area-data';
import { CITY_SUFFIXES, ETHNIC_GROUPS, COUNTY_SUFFIXES, PLACE_ALIASES, PROVINCE_SUFFIXES, PSEUDO_PARENTS, TOWNSHIP_SUFFIXES } from '../../templates/agency-names.js';
import { TOWNSHIPS } from './townships.data.js';

export type PlaceLevel = 'provincial' | 'city' | 'county' | 'township';

export interface Place {
  /** 6 digits; 9 for a township (its county's code and three more). */
  code: string;
  name: string;
  level: PlaceLevel;
  parent: Place | null;
  /** A functional zone (开发区, 实验区: NBS codes 71–89 in the last pair, or an alias). */
  zone: boolean;
  /** The full name to print where it is not the chain of names (aliases). */
  displayName?: string;
}

/** How a printed name reached a place: its exact name, or a form that needs an enclosing place. */
export type NameKind = 'exact' | 'short' | 'stem';

export interface Gazetteer {
  /** Places by their exact names (and aliases). */
  exact: Map<string, Place[]>;
  /** Provinces and cities by their names without suffix (上海, 淮安, 延边). */
  short: Map<string, Place[]>;
  /** Counties and townships by their names without suffix (洪泽, 小召): matched only under an enclosing place. */
  stem: Map<string, Place[]>;
  byCode: Map<string, Place>;
  longest: number;
  /** The township table's line per county code, read into places only when a name needs them. */
  townshipLines: Map<string, string[]>;
  /** Counties by city code and cities by province code. */
  children: Map<string, Place[]>;
  /** Townships inside a place, by name and by stem, once asked for. */
  townshipIndex: Map<string, TownshipIndex>;
}

export interface TownshipIndex {
  exact: Map<string, Place[]>;
  stem: Map<string, Place[]>;
  longest: number;
}

let built: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  return (built ??= build());
}

function push<T>(map: Map<string, T[]>, key: string, place: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [place]);
  else if (!list.includes(place)) list.push(place);
}

function stripSuffix(name: string, suffixes: readonly string[], min = 2): string | null {
  for (const suffix of suffixes) if (name.endsWith(suffix) && name.length - suffix.length >= min) return name.slice(0, -suffix.length);
  return null;
}

const AUTONOMOUS_PREFECTURE = new RegExp(`^(.+?)(?:(?:${ETHNIC_GROUPS})族?)+自治州$`);

/** 延边朝鲜族自治州 → 延边, 恩施土家族苗族自治州 → 恩施, 巴音郭楞蒙古自治州 → 巴音郭楞. */
function shortCityName(name: string): string | null {
  const autonomous = AUTONOMOUS_PREFECTURE.exec(name);
  if (autonomous) return autonomous[1].length >= 2 ? autonomous[1] : null;
  return stripSuffix(name, CITY_SUFFIXES);
}

// Cities without counties: @vant/area-data lists their towns under made-up county codes, so
// their towns come from the NBS table instead (under the city's own code).
const CITIES_WITHOUT_COUNTIES = new Set(['441900', '442000', '460400', '620200']);
const isZoneCode = (code: string) => {
  const last = Number(code.slice(4, 6));
  return last >= 71 && last <= 89;
};

function build(): Gazetteer {
  const g: Gazetteer = {
    exact: new Map(),
    short: new Map(),
    stem: new Map(),
    byCode: new Map(),
    longest: 0,
    townshipLines: new Map(),
    children: new Map(),
    townshipIndex: new Map(),
  };
  const cityShort = new Map<string, string>();
  const add = (place: Place) => {
    g.byCode.set(place.code, place);
    push(g.exact, place.name, place);
  };

  for (const [code, name] of Object.entries(areaList.province_list)) {
    const place: Place = { code, name, level: 'provincial', parent: null, zone: false };
    add(place);
    const short = stripSuffix(name, PROVINCE_SUFFIXES);
    if (short) push(g.short, short, place);
  }
  for (const [code, name] of Object.entries(areaList.city_list)) {
    const province = g.byCode.get(code.slice(0, 2) + '0000')!;
    // 上海市 under 上海市, 省直辖县: no place of their own; their counties belong to the province.
    if (PSEUDO_PARENTS.test(name) || name === province.name) continue;
    const place: Place = { code, name, level: 'city', parent: province, zone: false };
    add(place);
    const short = shortCityName(name);
    if (short) push(g.short, short, place);
    if (short) cityShort.set(code, short);
    // 延边州, 恩施州: the short name with the bare suffix.
    if (short && name.endsWith('自治州')) push(g.short, short + '州', place);
  }
  for (const [code, name] of Object.entries(areaList.county_list)) {
    const cityCode = code.slice(0, 4) + '00';
    // x9x codes are @vant/area-data's own (not NBS) for zones and towns; 其它区 is no place.
    if (CITIES_WITHOUT_COUNTIES.has(cityCode) || Number(code.slice(4, 6)) >= 90 || PSEUDO_PARENTS.test(name)) continue;
    const parent = g.byCode.get(cityCode) ?? g.byCode.get(code.slice(0, 2) + '0000')!;
    const place: Place = { code, name, level: 'county', parent, zone: isZoneCode(code) };
    add(place);
    // A zone printed with its city's short name: 淮安经济技术开发区 is also 淮安市 + 经济技术开发区.
    const city = parent.level === 'city' ? cityShort.get(parent.code) : undefined;
    if (city && name.startsWith(city) && name.length > city.length + 2) push(g.stem, name.slice(city.length), place);
    const stem = stripSuffix(name, COUNTY_SUFFIXES);
    if (stem) push(g.stem, stem, place);
  }
  for (const alias of PLACE_ALIASES) {
    const target = g.byCode.get(alias.code);
    if (!target) continue;
    push(g.exact, alias.name, { ...target, name: alias.name, zone: alias.zone ?? false, displayName: alias.displayName });
  }

  for (const line of TOWNSHIPS.split('\n')) {
    const code = line.slice(0, 6);
    // A zone NBS counts that the county list lacks: its towns belong to its city.
    const owner = g.byCode.get(code) ?? g.byCode.get(code.slice(0, 4) + '00') ?? g.byCode.get(code.slice(0, 2) + '0000');
    if (owner) push(g.townshipLines, owner.code, line);
  }
  for (const place of g.byCode.values()) if (place.parent) push(g.children, place.parent.code, place);
  for (const key of g.exact.keys()) g.longest = Math.max(g.longest, key.length);
  return g;
}

/** The townships and 街道 inside a place (a county's, or all its counties' for a city or province). */
export function townshipsIn(place: Place): TownshipIndex {
  const g = gazetteer();
  let index = g.townshipIndex.get(place.code);
  if (index) return index;
  index = { exact: new Map(), stem: new Map(), longest: 0 };
  const add = (owner: Place) => {
    for (const line of g.townshipLines.get(owner.code) ?? [])
      for (const township of readTownships(owner, line)) {
      push(index!.exact, township.name, township);
      const stem = stripSuffix(township.name, TOWNSHIP_SUFFIXES);
      if (stem) push(index!.stem, stem, township);
      index!.longest = Math.max(index!.longest, township.name.length);
    }
    for (const child of g.children.get(owner.code) ?? []) add(child);
  };
  if (place.level !== 'township') add(place);
  g.townshipIndex.set(place.code, index);
  return index;
}

/** One line of the generated table: "CCCCCC NNNname …" (format in scripts/make-townships.mjs). */
function readTownships(owner: Place, line: string): Place[] {
  const county = line.slice(0, 6);
  return line
    .split(' ')
    .slice(1)
    .map((entry) => {
      const n = Number(entry.slice(0, 3));
      const name = entry[3] === '=' ? entry.slice(4) : entry.slice(3) + (n < 100 ? '街道' : n < 200 ? '镇' : '乡');
      return { code: county + entry.slice(0, 3), name, level: 'township' as const, parent: owner, zone: false };
    });
}

/** A place by its 6-digit code, or a township by its 9-digit code. */
export function placeByCode(code: string): Place | undefined {
  const g = gazetteer();
  if (code.length === 6) return g.byCode.get(code);
  const owner = g.byCode.get(code.slice(0, 6)) ?? g.byCode.get(code.slice(0, 4) + '00');
  if (!owner) return undefined;
  for (const list of townshipsIn(owner).exact.values()) for (const place of list) if (place.code === code) return place;
  return undefined;
}

export function isUnder(place: Place, ancestor: Place): boolean {
  for (let p = place.parent; p; p = p.parent) if (p.code === ancestor.code) return true;
  return false;
}

/** The full place name: 江苏省淮安市洪泽区, 上海市, 河南省许昌市建安区小召街道. */
export function fullPlaceName(place: Place): string {
  if (place.displayName) return place.displayName;
  const names: string[] = [];
  for (let p: Place | null = place; p; p = p.parent) names.unshift(p.name);
  return names.join('');
}

/** The 6-digit region code of a place: a township's is its county's (or city's). */
export function regionCodeOf(place: Place): string {
  return place.code.slice(0, 6);
}

export { COUNTY_SUFFIXES, TOWNSHIP_SUFFIXES };
