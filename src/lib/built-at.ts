/**
 * The build's time, printed on every chart (src/charts/registry.ts): one value for the whole build. The site-files
 * integration (src/integrations/site-files.ts) sets SITE_BUILT_AT when the build starts, so that the pages and the
 * files it writes in a process of its own print the same time; a build run without it takes the time it starts at.
 */
export const BUILT_AT_ENV = 'SITE_BUILT_AT';

/** SITE_BUILT_AT as an ISO time, or now; a value that is not a time fails the build. */
export function builtAt(env: NodeJS.ProcessEnv = process.env): string {
  const value = env[BUILT_AT_ENV];
  if (value === undefined || value === '') return new Date().toISOString();
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new Error(`${BUILT_AT_ENV}=${value}: expected an ISO time such as 2026-01-28T04:00:00.000Z`);
  return time.toISOString();
}
