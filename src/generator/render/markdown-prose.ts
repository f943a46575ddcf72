/**
 * Prose of the Markdown-ish layouts (web page or Word converted to Markdown): `#` headings at uneven levels, some
 * headings left as plain lines, one paragraph per line with blank lines between.
 */
import type { DocumentParts } from '../document';
import type { Rng } from '../rng';
import { spaced, type Hooks } from './assemble';

export function markdownHooks(parts: DocumentParts, rng: Rng): Omit<Hooks, 'table'> {
  const { title } = parts;
  const level = () => rng.weighted([['## ', 5], ['### ', 2], ['#### ', 2], ['', 1]] as const);
  return {
    title: () =>
      title.blockLines.length > 1 && rng.chance(0.3)
        ? // Seed 002: the agency name as the H1, the year and report name as the H2.
          spaced([`# ${title.nameLines.join('')}`, `## ${title.blockLines[title.blockLines.length - 1]}`])
        : spaced([`# ${title.oneLine}`]),
    intro: (text) => spaced([text]),
    heading: (section) => spaced([`${level()}${section.heading}`]),
    block: (block) => spaced([block.kind === 'subheading' && rng.chance(0.5) ? `#### ${block.text}` : block.text]),
    signature: (lines) => spaced(lines),
  };
}
