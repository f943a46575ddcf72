/**
 * The order test files start in. Longest first (the longest-processing-time rule), so that the workers finish
 * together instead of one running a long file alone at the end; but never two extraction-shape property tests at once
 * as far as the durations foresee: each drives Chromium, LibreOffice, poppler, MuPDF, pdfminer or the web dumpers over
 * hundreds of reports, several processes at a time, and two side by side slowed each other several times over.
 *
 * A file's duration is the one of this checkout's last run (vitest's results cache) when there is one, else the one of
 * a fresh-clone run (tests/setup/durations.json, written by tests/setup/durations.mjs), else 0. Measured on fresh
 * clones (2 cores, 2026-12-04, vitest's own duration): vitest's order (by file size: the PDF shapes, a short file and
 * the longest run, started 145 s in) 1,137 s; longest first alone, which ran the PDF and LibreOffice shapes side by
 * side (LibreOffice's 480 s against 186 s), 1,180 s; the shape tests in a pool of their own, one at a time beside
 * two workers, over 1,300 s (the PDF shapes alone took 916 s with a third of the machine).
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import durations from './durations.json' with { type: 'json' };

const FRESH_CLONE_SECONDS: Record<string, number> = durations.seconds;
/** Test files that run many external processes at once. */
const HEAVY = /^tests\/property\/[a-z]+-shapes\.test\.ts$/;

interface Timed<T> {
  item: T;
  seconds: number;
  heavy: boolean;
}

/**
 * The order a pool of `workers` should take `items` in: each time a worker frees (as the durations foresee), it takes
 * the longest item left, unless that one is heavy while another worker still runs a heavy one; then the longest light
 * one (a heavy one when none is left).
 */
export function plannedOrder<T>(items: Timed<T>[], workers: number): T[] {
  const left = [...items].sort((a, b) => b.seconds - a.seconds);
  const lanes = Array.from({ length: Math.max(1, workers) }, () => ({ free: 0, heavyUntil: 0 }));
  const out: T[] = [];
  while (left.length) {
    const lane = lanes.reduce((a, b) => (b.free < a.free ? b : a));
    const heavyElsewhere = lanes.some((l) => l !== lane && l.heavyUntil > lane.free);
    const k = heavyElsewhere ? Math.max(0, left.findIndex((t) => !t.heavy)) : 0;
    const [next] = left.splice(k, 1);
    out.push(next.item);
    lane.free += next.seconds;
    lane.heavyUntil = next.heavy ? lane.free : 0;
  }
  return out;
}

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const timed = files.map((spec) => {
      const file = relative(root, spec.moduleId).split('\\').join('/');
      const last = this.ctx.cache.getFileTestResults(`${spec.project.name}:${file}`);
      return { item: spec, seconds: last ? last.duration / 1000 : (FRESH_CLONE_SECONDS[file] ?? 0), heavy: HEAVY.test(file) };
    });
    return plannedOrder(timed, this.ctx.config.maxWorkers ?? 1);
  }
}
