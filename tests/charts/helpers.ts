/** Reading plotted marks back out of chart SVGs and PNG pixels, for the chart tests. */
import { parse } from 'node-html-parser';
import { PNG } from 'pngjs';

export interface Mark {
  key: string;
  /** The plotted value from data-value; null for a value drawn as 未填报. */
  value: number | null;
  tag: string;
  /** Bar length (width of a horizontal bar, height of a vertical one); null for points and missing values. */
  length: number | null;
  attrs: Record<string, string>;
  text: string;
}

/** Every element carrying data-key/data-value, in document order; bars of trend charts are vertical. */
export function marks(svg: string, bars: 'horizontal' | 'vertical' = 'horizontal'): Mark[] {
  return parse(svg)
    .querySelectorAll('[data-key]')
    .map((el) => {
      const raw = el.getAttribute('data-value');
      const attrs = el.attributes;
      return {
        key: el.getAttribute('data-key') ?? '',
        value: raw === 'null' || raw === undefined ? null : Number(raw),
        tag: el.rawTagName,
        length: el.rawTagName === 'rect' ? Number(bars === 'vertical' ? attrs.height : attrs.width) : null,
        attrs,
        text: el.text,
      };
    });
}

export function markByKey(svg: string, key: string, bars: 'horizontal' | 'vertical' = 'horizontal'): Mark {
  const found = marks(svg, bars).find((m) => m.key === key);
  if (!found) throw new Error(`no mark ${key}`);
  return found;
}

/** Ratio of length to value for every non-zero bar: equal ratios mean bar length is proportional to value. */
export function lengthPerUnit(list: Mark[]): number[] {
  return list.filter((m) => m.length !== null && m.value !== null && m.value !== 0).map((m) => (m.length as number) / Math.abs(m.value as number));
}

/** Decoded PNG and the variance of its grey levels (0 for a blank image). */
export function pngStats(png: Buffer): { width: number; height: number; variance: number; dark: number } {
  const img = PNG.sync.read(png);
  let sum = 0;
  let sumSq = 0;
  let dark = 0;
  const n = img.width * img.height;
  for (let i = 0; i < img.data.length; i += 4) {
    const grey = (img.data[i] + img.data[i + 1] + img.data[i + 2]) / 3;
    sum += grey;
    sumSq += grey * grey;
    if (grey < 128) dark++;
  }
  const mean = sum / n;
  return { width: img.width, height: img.height, variance: sumSq / n - mean * mean, dark };
}
