// Prints the test counts of a vitest JSON report by kind (the folder under tests/), the reasons of skipped tests, then
// "N passed, N failed" (", N skipped" when some were). A test file that failed outside any test (import error, failing
// beforeAll) counts as one failure. A test skipped because a tool is missing carries the reason in a block title as
// "[skipped: <reason>]" (tests/support/tools.ts); other skipped tests are counted without a reason.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';

const file = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.log(`no test report (${error.message})`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const byKind = new Map();
let passed = 0;
let failed = 0;
let skipped = 0;
const skipReasons = new Map();
const SKIP_MARKER = /\[skipped: ([^\]]+)\]/;
for (const suite of report.testResults) {
  const [, kind = 'other'] = relative(process.cwd(), suite.name).split(sep);
  const tests = suite.assertionResults;
  byKind.set(kind, (byKind.get(kind) ?? 0) + tests.length);
  passed += tests.filter((t) => t.status === 'passed').length;
  const failedTests = tests.filter((t) => t.status === 'failed').length;
  failed += failedTests || (suite.status === 'failed' ? 1 : 0);
  for (const t of tests.filter((t) => ['skipped', 'pending', 'todo', 'disabled'].includes(t.status))) {
    skipped++;
    const reason = [...t.ancestorTitles, t.title].map((title) => SKIP_MARKER.exec(title)?.[1]).find(Boolean) ?? 'no reason given';
    skipReasons.set(reason, (skipReasons.get(reason) ?? 0) + 1);
  }
}
const order = ['unit', 'golden', 'property', 'site', 'charts', 'browser'];
const kinds = [...byKind.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
const total = [...byKind.values()].reduce((a, b) => a + b, 0);
console.log(`tests by kind: ${kinds.map((k) => `${k} ${byKind.get(k)}`).join(', ')} (${total} in ${report.testResults.length} files)`);
if (skipped) console.log(`skipped: ${[...skipReasons].map(([reason, n]) => `${n} (${reason})`).join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
