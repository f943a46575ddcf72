/** The test order (tests/setup/sequencer.ts): longest first, by this checkout's last run, else by a fresh clone's. */
import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import durations from '../setup/durations.json' with { type: 'json' };
import { LongestFirstSequencer } from '../setup/sequencer';

const ROOT = '/checkout';
const spec = (project: string, file: string) => ({ project: { name: project }, moduleId: `${ROOT}/${file}` }) as unknown as TestSpecification;
const sequencer = (lastRun: Record<string, number>) =>
  new LongestFirstSequencer({
    config: { root: ROOT },
    cache: { getFileTestResults: (key: string) => (key in lastRun ? { duration: lastRun[key], failed: false } : undefined) },
  } as unknown as Vitest);
const names = (specs: TestSpecification[]) => specs.map((s) => s.moduleId.slice(ROOT.length + 1));

describe('LongestFirstSequencer', () => {
  const files = [spec('offline', 'tests/unit/small.test.ts'), spec('offline', 'tests/property/pdf-shapes.test.ts'), spec('site', 'tests/browser/hostile-input.test.ts')];

  it('starts the longest files of a fresh clone first, files it does not know last', async () => {
    const fresh = durations.seconds as Record<string, number>;
    expect(fresh['tests/property/pdf-shapes.test.ts']).toBeGreaterThan(fresh['tests/browser/hostile-input.test.ts']);
    expect(names(await sequencer({}).sort(files))).toEqual(['tests/property/pdf-shapes.test.ts', 'tests/browser/hostile-input.test.ts', 'tests/unit/small.test.ts']);
  });

  it('prefers the durations of this checkout’s last run (its caches warm)', async () => {
    const lastRun = { 'offline:tests/unit/small.test.ts': 9_000, 'offline:tests/property/pdf-shapes.test.ts': 4_000, 'site:tests/browser/hostile-input.test.ts': 20_000 };
    expect(names(await sequencer(lastRun).sort(files))).toEqual(['tests/browser/hostile-input.test.ts', 'tests/unit/small.test.ts', 'tests/property/pdf-shapes.test.ts']);
  });
});
