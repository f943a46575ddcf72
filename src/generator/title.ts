/**
 * The report's title as printed: name first (伊美区人民政府 2024 年…) or year first (2025 年上海市人民政府办公厅…),
 * 年 or 年度, the year in Arabic or Chinese digits (二〇二四年), the agency name alone on the first line or split
 * across the first lines.
 */
import type { Rng } from './rng';
import type { Truth } from './types';

export interface TitleStyle {
  year: 'arabic' | 'arabic-spaced' | 'chinese';
  yearFirst: boolean;
  niandu: boolean;
  /** Name-first titles only: the name split into region and body on two lines (淮安市洪泽区 / 人民政府办公室). */
  splitName: boolean;
}

export function pickTitleStyle(rng: Rng): TitleStyle {
  const yearFirst = rng.chance(0.2);
  return {
    year: rng.weighted([['arabic', 5], ['arabic-spaced', 4], ['chinese', 1]] as const),
    yearFirst,
    niandu: rng.chance(0.2),
    splitName: !yearFirst && rng.chance(0.15),
  };
}

const CN = '〇一二三四五六七八九';

export function chineseYear(year: number): string {
  return String(year).replace(/\d/g, (d) => CN[Number(d)]);
}

const REPORT_NAME = '政府信息公开工作年度报告';

export interface Title {
  /** The agency name as it sits on the title lines (one entry per line when split). */
  nameLines: string[];
  /** 2024 年 / 二〇二四年度 …, as printed. */
  yearText: string;
  /** The whole title on one line. */
  oneLine: string;
  /** Lines as a PDF title block prints them: the name, then the year and report name. */
  blockLines: string[];
  /** Title quirks every layout shows (a split name is the PDF renderer's to report: only it prints one). */
  quirks: string[];
}

export function buildTitle(truth: Truth, style: TitleStyle): Title {
  const digits = style.year === 'chinese' ? chineseYear(truth.year) : String(truth.year);
  const yearText = `${digits}${style.year === 'arabic-spaced' ? ' ' : ''}年${style.niandu ? '度' : ''}`;
  const name = truth.agency.name;
  const nameLines = style.splitName && truth.agency.regionPart ? [truth.agency.regionPart, truth.agency.bodyPart] : [name];
  const oneLine = style.yearFirst ? `${yearText}${name}${REPORT_NAME}` : `${name}${yearText}${REPORT_NAME}`;
  const blockLines = style.yearFirst ? [oneLine] : [...nameLines, `${yearText}${REPORT_NAME}`];
  const quirks = [
    style.year === 'chinese' ? 'title-year-chinese' : null,
    style.yearFirst ? 'title-year-first' : null,
    style.niandu ? 'title-niandu' : null,
  ].filter((q): q is string => q !== null);
  return { nameLines, yearText, oneLine, blockLines, quirks };
}
