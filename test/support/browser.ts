import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/**
 * Debian's chromium, driven by playwright-core (never `playwright install`). Tests that render in
 * a real browser skip with a one-line notice when it is missing; `.ci/run` installs it and sets
 * CONCORD_REQUIRE_SERVICES=1, which turns that skip into a failure.
 */
export const chromiumPath = process.env.CONCORD_CHROMIUM ?? '/usr/bin/chromium';

export function hasChromium(what: string): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CONCORD_REQUIRE_SERVICES === '1') {
    throw new Error(
      `chromium is required (CONCORD_REQUIRE_SERVICES=1) but ${chromiumPath} is missing (${what})`,
    );
  }
  console.warn(`skipped: ${what} needs chromium (not found at ${chromiumPath})`);
  return false;
}

/**
 * Flags for a headless chromium in a test: no sandbox (CI runs as root), nothing fetched from the
 * network, and shared memory in /tmp instead of /dev/shm (a container's /dev/shm is often 64 MB,
 * too small for a page plus a Web Worker running the library).
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless chromium with a fresh profile; `close()` ends it and removes the profile. */
export async function launchChromium(
  viewport = { width: 1100, height: 900 },
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'concord-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    args: chromiumArgs,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
