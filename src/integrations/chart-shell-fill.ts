/**
 * A chart page's or embed's shell (src/lib/chart-shells.ts) cut at its markers, and filled with one chart's parts:
 * a text part escaped as Astro escapes where the marker stands (as text, or as a whole attribute), an HTML part as it
 * is. Pure; used by ./chart-pages-write.ts.
 */
import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import { CHART_SHELL_MARKERS, type ChartShellPart } from '../lib/chart-shells';

/** The parts of the chart that are HTML, put in as they are; the others are text, escaped where they stand. */
const HTML_PARTS = new Set<ChartShellPart>(['head', 'main', 'body']);
/** A chart id put inside an address (the canonical URL Astro builds from the page's path) as it is. */
const PLAIN_ID = /^[a-z0-9-]+$/;

/**
 * Where a part goes in a shell: as text (`escapeHTML`), as the whole value of the attribute `name` (Astro's
 * `addAttribute`, which also decides how an empty value or an address is written), inside an attribute's value
 * (the id in an address), or as HTML.
 */
type Slot = { part: ChartShellPart; as: 'text' | 'inside' | 'html' } | { part: ChartShellPart; as: 'attribute'; name: string };

/** A shell cut at its markers: `pieces[0]`, a slot, `pieces[1]`, … */
export interface Shell {
  pieces: string[];
  slots: Slot[];
}

const MARKER = new RegExp(Object.values(CHART_SHELL_MARKERS).join('|'), 'g');
const PART_OF = new Map<string, ChartShellPart>(Object.entries(CHART_SHELL_MARKERS).map(([part, marker]) => [marker, part as ChartShellPart]));

/** Cuts a shell at its markers; fails when a part that must be filled is missing (the route's template changed). */
export function parseShell(html: string, parts: readonly ChartShellPart[]): Shell {
  const pieces: string[] = [];
  const slots: Slot[] = [];
  let from = 0;
  for (const match of html.matchAll(MARKER)) {
    const at = match.index;
    const part = PART_OF.get(match[0])!;
    let before = html.slice(from, at);
    from = at + match[0].length;
    const inTag = html.lastIndexOf('<', at) > html.lastIndexOf('>', at);
    if (HTML_PARTS.has(part)) {
      if (inTag) throw new Error(`chart shell: the ${part} marker is inside a tag`);
      slots.push({ part, as: 'html' });
    } else if (!inTag) {
      slots.push({ part, as: 'text' });
    } else {
      const attribute = /\s([a-z:-]+)="$/.exec(before);
      if (attribute && html[from] === '"') {
        before = before.slice(0, attribute.index);
        from += 1;
        slots.push({ part, as: 'attribute', name: attribute[1] });
      } else {
        slots.push({ part, as: 'inside' });
      }
    }
    pieces.push(before);
  }
  pieces.push(html.slice(from));
  for (const part of parts) if (!slots.some((s) => s.part === part)) throw new Error(`chart shell: no ${part} marker`);
  return { pieces, slots };
}

/** A shell with each part filled in. */
export function fillShell(shell: Shell, values: Partial<Record<ChartShellPart, string>>): string {
  let html = shell.pieces[0];
  shell.slots.forEach((slot, i) => {
    const value = values[slot.part];
    if (value === undefined) throw new Error(`chart shell: no value for ${slot.part}`);
    if (slot.as === 'html') html += value;
    else if (slot.as === 'text') html += escapeHTML(value);
    else if (slot.as === 'attribute') html += addAttribute(value, slot.name);
    else if (PLAIN_ID.test(value)) html += value;
    else throw new Error(`chart shell: ${value} cannot be put inside an address as it is`);
    html += shell.pieces[i + 1];
  });
  return html;
}
