/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The web workbench end to end (issue 11): Debian's chromium, driven by playwright-core, against
 * `concord serve --demo --port 0` on a fresh embedded store (a child process, as a user runs it).
 * Log in as each role; the mediator moves a lever and P(zone) becomes what the library computes
 * for that setting; edits a draft and sees the diff; a party edits its weights and its private
 * check changes, while a second party's session receives none of it (whole DOM and every network
 * response searched); an observer has no private control. axe-core on every page (no serious or
 * critical violation); a screenshot of every page at 1280×800 in test-artifacts/screenshots/.
 * Skips with a notice without chromium, and fails instead when CONCORD_REQUIRE_BROWSER=1.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateDraft, monteCarlo, parseScenario } from '../src/index.js';
import { withRanges } from '../web/src/logic/ranges.js';
import { chromiumArgs, chromiumPath } from './support/browser.js';
import { repoRoot } from './support/paths.js';
import { client } from './support/server-client.js';
import { type Running, startCli } from './support/spawn-cli.js';

const ROOM = 'ukraine-2025';
/** The red line a party adds through the form (a marker no other session may receive). */
const RED_LINE = 'MARKER-RU-redline-7731 sanctions must ease and the army stay small';
const shots = join(repoRoot, 'test-artifacts', 'screenshots');
const webIndex = join(repoRoot, 'dist', 'web', 'index.html');

function browserHere(): boolean {
  const required =
    process.env.CONCORD_REQUIRE_BROWSER === '1' || process.env.CONCORD_REQUIRE_SERVICES === '1';
  if (existsSync(chromiumPath)) return true;
  if (required)
    throw new Error(`the web e2e tests need chromium at ${chromiumPath} (CONCORD_REQUIRE_BROWSER=1)`);
  console.warn(`skipped: the web e2e tests need chromium (not found at ${chromiumPath})`);
  return false;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations of the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<unknown> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  })) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** axe, a 1280×800 screenshot, and no sideways scrolling at a 390 px phone width. */
async function checkPage(page: Page, name: string): Promise<void> {
  expect(await axeProblems(page), `axe on ${name}`).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, `${name}.png`) });
  await page.setViewportSize({ width: 390, height: 800 });
  // Elements that stick out to the right (inside a horizontal scroller is fine: tables scroll).
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.scroll'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  );
  expect(wide, `${name} is wider than a 390 px phone`).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** What the browser said while a page ran: console errors, uncaught errors, failed requests. */
const said = new WeakMap<Page, string[]>();
function listen(page: Page): void {
  const log: string[] = [];
  said.set(page, log);
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => log.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) log.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('worker', (w) => {
    log.push(`worker started: ${w.url()}`);
    w.on('close', () => log.push(`worker closed: ${w.url()}`));
  });
}

/**
 * `step`, and when it fails, what the page shows in its error boxes and what the browser said: a
 * failure in CI then names its cause (a worker that did not load, an error the app displayed).
 */
async function explained<T>(page: Page, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (e) {
    const boxes = await page
      .locator('[data-testid=error]')
      .allTextContents()
      .catch(() => ['(page gone)']);
    const log = said.get(page) ?? [];
    throw new Error(
      `${e instanceof Error ? e.message : String(e)}\nerror boxes on the page: ${JSON.stringify(boxes)}\nthe browser said:\n  ${log.slice(-30).join('\n  ') || '(nothing)'}`,
    );
  }
}

