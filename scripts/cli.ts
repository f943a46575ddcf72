/**
 * Command-line arguments for the scripts: `--help` prints the usage, and an unknown option or a missing value is a
 * one-line message with the usage (exit code 2) instead of node's stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Prints the message and exits with code 2 (a usage error). */
export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

export function cliArgs<const O extends Options>(options: O, usage: string) {
  let values;
  try {
    ({ values } = parseArgs<{ options: O & typeof HELP }>({ options: { ...options, ...HELP } }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`);
  }
  if ((values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}
