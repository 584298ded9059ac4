import { readFileSync } from 'node:fs';

/**
 * The package's version, read from its package.json (two folders up from this module both in
 * src/node and in dist/node), so `concord --version` never disagrees with what npm installed.
 */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