describe.runIf(browserHere())('the web workbench in chromium', () => {
  let server: Running;
  let base = '';
  let data = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let yaml = '';

  beforeAll(async () => {
    if (!existsSync(webIndex))
      throw new Error(`${webIndex} is missing: run npm run build:web (npm install does it)`);
    mkdirSync(shots, { recursive: true });
    data = mkdtempSync(join(tmpdir(), 'concord-web-e2e-'));
    server = startCli(['serve', '--demo', '--port', '0', '--data', data, '--samples', '500']);
    let printed = '';
    server.child.stdout?.on('data', (d: Buffer) => {
      printed += d.toString();
    });
    await server.waitFor(/Concord workbench: http:\/\/127\.0\.0\.1:\d+\//, 'out');
    base = /Concord workbench: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(printed)?.[1] ?? '';
    expect(base).not.toBe('');
    const api = client(base);
    const token = await api.login('mediator@demo.local');
    yaml = ((await api.call('GET', `/api/rooms/${ROOM}/scenario`, { token })).json as { yaml: string }).yaml;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    });
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.done;
    }
    if (data) rmSync(data, { recursive: true, force: true });
    console.log(`web e2e screenshots: ${shots}`);
  });

  /** A fresh browser session (own cookies) at 1280×800, signed in as `email`. */
  async function session(
    email: string,
  ): Promise<{ context: BrowserContext; page: Page; responses: string[]; settled: () => Promise<unknown> }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    listen(page);
    const responses: string[] = [];
    const reading: Promise<unknown>[] = [];
    page.on('response', (r) => {
      reading.push(
        r.text().then(
          (t) => responses.push(`${r.url()}\n${t}`),
          () => {},
        ),
      );
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your rooms' }).waitFor();
    expect(errors).toEqual([]);
    return { context, page, responses, settled: () => Promise.all(reading) };
  }

  it('the login page and the rooms list, for each role', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}rooms/${ROOM}`);
    // Not signed in: sent to the login page, which says so when the password is wrong.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkPage(page, 'login');
    await page.getByLabel('Email').fill('mediator@demo.local');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('error').textContent()).toContain('wrong email or password');
    for (const [email, role] of [
      ['mediator@demo.local', 'mediator'],
      ['russia@demo.local', 'party (russia)'],
      ['observer@demo.local', 'observer'],
    ] as const) {
      const s = await session(email);
      await expect.poll(() => s.page.locator('table').textContent()).toContain(role);
      if (role === 'mediator') await checkPage(s.page, 'rooms');
      await s.context.close();
    }
  });

  it("the mediator's desk: a lever moved gives the library's P(zone) for that setting", async () => {
    const { page } = await session('mediator@demo.local');
    await page.goto(`${base}rooms/${ROOM}`);
    await page.getByTestId('pzone-brief').waitFor({ timeout: 60_000 });
    const baseline = page.getByTestId('pzone-baseline');
    await explained(
      page,
      expect.poll(() => baseline.getAttribute('data-value'), { timeout: 60_000 }).not.toBe(''),
    );
    const parsed = parseScenario(yaml, 'room');
    if (!parsed.ok) throw new Error('the room scenario does not read');
    const s = parsed.value;
    const levers = Object.fromEntries((s.record?.levers ?? []).map((l) => [l.id, l.baseline]));
    const at = (settings: Record<string, string>) =>
      monteCarlo(s, { samples: 1000, seed: 1, levers: settings, overrides: {} }).pAgreementZone;
    expect(Number(await baseline.getAttribute('data-value'))).toBe(at(levers));
    await checkPage(page, 'mediator');

    await page.locator('select[data-lever="sanctions"]').selectOption('intensified');
    const moved: Record<string, string> = { ...levers, sanctions: 'intensified' };
    const key = JSON.stringify([
      Object.keys(moved)
        .sort()
        .map((k) => [k, moved[k]]),
      [],
      [],
      1000,
      1,
    ]);
    const whatif = page.getByTestId('pzone-whatif');
    await explained(
      page,
      expect.poll(() => whatif.getAttribute('data-settings'), { timeout: 60_000 }).toBe(key),
    );
    const expected = at(moved);
    expect(Number(await whatif.getAttribute('data-value'))).toBe(expected);
    expect(expected).not.toBe(at(levers));
    expect(await whatif.textContent()).toContain(`${(expected * 100).toFixed(1)}%`);

    // An assumption drawn from another range: Russia's walk-away value between 0.45 and 0.5.
    const ru = s.record?.assumptions.find((a) => a.parameter === 'Russia.reservation');
    if (!ru) throw new Error('no Russia.reservation assumption');
    const box = page.locator(`[data-range="${ru.id}"]`);
    await box.getByText('draw from another range').click();
    await box.getByLabel('Russia.reservation range from').fill('0.45');
    await box.getByLabel('Russia.reservation range to').fill('0.5');
    const rangedKey = JSON.stringify([
      Object.keys(moved)
        .sort()
        .map((k) => [k, moved[k]]),
      [],
      [[ru.id, [0.45, 0.5]]],
      1000,
      1,
    ]);
    await expect.poll(() => whatif.getAttribute('data-settings'), { timeout: 60_000 }).toBe(rangedKey);
    const ranged = monteCarlo(withRanges(s, { [ru.id]: [0.45, 0.5] }), {
      samples: 1000,
      seed: 1,
      levers: moved,
      overrides: {},
    }).pAgreementZone;
    expect(Number(await whatif.getAttribute('data-value'))).toBe(ranged);
    expect(ranged).not.toBe(expected);
    // The utility plane (four parties: the pairwise matrix) is drawn by the report's chart code.
    await expect.poll(() => page.locator('#plane svg').count(), { timeout: 60_000 }).toBeGreaterThan(0);
  });

  it('the mediator edits a draft and sees the diff with each party’s acceptance', async () => {
    const { page } = await session('mediator@demo.local');
    await page.goto(`${base}rooms/${ROOM}/drafts`);
    await page.locator('#draft-select').selectOption('19-point plan');
    const cap = page.locator('fieldset.point').nth(1);
    await cap.getByLabel('Title').fill('Armed forces capped at 680,000 (e2e)');
    await cap.getByLabel('armed forces cap').fill('680000');
    await page.getByLabel('Message for this version').fill('e2e: a lower cap');
    await page.getByRole('button', { name: 'Save version and send to parties' }).click();
    await page.getByText(/Saved as version \d+/).waitFor();
    const changed = page.locator('[data-testid=diff] tr[data-change=changed]');
    await expect.poll(() => changed.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const text = (await changed.first().textContent()) ?? '';
    expect(text).toContain('Armed forces capped at 680,000 (e2e)');
    expect(text).toContain('armed forces cap = 800,000');
    expect(text).toContain('armed forces cap = 680,000');
    // Acceptance of both versions, per party, computed in the browser on the whole scenario.
    const rows = page.locator('table.acceptance tbody tr');
    await explained(page, expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(5));
    await expect
      .poll(() => page.locator('table.acceptance').textContent(), { timeout: 30_000 })
      .not.toContain('…');
    await checkPage(page, 'drafts');
  });

  it("a party's edits change its private check, and another party's session sees none of it", async () => {
    const ru = await session('russia@demo.local');
    await ru.page.goto(`${base}rooms/${ROOM}`);
    const utility = ru.page.getByTestId('check-utility');
    await utility.waitFor({ timeout: 30_000 });
    const before = await utility.textContent();
    // Marker values nobody else has: a weight, the reservation and the message of the version.
    await ru.page.getByTestId('weight-Crimea').fill('13.37');
    await ru.page.getByTestId('reservation').fill('0.6173');
    await expect.poll(() => utility.textContent(), { timeout: 30_000 }).not.toBe(before);
    const after = (await utility.textContent()) ?? '';
    // A red line added through the form: first refused with a message at each field left wrong.
    const form = ru.page.getByTestId('add-red-line');
    await form.getByRole('button', { name: 'Add this red line' }).click();
    expect(await form.locator('[data-field=description]').textContent()).toContain('say in words');
    expect(await form.locator('[data-field="clauses/0/options"]').textContent()).toContain(
      'tick at least one',
    );
    await checkPage(ru.page, 'party-red-line-errors');
    await form.screenshot({ path: join(shots, 'party-red-line-errors-form.png') });
    await form.getByLabel('The red line in words').fill(RED_LINE);
    const first = form.locator('[data-clause="0"]');
    await first.getByLabel('Issue').selectOption('sanctions relief');
    await first.getByLabel('Requirement').selectOption({ label: 'must be one of' });
    await first.getByLabel('phased', { exact: true }).check();
    await first.getByLabel('full', { exact: true }).check();
    await form.getByRole('button', { name: 'Add a condition' }).click();
    const second = form.locator('[data-clause="1"]');
    await second.getByLabel('Issue').selectOption('armed forces cap');
    await second.getByLabel('Requirement').selectOption({ label: 'must be at most' });
    await second.getByLabel(/^Value/).fill('2,000,000');
    await form.getByRole('button', { name: 'Add this red line' }).click();
    expect(await form.locator('[data-field="clauses/1/value"]').textContent()).toContain('outside');
    await second.getByLabel(/^Value/).fill('640,000');
    await form.getByLabel('all must hold').check();
    await form.getByRole('button', { name: 'Add this red line' }).click();
    await form.getByText(/^Added /).waitFor();
    await form.screenshot({ path: join(shots, 'party-red-line-form.png') });
    const lineId = (await form.locator('[role=status] code').textContent()) ?? '';
    expect(lineId).toBe('russia-marker-ru-redline-7731');
    expect(await ru.page.locator(`[data-red-line="${lineId}"]`).textContent()).toContain(
      'crossed when sanctions relief is not phased or full or armed forces cap > 640,000',
    );
    await ru.page.getByLabel('Why (kept in your history)').fill('MARKER-RU-e2e-4417');
    await ru.page.getByRole('button', { name: 'Save a new version' }).click();
    await ru.page.getByText(/Saved as version \d+/).waitFor();
    await checkPage(ru.page, 'party');
    await ru.settled();
    const full = ru.responses.findLast((r) => r.includes('/check\n') && r.includes('"utility"')) ?? '';
    const exact = /"utility":([0-9.]+)/.exec(full.split('\n').slice(1).join('\n'))?.[1] ?? '';
    expect(exact.length).toBeGreaterThan(4);

    // Saved: a fresh page reads the red line from the server, and the check reports it crossed
    // exactly for the packages that break it (the first package has no sanctions relief).
    await ru.page.reload();
    await ru.page.locator(`[data-red-line="${lineId}"]`).waitFor({ timeout: 30_000 });
    const check = ru.page.locator('#check .check');
    const crossedHere = () => check.textContent();
    const checkPanel = ru.page.locator('#check');
    await expect
      .poll(crossedHere, { timeout: 30_000 })
      .toContain(`crosses your red line ${lineId}: ${RED_LINE}`);
    await checkPanel.getByLabel('sanctions relief').selectOption('full');
    await expect.poll(crossedHere, { timeout: 30_000 }).not.toContain(lineId);
    await checkPanel.getByLabel('armed forces cap').fill('680000');
    await expect.poll(crossedHere, { timeout: 30_000 }).toContain(`crosses your red line ${lineId}`);
    expect(await ru.page.getByTestId('check-verdict').textContent()).toBe('not acceptable to you');

    const ua = await session('ukraine@demo.local');
    // Its drafts history too: its own verdicts only.
    await ua.page.goto(`${base}rooms/${ROOM}/drafts`);
    await explained(
      ua.page,
      expect
        .poll(() => ua.page.getByTestId('verdicts').getAttribute('data-loading'), { timeout: 30_000 })
        .toBe('no'),
    );
    await ua.page.goto(`${base}rooms/${ROOM}`);
    await ua.page.getByTestId('check-utility').waitFor({ timeout: 30_000 });
    await ua.page.getByTestId('joint-answers').waitFor({ timeout: 60_000 });
    await ua.page.waitForLoadState('networkidle');
    await ua.settled();
    // Everything the second session was sent, and everything on its page (input values too).
    const dom = await ua.page.evaluate(
      () =>
        document.documentElement.outerHTML +
        [...document.querySelectorAll('input, select, textarea')]
          .map((e) => (e as HTMLInputElement).value)
          .join('\n'),
    );
    const seen = `${dom}\n${ua.responses.join('\n')}`;
    expect(ua.responses.length).toBeGreaterThan(3);
    for (const marker of ['13.37', '0.6173', 'MARKER-RU-e2e-4417', RED_LINE, lineId, exact, after])
      expect(seen.includes(marker), `the other party's session holds ${marker}`).toBe(false);
  });

  /** From the room page to the drafts history of the 19-point plan, as a member finds it. */
  async function openDraftsHistory(page: Page): Promise<void> {
    await page.goto(`${base}rooms/${ROOM}`);
    await page.getByRole('link', { name: 'Drafts history' }).click();
    await page.getByRole('heading', { name: 'Drafts history' }).waitFor();
    await page.locator('#draft-select').selectOption('19-point plan');
  }

  it('a party reads the drafts history: the diff of two versions and its own verdict on each', async () => {
    const { page, responses, settled } = await session('russia@demo.local');
    await openDraftsHistory(page);
    // The version the mediator saved above against the first.
    const changed = page.locator('[data-testid=diff] tr[data-change=changed]');
    await expect.poll(() => changed.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const text = (await changed.first().textContent()) ?? '';
    expect(text).toContain('armed forces cap = 800,000');
    expect(text).toContain('armed forces cap = 680,000');
    // No editing here.
    expect(await page.getByRole('button', { name: /Save version/ }).count()).toBe(0);
    expect(await page.locator('fieldset.point').count()).toBe(0);
    const verdicts = page.getByTestId('verdicts');
    await explained(
      page,
      expect.poll(() => verdicts.getAttribute('data-loading'), { timeout: 30_000 }).toBe('no'),
    );
    // Each verdict is the library's evaluation of that version on the room's current scenario.
    const api = client(base);
    const token = await api.login('mediator@demo.local');
    const now = ((await api.call('GET', `/api/rooms/${ROOM}/scenario`, { token })).json as { yaml: string })
      .yaml;
    const { versions } = (
      await api.call('GET', `/api/rooms/${ROOM}/drafts/19-point%20plan/versions`, { token })
    ).json as { versions: { version: number; body: Record<string, unknown> | null }[] };
    const live = versions.filter((v) => v.body);
    const [va, vb] = live.slice(-2) as { version: number; body: Record<string, unknown> }[];
    const { parse, stringify } = await import('yaml');
    const library = (body: Record<string, unknown>) => {
      const file = parse(now) as { drafts: Record<string, unknown>[] };
      file.drafts = file.drafts.map((d) => (d.name === '19-point plan' ? { ...body, name: d.name } : d));
      const r = parseScenario(stringify(file), 'room');
      if (!r.ok) throw new Error('does not read');
      return evaluateDraft(r.value, r.value.record?.drafts.find((d) => d.name === '19-point plan') as never);
    };
    const word = (b: boolean | undefined) => (b ? 'accepts' : 'rejects');
    const [eb, ea] = [library(va?.body ?? {}), library(vb?.body ?? {})];
    const ru = (e: typeof eb) => e.parties.find((p) => p.party === 'Russia');
    const rows = await page.locator('table.acceptance tbody tr').allTextContents();
    expect(rows).toEqual([
      `Russia (you)${word(ru(eb)?.accepts)}${word(ru(ea)?.accepts)}`,
      `all parties${word(eb.acceptedByAll)}${word(ea.acceptedByAll)}`,
    ]);
    // The lower cap (680,000) breaks the red line Russia added above (at most 640,000).
    expect(ru(ea)?.redLinesCrossed).toContain('russia-marker-ru-redline-7731');
    expect(await verdicts.textContent()).toContain(
      `v${vb?.version} crosses your red lines: ${ru(ea)?.redLinesCrossed.join(', ')}`,
    );
    await settled();
    // What it was sent of the evaluation: its own verdicts, no other party's name with a figure.
    const sent = responses.filter((r) => r.includes('/verdict\n'));
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const r of sent) {
      expect(Object.keys(JSON.parse(r.slice(r.indexOf('\n') + 1))).sort()).toEqual([
        'acceptableToAll',
        'acceptableToMe',
        'draft',
        'myRedLinesCrossed',
        'version',
      ]);
    }
    await checkPage(page, 'drafts-party');
  });

  it('an observer reads the drafts history: the text and its diff, no acceptance', async () => {
    const { page, responses, settled } = await session('observer@demo.local');
    await openDraftsHistory(page);
    const changed = page.locator('[data-testid=diff] tr[data-change=changed]');
    await expect.poll(() => changed.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await changed.first().textContent()).toContain('armed forces cap = 680,000');
    await page.waitForLoadState('networkidle');
    await settled();
    expect(await page.locator('table.acceptance, [data-testid=verdicts]').count()).toBe(0);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/accepts|rejects|acceptable/i);
    expect(responses.filter((r) => r.includes('/verdict\n'))).toEqual([]);
    expect(await page.locator('input, textarea').count()).toBe(0);
    await checkPage(page, 'drafts-observer');
  });

  it('an observer sees the shared text and no private control', async () => {
    const { page } = await session('observer@demo.local');
    await page.goto(`${base}rooms/${ROOM}`);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page.getByTestId('joint-answers').waitFor({ timeout: 60_000 });
    expect(await page.locator('input[type=range], input[type=number], textarea').count()).toBe(0);
    expect(await page.getByRole('heading', { name: /preferences|Check a package|Levers/i }).count()).toBe(0);
    expect(await page.getByTestId('check-utility').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Draft editor' }).count()).toBe(0);
    expect(await page.locator('#evidence li').count()).toBeGreaterThan(5);
    await checkPage(page, 'observer');
    // A server error is shown, never a blank page.
    await page.goto(`${base}rooms/no-such-room`);
    await expect.poll(() => page.getByTestId('error').textContent()).toContain('no such room');
  });
});
