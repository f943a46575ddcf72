/** The test order (tests/setup/sequencer.ts): longest first, never two shape tests at once, by the best durations known. */
import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import durations from '../setup/durations.json' with { type: 'json' };
import { LongestFirstSequencer, plannedOrder } from '../setup/sequencer';

const ROOT = '/checkout';
const spec = (project: string, file: string) => ({ project: { name: project }, moduleId: `${ROOT}/${file}` }) as unknown as TestSpecification;
const sequencer = (lastRun: Record<string, number>, maxWorkers = 2) =>
  new LongestFirstSequencer({
    config: { root: ROOT, maxWorkers },
    cache: { getFileTestResults: (key: string) => (key in lastRun ? { duration: lastRun[key], failed: false } : undefined) },
  } as unknown as Vitest);
const names = (specs: TestSpecification[]) => specs.map((s) => s.moduleId.slice(ROOT.length + 1));

/** When each item starts and ends if `workers` take them in `order`, each freeing after the item's seconds. */
function schedule(order: string[], seconds: Record<string, number>, workers: number): Map<string, [number, number]> {
  const free = Array<number>(workers).fill(0);
  const out = new Map<string, [number, number]>();
  for (const item of order) {
    const w = free.indexOf(Math.min(...free));
    out.set(item, [free[w], free[w] + seconds[item]]);
    free[w] += seconds[item];
  }
  return out;
}

describe('plannedOrder', () => {
  const seconds: Record<string, number> = { pdf: 300, office: 200, web: 150, f: 200, g: 150, a: 120, b: 100, c: 90, d: 40, e: 10 };
  const heavy = new Set(['pdf', 'office', 'web']);
  const items = Object.entries(seconds).map(([item, s]) => ({ item, seconds: s, heavy: heavy.has(item) }));

  it('takes the longest first when nothing heavy runs elsewhere, and never starts a heavy item beside another', () => {
    const order = plannedOrder(items, 2);
    expect(order.slice(0, 2)).toEqual(['pdf', 'f']);
    const times = schedule(order, seconds, 2);
    const spans = [...heavy].map((h) => times.get(h)!);
    for (const [i, [s1, e1]] of spans.entries()) for (const [s2, e2] of spans.slice(i + 1)) expect(e1 <= s2 || e2 <= s1).toBe(true);
    expect(new Set(order)).toEqual(new Set(Object.keys(seconds)));
  });

  it('orders by length alone with one worker, and runs heavy items together when nothing light is left', () => {
    expect(plannedOrder(items, 1)).toEqual(['pdf', 'office', 'f', 'web', 'g', 'a', 'b', 'c', 'd', 'e']);
    expect(plannedOrder(items.filter((i) => i.heavy), 2)).toEqual(['pdf', 'office', 'web']);
  });
});

describe('LongestFirstSequencer', () => {
  const files = [spec('offline', 'tests/unit/small.test.ts'), spec('offline', 'tests/property/pdf-shapes.test.ts'), spec('site', 'tests/browser/hostile-input.test.ts')];

  it('on a fresh clone orders by the durations of a fresh-clone run, files it does not know last', async () => {
    const fresh = durations.seconds as Record<string, number>;
    expect(fresh['tests/property/pdf-shapes.test.ts']).toBeGreaterThan(fresh['tests/browser/hostile-input.test.ts']);
    expect(names(await sequencer({}, 1).sort(files))).toEqual(['tests/property/pdf-shapes.test.ts', 'tests/browser/hostile-input.test.ts', 'tests/unit/small.test.ts']);
  });

  it('prefers the durations of this checkout’s last run (its caches warm)', async () => {
    const lastRun = { 'offline:tests/unit/small.test.ts': 9_000, 'offline:tests/property/pdf-shapes.test.ts': 4_000, 'site:tests/browser/hostile-input.test.ts': 20_000 };
    expect(names(await sequencer(lastRun, 1).sort(files))).toEqual(['tests/browser/hostile-input.test.ts', 'tests/unit/small.test.ts', 'tests/property/pdf-shapes.test.ts']);
  });
});
