/** The names sidecar metadata files have: apart from their reader, so finding files and cache keys load no YAML parser. */
import path from 'node:path';

const SIDECAR_EXTENSIONS = ['.meta.json', '.meta.yaml', '.meta.yml'] as const;

export function isSidecar(file: string): boolean {
  return SIDECAR_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext));
}

export function sidecarCandidates(file: string): string[] {
  const stem = file.slice(0, file.length - path.extname(file).length);
  return SIDECAR_EXTENSIONS.map((ext) => stem + ext);
}
