/**
 * Table A by pdftotext -layout when its label column is narrow: each label cut into pieces of two characters, one
 * per line, and the row's value printed between the pieces, in the middle of the tall label cell (行政 / 事业 / 性收 /
 * 3,429 / 费). The value stands inside the row's label, so it is that row's; a row left unread there used to leave every
 * other lone label of table A unread too (the labels were not all found).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/pipeline/parse';

/** A generated report printed by Chromium, read by pdftotext -layout (pdfCase('shape-pdf', 0)). */
const GENERATED = 'tests/fixtures/shapes/pdftotext-layout-tall-label.txt';

describe('a table A value printed between the pieces of its label', () => {
  const text = readFileSync(GENERATED, 'utf8');

  it('is the row’s value, and the other rows are read', () => {
    expect(text).toMatch(/行政\n事业\n性收\n {20,}3,429\n 费\n/);
    const r = parseReport({ text, file: 'a.txt' });
    expect(r.proactive).toEqual({
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 4, repealed: 0, inForce: 148 },
      licensing: { decisions: 460 },
      penalties: { decisions: 0 },
      coercion: { decisions: 6312 },
      fees: { amount: 3429 },
    });
    expect(r.diagnostics.filter((d) => d.code === 'table-a-unproved')).toEqual([]);
  });

  it('is not taken when the label’s last piece has numbers of its own', () => {
    const r = parseReport({ text: text.replace(/\n 费\n/, '\n 费 12\n'), file: 'a.txt' });
    expect(r.proactive?.fees.amount).toBeNull();
  });
});
