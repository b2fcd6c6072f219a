// What the portal's browser tests need around Playwright: Debian's Chromium (installed
// with apt-get when missing — Playwright's own browser download cannot work on these
// machines), one browser context per signed-in user that records every answer the page
// received from the portal, axe-core per screen, and screenshots in one folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The Chromium executable; installs Debian's package when it is missing and says clearly why it cannot. */
export function ensureChromium(): string {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) throw new Error(`${CHROMIUM} is missing and this is not root: run 'apt-get install -y chromium' (or set CHROMIUM_PATH) and run the tests again.`);
  process.stdout.write(`[portal tests] ${CHROMIUM} is missing: apt-get install -y chromium …\n`);
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const result = spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}); install Chromium by hand or set CHROMIUM_PATH:\n${result.stderr.slice(-2000)}`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} does not exist; set CHROMIUM_PATH.`);
  return CHROMIUM;
}

export function launchChromium(): Promise<Browser> {
  // --no-sandbox: the tests run as root here, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=nl-NL'], headless: true });
}

export interface Answered {
  readonly url: string;
  readonly status: number;
  readonly body: string;
}

/** A signed-in user's browser: its page and every portal answer the page received. */
export interface UserBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every /api answer so far, bodies read in full. */
  answers(): Promise<readonly Answered[]>;
}

export async function openUserBrowser(browser: Browser, portalUrl: string): Promise<UserBrowser> {
  const context = await browser.newContext({ baseURL: portalUrl, viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const page = await context.newPage();
  const pending: Promise<Answered | undefined>[] = [];
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    pending.push(
      response
        .text()
        .then((body) => ({ url: response.url(), status: response.status(), body }))
        .catch(() => undefined),
    );
  });
  return {
    context,
    page,
    answers: async () => (await Promise.all(pending)).filter((a): a is Answered => a !== undefined),
  };
}

export interface AxeResult {
  readonly screen: string;
  readonly violations: number;
  /** Rules that ran and passed: more than none, or axe checked nothing. */
  readonly passes: number;
  readonly seriousOrCritical: readonly string[];
}

/** axe-core on the page as it is now (WCAG 2.0/2.1 A and AA rules). */
export async function axe(page: Page, screen: string): Promise<AxeResult> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const seriousOrCritical = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  return { screen, violations: result.violations.length, passes: result.passes.length, seriousOrCritical };
}

/** The folder the screenshots go to: PORTAL_SCREENSHOTS, or a fresh one under the OS temp dir. */
export function screenshotFolder(): string {
  const dir = process.env['PORTAL_SCREENSHOTS'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-portal-screenshots-'));
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
