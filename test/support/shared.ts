import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { sharedDir } from './paths.js';

export { domainsDir, referenceDir, repoRoot, seedDir, sharedDir } from './paths.js';

/**
 * `../shared` (the community's domains and NegMAS's reference results) sits beside the checkout
 * here and in CI, not on a user's machine. Tests that need it skip with a one-line notice when it
 * is absent; `.ci/run` sets CONCORD_REQUIRE_SHARED=1, which turns that skip into a failure, and
 * runs the whole suite a second time with CONCORD_SHARED_DIR pointing at an empty folder, so a
 * suite that reads it without asking fails there (as it would on a fresh clone).
 */

/**
 * True when ../shared is here (its `parts`, by default the domains and the reference results);
 * otherwise prints the notice (or throws when CI requires it).
 */
export function hasShared(what: string, parts: readonly string[] = ['domains', 'reference']): boolean {
  if (parts.every((p) => existsSync(join(sharedDir, p)))) return true;
  if (process.env.CONCORD_REQUIRE_SHARED === '1') {
    throw new Error(`../shared is required (CONCORD_REQUIRE_SHARED=1) but ${sharedDir} is missing (${what})`);
  }
  console.warn(`skipped: ${what} needs ../shared (not found at ${sharedDir})`);
  return false;
}

/**
 * `describe` for a block that reads ../shared while it is collected (a `describe` body runs even
 * when the block is skipped, so `describe.runIf` alone is not enough): without ../shared the body
 * never runs and one skipped test stands for it.
 */
export function describeWithShared(
  what: string,
  name: string,
  body: () => void,
  parts: readonly string[] = ['domains', 'reference'],
): void {
  if (hasShared(what, parts)) describe(name, body);
  else describe.skip(name, () => it(`needs ../shared (${what})`, () => {}));
}
