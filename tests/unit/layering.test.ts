/**
 * The layering of src/, written as a test over the import graph (every relative import of every .ts, .mjs and
 * .astro module, static or dynamic, read with TypeScript's own pre-processor):
 * - the pipeline never imports site code, and src/schema imports nothing but itself;
 * - a pipeline stage (read, parse, enrich, check, write) imports only its own folder, src/schema and the neutral
 *   modules at the top of src/pipeline (those that import no stage): stages never import each other, sideways or
 *   backwards; the orchestration (pipeline/index.ts, ingest.ts, cache, parallel) runs them in order;
 * - the site never imports the pipeline (data files and src/schema are the contract between them);
 * - components get labels without loading the data: constants are never taken from lib/site-data.ts;
 * - the folders of src/ (and the stage folders of src/pipeline) form no cycle;
 * - the cache is a store: it never runs the per-file stage (no import of ingest.ts but its types, no dynamic import);
 * - browser code lives in one folder: every <script> of an .astro file imports from src/client, and src/client is
 *   imported only by such scripts (and by itself).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');
const MODULE_FILE = /\.(ts|mts|mjs|js|astro)$/;
const RESOLVE_SUFFIXES = ['', '.ts', '.mts', '.mjs', '.js', '.astro', '/index.ts', '/index.mjs'];
const STAGES = ['read', 'parse', 'enrich', 'check', 'write'];
const SITE_FOLDERS = ['pages', 'components', 'layouts', 'lib', 'charts', 'client', 'integrations', 'styles'];
/** The top of src/pipeline: the whole run (index.ts) and the per-file stage (ingest.ts); stages may not import them. */
const ORCHESTRATION = ['src/pipeline/index.ts', 'src/pipeline/ingest.ts'];

interface Edge {
  from: string;
  to: string;
  /** The names imported (`import { a, type B } from …`), empty for a namespace, default or side-effect import. */
  names: string[];
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (MODULE_FILE.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The script parts of an .astro file: its front matter and its <script> elements. */
function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontMatter, ...scripts].join('\n');
}

function resolveImport(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier.replace(/\?.*$/, ''));
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix;
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next suffix
    }
  }
  return null;
}

function importedNames(source: string, specifier: string): string[] {
  const quoted = specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const clause = new RegExp(`import\\s+(?:type\\s+)?\\{([^}]*)\\}\\s*from\\s*['"]${quoted}['"]`).exec(source);
  if (!clause) return [];
  return clause[1]
    .split(',')
    .map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0])
    .filter(Boolean);
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

