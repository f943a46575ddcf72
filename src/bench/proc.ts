/** Process facts from Linux /proc: resident memory of a process and all its descendants, the machine's memory. */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // the process ended between listing and reading
  }
}

/** Parent of each process: field 4 of /proc/<pid>/stat, after the command name in parentheses (which may hold spaces). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    map.set(Number(name), Number(fields[1]));
  }
  return map;
}

/** Resident bytes of `pid` and its descendants (0 when it has ended or /proc is missing). */
export function processTreeRss(pid: number): number {
  let byParent: Map<number, number>;
  try {
    byParent = parents();
  } catch {
    return 0;
  }
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of byParent) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  let bytes = 0;
  for (const p of tree) {
    const statm = read(`/proc/${p}/statm`);
    if (statm) bytes += Number(statm.split(' ')[1]) * PAGE_BYTES;
  }
  return bytes;
}
