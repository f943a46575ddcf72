/** Sidecar metadata next to a report file: `<name>.meta.json`, `<name>.meta.yaml` or `<name>.meta.yml`. */
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Diagnostic } from '../../schema';
import { diagnostic } from '../diagnostic';
import { readIfExistsSync } from '../files';
import { sidecarCandidates } from './sidecar-names';

export interface Sidecar {
  /** The sidecar's file name, for messages; null when there is none. */
  name: string | null;
  data: unknown;
  diagnostics: Diagnostic[];
}

/** Reads the first sidecar that exists for `relPath` (relative to `contentDir`); `file` names the report in diagnostics. */
export function readSidecar(contentDir: string, relPath: string): Sidecar {
  const diagnostics: Diagnostic[] = [];
  let found: Sidecar = { name: null, data: undefined, diagnostics };
  for (const candidate of sidecarCandidates(relPath)) {
    const bytes = readIfExistsSync(path.join(contentDir, candidate));
    if (bytes === null) continue;
    const raw = bytes.toString('utf8');
    const name = path.posix.basename(candidate);
    if (found.name !== null) {
      diagnostics.push(
        diagnostic({
          severity: 'warning',
          code: 'meta-sidecar-extra',
          file: relPath,
          expected: '每个报告最多一个旁置元数据文件',
          found: `${found.name} 与 ${name}`,
          message: `已使用 ${found.name}，忽略 ${name}`,
        }),
      );
      continue;
    }
    try {
      const data = candidate.endsWith('.json') ? JSON.parse(raw) : parseYaml(raw);
      found = { name, data, diagnostics };
    } catch (error) {
      found = { name, data: undefined, diagnostics };
      diagnostics.push(
        diagnostic({
          severity: 'warning',
          code: 'meta-invalid',
          file: relPath,
          expected: `有效的 ${candidate.endsWith('.json') ? 'JSON' : 'YAML'} 旁置元数据`,
          found: String((error as Error).message).split('\n')[0],
          message: `旁置元数据文件 ${name} 无法解析，已忽略`,
        }),
      );
    }
  }
  return found;
}