function importGraph(): { modules: string[]; edges: Edge[]; unresolved: string[] } {
  const modules = walk(SRC);
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  for (const file of modules) {
    const source = scriptOf(file, readFileSync(file, 'utf8'));
    for (const { fileName } of ts.preProcessFile(source, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveImport(file, fileName);
      if (target) edges.push({ from: rel(file), to: rel(target), names: importedNames(source, fileName) });
      else unresolved.push(`${rel(file)} → ${fileName}`);
    }
  }
  return { modules: modules.map(rel), edges, unresolved };
}

const GRAPH = importGraph();

/**
 * The node of a module in the folder graph: `src/pipeline/read/formats/pdf.ts` → `pipeline/read`, `src/lib/paths.ts`
 * → `lib`; each module at the top of src/pipeline is its own node (`pipeline/ingest.ts`, `pipeline/diagnostic.ts`).
 */
function folderOf(file: string): string {
  const parts = file.split('/').slice(1);
  if (parts[0] !== 'pipeline') return parts.length > 1 ? parts[0] : '';
  return `pipeline/${parts[1]}`;
}

const topFolder = (file: string) => file.split('/')[1];
const stageOf = (file: string) => (file.startsWith('src/pipeline/') ? STAGES.find((s) => file.startsWith(`src/pipeline/${s}/`)) : undefined);
const describeEdges = (edges: Edge[]) => edges.map((e) => `${e.from} → ${e.to}`);

/** Top-level pipeline modules that import no stage folder and no orchestration: usable by every stage. */
function neutralPipelineModules(): Set<string> {
  const top = GRAPH.modules.filter((m) => /^src\/pipeline\/[^/]+$/.test(m) && !ORCHESTRATION.includes(m));
  return new Set(
    top.filter((m) =>
      GRAPH.edges.filter((e) => e.from === m).every((e) => !e.to.startsWith('src/pipeline/') || /^src\/pipeline\/[^/]+$/.test(e.to)),
    ),
  );
}

/** Strongly connected components (Tarjan) of a graph given as adjacency sets; only those with more than one node. */
function cycles(adjacency: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of adjacency.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of adjacency.keys()) if (!indices.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  it('is read completely: every module has imports resolved to files', () => {
    expect(GRAPH.unresolved).toEqual([]);
    // The graph is real: the pipeline's entry reaches its stages and the report page reaches its components.
    expect(GRAPH.edges.some((e) => e.from === 'src/pipeline/ingest.ts' && e.to.startsWith('src/pipeline/parse/'))).toBe(true);
    expect(GRAPH.edges.some((e) => e.from === 'src/pages/reports/[id].astro' && e.to.startsWith('src/components/'))).toBe(true);
    expect(GRAPH.modules.length).toBeGreaterThan(150);
  });

  it('pipeline never imports site code', () => {
    const bad = GRAPH.edges.filter((e) => topFolder(e.from) === 'pipeline' && SITE_FOLDERS.includes(topFolder(e.to)));
    expect(describeEdges(bad)).toEqual([]);
  });

  it('src/schema imports nothing outside src/schema', () => {
    const bad = GRAPH.edges.filter((e) => topFolder(e.from) === 'schema' && topFolder(e.to) !== 'schema');
    expect(describeEdges(bad)).toEqual([]);
  });

  it('a stage imports only its own folder, src/schema and neutral pipeline modules (read never imports parse)', () => {
    const neutral = neutralPipelineModules();
    expect([...neutral]).toEqual(expect.arrayContaining(['src/pipeline/diagnostic.ts', 'src/pipeline/text.ts']));
    const bad = GRAPH.edges.filter((e) => {
      const stage = stageOf(e.from);
      if (!stage) return false;
      return !(e.to.startsWith(`src/pipeline/${stage}/`) || topFolder(e.to) === 'schema' || neutral.has(e.to));
    });
    expect(describeEdges(bad)).toEqual([]);
  });

  it('the site never imports the pipeline', () => {
    const bad = GRAPH.edges.filter((e) => SITE_FOLDERS.includes(topFolder(e.from)) && topFolder(e.to) === 'pipeline');
    expect(describeEdges(bad)).toEqual([]);
  });

  it('components get labels without loading data: only data, never constants, come from lib/site-data.ts', () => {
    const fromData = GRAPH.edges.filter((e) => e.to === 'src/lib/site-data.ts' && topFolder(e.from) === 'components');
    expect(fromData.length).toBeGreaterThan(0);
    const bad = fromData.filter((e) => e.names.some((n) => /^[A-Z][A-Z0-9_]*$/.test(n)));
    expect(bad.map((e) => `${e.from} takes ${e.names.join(', ')}`)).toEqual([]);
    const labels = GRAPH.edges.filter((e) => e.from === 'src/lib/labels.ts');
    expect(labels.every((e) => topFolder(e.to) === 'schema')).toBe(true);
  });

  it('the cache is a store: it imports the per-file stage for its types only, and nothing dynamically', () => {
    const cache = GRAPH.modules.filter((m) => m.startsWith('src/pipeline/cache/'));
    expect(cache).toContain('src/pipeline/cache/index.ts');
    const bad: string[] = [];
    for (const file of cache) {
      // Without comments, which may name the syntax they describe.
      const source = readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      if (/\bimport\s*\(/.test(source)) bad.push(`${file}: dynamic import`);
      for (const m of source.matchAll(/^import\s+(type\s+)?[^;]*?from\s*['"]([^'"]+)['"]/gm)) {
        const target = resolveImport(path.join(ROOT, file), m[2]);
        if (target && rel(target) === 'src/pipeline/ingest.ts' && !m[1]) bad.push(`${file} → src/pipeline/ingest.ts`);
      }
    }
    expect(bad).toEqual([]);
    // The stage runs in the orchestration, which stores its result through the cache.
    expect(GRAPH.edges.some((e) => e.from === 'src/pipeline/parallel/ingest-file.ts' && e.to === 'src/pipeline/ingest.ts')).toBe(true);
  });

  it('browser code lives in src/client: page scripts import only src/client, and only page scripts import it', () => {
    const scriptImports: Edge[] = [];
    for (const file of GRAPH.modules.filter((m) => m.endsWith('.astro'))) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const [, script] of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
        for (const { fileName } of ts.preProcessFile(script, true, true).importedFiles) {
          const target = fileName.startsWith('.') ? resolveImport(path.join(ROOT, file), fileName) : null;
          scriptImports.push({ from: file, to: target ? rel(target) : fileName, names: [] });
        }
      }
    }
    expect(scriptImports.map((e) => e.to)).toEqual(
      expect.arrayContaining(['src/client/search-page.ts', 'src/client/compare.ts', 'src/client/agency-filter.ts']),
    );
    expect(describeEdges(scriptImports.filter((e) => topFolder(e.to) !== 'client'))).toEqual([]);
    const viaScripts = new Set(scriptImports.map((e) => `${e.from} → ${e.to}`));
    const bad = GRAPH.edges.filter(
      (e) => topFolder(e.to) === 'client' && topFolder(e.from) !== 'client' && !viaScripts.has(`${e.from} → ${e.to}`),
    );
    expect(describeEdges(bad)).toEqual([]);
    expect(GRAPH.modules.filter((m) => /^src\/(scripts|components\/search)\/.*\.ts$/.test(m))).toEqual([]);
  });

  it('the folders of src/ and the stages of src/pipeline form no cycle', () => {
    const adjacency = new Map<string, Set<string>>();
    for (const e of GRAPH.edges) {
      const [a, b] = [folderOf(e.from), folderOf(e.to)];
      if (a === b) continue;
      if (!adjacency.has(a)) adjacency.set(a, new Set());
      adjacency.get(a)!.add(b);
    }
    expect(cycles(adjacency)).toEqual([]);
  });
});
