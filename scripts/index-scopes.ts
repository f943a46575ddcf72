/**
 * A process src/integrations/pagefind.ts starts to index some of a site's search scopes beside another such process
 * (run with tsx, with an IPC channel):
 *   node --import tsx scripts/index-scopes.ts
 * It receives `{ siteDir, scopes }` (src/lib/search-scope-pages.ts, ScopePages[]), writes each scope's bundle with a
 * Pagefind process of its own, one scope at a time (indexScopes in one process), sends back what it indexed
 * (IndexSummary) and exits. A failure exits non-zero with its message on stderr.
 */
import { indexScopes } from '../src/integrations/pagefind';
import type { ScopePages } from '../src/lib/search-scope-pages';

const { siteDir, scopes } = await new Promise<{ siteDir: string; scopes: ScopePages[] }>((done) => process.once('message', done as (m: unknown) => void));
const summary = await indexScopes(siteDir, scopes, 1);
await new Promise<void>((done) => process.send!(summary, () => done()));
process.disconnect?.();
