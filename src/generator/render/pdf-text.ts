/** Text extracted from a PDF (seeds 000/004, Hongze corpus file): see wrap.ts and pdf-tables.ts for the quirks. */
import type { DocumentParts } from '../document';
import type { Rng } from '../rng';
import { assemble } from './assemble';
import { appealsLines, pickPdfTableStyle, proactiveLines, requestsLines } from './pdf-tables';
import { doubleSpaced, paginate, spaceAsciiRuns, wrap, type FooterStyle } from './wrap';

export function renderPdfText(parts: DocumentParts, rng: Rng): { text: string; quirks: string[] } {
  const width = rng.int(26, 34);
  const spaceRuns = rng.chance(0.7);
  const runInSubheadings = rng.chance(0.3);
  const tableStyle = pickPdfTableStyle(rng.fork('tables'));
  const quirks = new Set<string>(['mid-sentence-breaks']);
  const prose = (text: string) => wrap(spaceRuns ? spaceAsciiRuns(text) : text, width);
  let pendingSubheading: string | null = null;

  const lines = assemble(parts, {
    title: () => {
      if (parts.title.nameLines.length > 1) quirks.add('title-name-split');
      return parts.title.blockLines.flatMap((l) => (l.length > 24 ? wrap(l, rng.int(16, 22)) : [l]));
    },
    intro: prose,
    heading: (section) => [section.heading],
    block: (block) => {
      if (block.kind === 'subheading') {
        if (!runInSubheadings) return [block.text];
        pendingSubheading = block.text;
        return [];
      }
      // Hongze: "（一）主动公开情况。主要通过…" — the sub-heading runs into its paragraph.
      const text = pendingSubheading ? `${pendingSubheading}。${block.text}` : block.text;
      pendingSubheading = null;
      return prose(text);
    },
    table: (key) => {
      if (key === 'proactive') return proactiveLines(parts.tables.proactive, rng);
      if (key === 'appeals') return appealsLines(parts.tables.appeals, tableStyle, rng);
      const b = requestsLines(parts.tables.requests, tableStyle, rng);
      b.quirks.forEach((q) => quirks.add(q));
      return b.lines;
    },
    signature: (sig) => sig,
  });

  const double = rng.chance(0.5);
  const footerStyle = rng.weighted<FooterStyle>([['none', 2], ['dash', 2], ['emdash', 1]]);
  const paged = paginate(double ? doubleSpaced(lines) : lines, rng.int(28, 45), footerStyle);
  if (double) quirks.add('blank-between-lines');
  quirks.add('page-break-leading-space');
  if (footerStyle !== 'none') quirks.add('page-footers');
  return { text: paged.join('\n'), quirks: [...quirks] };
}
