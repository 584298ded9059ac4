import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `../shared` (the community's domains and NegMAS's reference results) sits beside the checkout
 * here and in CI, not on a user's machine. Tests that need it skip with a one-line notice when it
 * is absent; `.ci/run` sets CONCORD_REQUIRE_SHARED=1, which turns that skip into a failure.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
export const sharedDir = process.env.CONCORD_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
export const domainsDir = join(sharedDir, 'domains');
export const referenceDir = join(sharedDir, 'reference');
export const seedDir = join(sharedDir, 'seed');

const present = existsSync(domainsDir) && existsSync(referenceDir);

/** True when ../shared is here; otherwise prints the notice (or throws when CI requires it). */
export function hasShared(what: string): boolean {
  if (present) return true;
  if (process.env.CONCORD_REQUIRE_SHARED === '1') {
    throw new Error(`../shared is required (CONCORD_REQUIRE_SHARED=1) but ${sharedDir} is missing (${what})`);
  }
  console.warn(`skipped: ${what} needs ../shared (not found at ${sharedDir})`);
  return false;
}
