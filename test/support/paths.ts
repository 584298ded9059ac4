import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the checkout and `../shared` are. Kept free of vitest so the benches (`npm run bench`,
 * plain tsx) can share the test helpers that need these paths.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
export const sharedDir = process.env.CONCORD_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
export const domainsDir = join(sharedDir, 'domains');
export const referenceDir = join(sharedDir, 'reference');
export const seedDir = join(sharedDir, 'seed');
