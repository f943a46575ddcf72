/** internStrings keeps every value of a JSON tree as it was (it only shares equal strings), in arrays and objects alike. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internStrings } from '../../src/lib/intern-strings';

describe('internStrings', () => {
  it('leaves any JSON value deep-equal to what it was', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const before = structuredClone(value);
        internStrings(value);
        expect(value).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('replaces strings in place in nested objects and arrays, one pool across calls', () => {
    const pool = new Map<string, string>();
    const a = { code: 'cell-blank', list: ['warning', { path: 'requests.received.total' }] };
    const b = [{ code: 'cell-blank' }, 'warning', null, 3];
    internStrings(a, pool);
    internStrings(b, pool);
    expect(a).toEqual({ code: 'cell-blank', list: ['warning', { path: 'requests.received.total' }] });
    expect(b).toEqual([{ code: 'cell-blank' }, 'warning', null, 3]);
    expect([...pool.keys()].sort()).toEqual(['cell-blank', 'requests.received.total', 'warning']);
  });
});
