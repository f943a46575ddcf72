/**
 * The order every layout shares: title, intro, then each section's heading, prose and table, then the signature.
 * A renderer supplies how each part becomes lines.
 */
import type { DocumentParts, SectionPart } from '../document';
import type { ProseBlock } from '../types';

export type TableKey = 'proactive' | 'requests' | 'appeals';

export interface Hooks {
  title(): string[];
  intro(text: string): string[];
  heading(section: SectionPart): string[];
  block(block: ProseBlock, section: SectionPart): string[];
  table(key: TableKey): string[];
  signature(lines: string[]): string[];
}

const TABLE_OF: Partial<Record<SectionPart['key'], TableKey>> = { proactive: 'proactive', requests: 'requests', appeals: 'appeals' };

export function assemble(parts: DocumentParts, hooks: Hooks): string[] {
  const lines = [...hooks.title(), ...hooks.intro(parts.intro)];
  for (const section of parts.sections) {
    lines.push(...hooks.heading(section));
    for (const block of section.blocks) lines.push(...hooks.block(block, section));
    const table = TABLE_OF[section.key];
    if (table) lines.push(...hooks.table(table));
  }
  lines.push(...hooks.signature(parts.signature));
  return lines;
}

/** Puts a blank line after each item, as web-page and Word conversions do. */
export function spaced(lines: string[]): string[] {
  return lines.flatMap((l) => [l, '']);
}
