// The portal in real Chromium against the seven services and the portal itself as processes
// on the real broker and Postgres: one journey through the UI only (the municipality
// registers, consents and refers; the screener accepts and advises; the account manager
// logs a placement, a job loss and a second placement; the shared case view shows it;
// the auditor finds the disclosures), after each step the next user's screen showing the
// change. Privacy: the employer's screens and every answer their page received hold no
// care data. axe-core on every screen; one keyboard-only path; screenshots of each screen.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { generateBsn, inDays, printServiceOutput, startServiceProcess, startServiceProcesses, testNamespace, type ServiceProcess } from '@wcc/testing';
import { axe, launchChromium, openUserBrowser, screenshotFolder, type AxeResult, type UserBrowser } from './testing/browser';

const SERVICES = ['municipality', 'care-provider', 'employer-network', 'insurer', 'case-view', 'exchange-log', 'outcomes'] as const;
const SOON_MS = 45_000; // a command's effect in another service's screen (over Kafka)
const DIAGNOSIS = 'F20.0';
const CLINICAL_NOTE = 'Stemmen horen sinds de zomer; antipsychotica gestart.';
/** What would tell an employer that, or how, the client is in care. */
const CARE_DATA = [
  DIAGNOSIS,
  'Stemmen horen',
  'antipsychotica',
  'first-psychosis',
  'eerste psychose',
  'ggz-vip-amsterdam',
  'personal-functioning',
  'working-hours.night',
  'advisedRoute":"',
  'Concentreren',
  'screener-vip',
  'ips-intake',
  'achmea',
];

const ns = testNamespace();
let services: ServiceProcess[] = [];
let portal: ServiceProcess | undefined;
let browser: Browser | undefined;
const shots = screenshotFolder();
const axeResults: AxeResult[] = [];
const timings: { step: string; ms: number }[] = [];

async function timed<T>(step: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  timings.push({ step, ms: performance.now() - started });
  return result;
}

/** Screenshot and axe-core of the screen as the user sees it now; fails on any serious or critical violation. */
async function screen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  const result = await axe(page, name);
  axeResults.push(result);
  expect(result.passes, `axe checked nothing on ${name}`).toBeGreaterThan(10);
  expect(result.seriousOrCritical, `axe on ${name}`).toEqual([]);
}

async function signIn(user: string): Promise<UserBrowser> {
  const session = await openUserBrowser(browser!, portal!.baseUrl);
  await session.page.goto('/');
  await session.page.locator(`[data-user="${user}"]`).click();
  await session.page.getByTestId('signed-in-as').waitFor();
  return session;
}

/** Reloads until `locator` shows: the change came over Kafka into another service's read model. */
async function untilShown(page: Page, locator: () => Locator, what: string, timeoutMs = SOON_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (
      await locator()
        .first()
        .isVisible()
        .catch(() => false)
    )
      return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} on ${page.url()}`);
    await page.waitForTimeout(750);
    await page.reload();
    await page.waitForLoadState('networkidle');
  }
}

const field = (page: Page, id: string) => page.locator(`#${id}`);
const fieldError = (page: Page, id: string) => page.locator(`[data-field-error="${id}"]`);

beforeAll(async () => {
  browser = await launchChromium();
  services = await startServiceProcesses(SERVICES.map((service) => ({ service, namespace: ns, startTimeoutMs: 240_000 })));
  const env = Object.fromEntries(services.map((s) => [`PORTAL_${s.service.replace(/-/g, '_').toUpperCase()}_URL`, s.baseUrl]));
  portal = await startServiceProcess({ service: 'portal', namespace: ns, env, startTimeoutMs: 240_000 });
  console.log(`portal browser tests: screenshots in ${shots}`);
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([portal, ...services].map((s) => s?.stop() ?? Promise.resolve()));
  console.log(`\nscreenshots: ${shots}`);
  console.log(['| step | ms |', '|---|---:|', ...timings.map((t) => `| ${t.step} | ${t.ms.toFixed(0)} |`)].join('\n'));
  console.log(
    [
      '| screen | axe rules passed | violations (any impact) | serious/critical |',
      '|---|---:|---:|---:|',
      ...axeResults.map((a) => `| ${a.screen} | ${a.passes} | ${a.violations} | ${a.seriousOrCritical.length} |`),
    ].join('\n'),
  );
});

describe('the portal in Chromium, over the running chain', () => {
  it('carries one client from registration to a second job, each user seeing the last one’s change, the employer seeing no care data', async (context) => {
    context.onTestFailed(() => printServiceOutput([portal, ...services]));
    const bsn = generateBsn();

    // 1. The municipality: sign-in page, worklist, a refused registration that keeps what was typed, then the registration.
    const sign = await openUserBrowser(browser!, portal!.baseUrl);
    await sign.page.goto('/');
    await sign.page.locator('[data-user="amsterdamClientManager"]').waitFor();
    for (const user of [
      'amsterdamClientManager',
      'amsterdamRegisseur',
      'vipScreener',
      'wspAmsterdamAccountManager',
      'achmeaContractManager',
      'chainAuditor',
      'chainPrivacyOfficer',
      'chainPolicyAnalyst',
    ]) {
      await expect(sign.page.locator(`[data-user="${user}"]`).count()).resolves.toBe(1);
    }
    await screen(sign.page, '01-sign-in');
    await sign.context.close();

    const municipality = await signIn('amsterdamClientManager');
    const m = municipality.page;
    await m.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();
    await m.getByTestId('count-cases').waitFor();
    await screen(m, '02-municipality-worklist');
    await m.getByRole('button', { name: 'Switch to English' }).click();
    await m.getByRole('heading', { level: 1, name: 'Worklist' }).waitFor();
    expect(await m.locator('html').getAttribute('lang')).toBe('en');
    await screen(m, '03-municipality-worklist-english');
    await m.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await m.getByRole('heading', { level: 1, name: 'Werklijst' }).waitFor();

    const caseId = await timed('municipality registers and opens a case', async () => {
      await m.getByRole('link', { name: 'Cliënt inschrijven' }).click();
      await field(m, 'bsn').fill('12345');
      await field(m, 'name').fill('Jesse van Dam');
      await field(m, 'birthYear').fill('2001');
      await field(m, 'amount').fill('1250');
      await m.getByRole('button', { name: 'Inschrijven en zaak openen' }).click();
      await fieldError(m, 'bsn').waitFor();
      expect(await field(m, 'bsn').getAttribute('aria-invalid')).toBe('true');
      expect(await field(m, 'name').inputValue(), 'what the user typed is kept').toBe('Jesse van Dam');
      await screen(m, '04-municipality-register-refused');
      await field(m, 'bsn').fill(bsn);
      await m.getByRole('button', { name: 'Inschrijven en zaak openen' }).click();
      await m.getByTestId('bsn-masked').waitFor();
      expect(await m.getByTestId('bsn-masked').textContent()).toBe(`••••••${bsn.slice(-3)}`);
      expect(await m.locator('body').innerText(), 'the BSN is shown only masked').not.toContain(bsn);
      await screen(m, '05-municipality-registered');
      await m.getByTestId('go-to-case').click();
      return new URL(m.url()).hash.split('/')[2]!;
    });
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);

    await timed('municipality records consent and refers to care and to the employer network', async () => {
      await untilShown(m, () => m.getByRole('heading', { name: 'Toestemming vastleggen' }), 'the case in the case view');
      const consent = async (types: string[], categories: string[]) => {
        for (const t of types) await m.locator(`#consent-orgs-${t}`).check();
        for (const c of categories) await m.locator(`#consent-categories-${c}`).check();
        await m.getByRole('button', { name: 'Toestemming vastleggen' }).click();
        await m.getByText('Toestemming vastgelegd.').waitFor();
        // The form empties itself for the next consent.
        for (const t of types) expect(await m.locator(`#consent-orgs-${t}`).isChecked()).toBe(false);
      };
      await consent(['municipality', 'care-provider', 'insurer'], ['identifying', 'work', 'care-summary', 'financial', 'administrative']);
      await consent(['employer-network'], ['identifying', 'work', 'administrative']);
      // A referral without a recipient: the service's field error beside the field, nothing sent.
      await m.locator('#refer-reason').fill('Jongere uit het VIP-team wil werken; graag screening en IPS.');
      await m.getByRole('button', { name: 'Verwijzen' }).click();
      await fieldError(m, 'refer-to').waitFor();
      expect(await m.locator('#refer-reason').inputValue()).toBe('Jongere uit het VIP-team wil werken; graag screening en IPS.');
      await screen(m, '06-municipality-referral-refused');
      await m.locator('#refer-to').fill('ggz-vip-amsterdam');
      await m.locator('#refer-route').selectOption('first-psychosis');
      await m.getByRole('button', { name: 'Verwijzen' }).click();
      await m.getByText('Verwijzing verstuurd.').waitFor();
      await m.locator('#refer-type').selectOption('employer-network');
      await m.locator('#refer-to').fill('wsp-amsterdam');
      await m.locator('#refer-route').selectOption('matching');
      await m.locator('#refer-reason').fill('Zoekt 16 tot 20 uur per week in de logistiek.');
      await m.getByRole('button', { name: 'Verwijzen' }).click();
      await m.getByText('Verwijzing verstuurd.').waitFor();
    });

    await timed('municipality measures ladder and ZRM twice (a refused repeat keeps the form)', async () => {
      await m.locator('#measurement-date').fill(inDays(-180));
      await m.getByRole('button', { name: 'Meting vastleggen' }).click();
      await m.getByText('Meting vastgelegd.').waitFor();
      // The baseline again: the service refuses it on the moment field.
      await m.getByRole('button', { name: 'Meting vastleggen' }).click();
      await fieldError(m, 'measurement-moment').waitFor();
      await m.locator('#measurement-moment').selectOption('6-months');
      await m.locator('#measurement-date').fill(inDays(0));
      await m.locator('#measurement-rung').selectOption('3');
      await m.locator('#zrm-daytime-activities').selectOption('4');
      await m.getByRole('button', { name: 'Meting vastleggen' }).click();
      await m.getByText('Meting vastgelegd.').waitFor();
      await untilShown(m, () => m.locator('[data-section="ladder"] svg'), 'the ladder trend chart');
    });

    // 2. The screener: the referral in the inbox, accepted; clinical findings (stay in care); a refused, then a sent advice.
    const screener = await signIn('vipScreener');
    const s = screener.page;
    await timed('screener sees the referral, accepts it and submits advice', async () => {
      await untilShown(s, () => s.getByRole('link', { name: /^Verwijzing / }), 'the referral in the screener’s inbox');
      expect(await s.getByTestId('count-referrals-awaiting').innerText()).toContain('1');
      await screen(s, '07-screener-worklist');
      await s
        .getByRole('link', { name: /^Verwijzing / })
        .first()
        .click();
      await s.getByRole('button', { name: 'Accepteren' }).click();
      await s.getByTestId('referral-status').getByText('geaccepteerd').waitFor();
      await s.locator('#diagnosis-code').fill(DIAGNOSIS);
      await s.locator('#clinical-notes').fill(CLINICAL_NOTE);
      await s.getByRole('button', { name: 'Bevindingen opslaan' }).click();
      await s.getByText('Klinische bevindingen opgeslagen (alleen binnen de zorg).').waitFor();
      await s.locator('#work-capacity').fill('veel');
      await s.getByRole('button', { name: 'Advies versturen' }).click();
      await fieldError(s, 'work-capacity').waitFor();
      await screen(s, '08-screener-advice-refused');
      await s.locator('#work-capacity').fill('20');
      await s.locator('#recommended-hours').fill('16');
      await s.locator('#limitations-personal-functioning\\.concentration').check();
      await s.locator('#limitations-working-hours\\.night-work').check();
      await s.getByRole('button', { name: 'Advies versturen' }).click();
      await s.getByTestId('screening-status').getByText('Screeningsadvies verstuurd.').waitFor();
      await screen(s, '09-screener-referral-advised');
    });

    // 3. The municipality's case view shows the advice the screener sent.
    await timed('municipality sees the advice in the shared case', async () => {
      await untilShown(m, () => m.locator('[data-section="advice"]').getByText('IPS'), 'the advice in the municipality’s case view');
    });

    // 3b. The screener asks the insurer to fund the IPS intake; the insurer's contract manager grants it.
    const insurer = await signIn('achmeaContractManager');
    const i = insurer.page;
    await timed('screener requests funding, the insurer grants it', async () => {
      await s.locator('#funding-amount').fill('736');
      await s.getByRole('button', { name: 'Financiering aanvragen' }).click();
      await s.getByText('Financiering aangevraagd.').waitFor();
      await i.reload();
      await untilShown(i, () => i.getByTestId('count-funding-pending').getByText('1', { exact: true }), 'the funding request on the insurer’s worklist');
      await screen(i, '09b-insurer-worklist');
      await i.getByRole('button', { name: 'Toekennen' }).click();
      await i.locator('[data-funding-status="granted"]').waitFor();
      await untilShown(m, () => m.locator('[data-section="funding"]').getByText('verleend'), 'the granted funding in the municipality’s case view');
    });

    // 3c. The screener (also the IPS worker) assigns the job coach, records the first intake session, starts a treatment
    // episode and claims the session on the grant; the insurer settles it and shows what remains; the municipality sees IPS.
    const referralUrl = s.url();
    await timed('screener runs IPS, starts treatment and claims a session; the insurer shows it settled', async () => {
      await s.reload();
      await s.getByRole('heading', { name: 'IPS-jobcoach toewijzen' }).waitFor();
      await s.getByRole('button', { name: 'IPS-jobcoach toewijzen' }).click();
      await fieldError(s, 'job-coach-id').waitFor();
      expect(await s.getByTestId('ips-job-coach').innerText(), 'nothing recorded').toBe('Nog niet vastgelegd.');
      await screen(s, '09c-screener-ips-refused');
      await field(s, 'job-coach-id').fill('jobcoach-vip-01');
      await s.getByRole('button', { name: 'IPS-jobcoach toewijzen' }).click();
      await s.getByTestId('ips-job-coach').getByText('jobcoach-vip-01').waitFor();
      // A session cannot be recorded before it is held: refused on the date, nothing recorded.
      await field(s, 'ips-session-on').fill(inDays(1));
      await s.getByRole('button', { name: 'Intakesessie vastleggen' }).click();
      await fieldError(s, 'ips-session-on').waitFor();
      expect(await s.getByTestId('ips-sessions').innerText()).toContain('0 van 8');
      await field(s, 'ips-session-on').fill(inDays(0));
      await s.getByRole('button', { name: 'Intakesessie vastleggen' }).click();
      await s.getByTestId('ips-sessions').getByText('1 van 8', { exact: false }).waitFor();
      // A treatment episode without a start date: refused on that field.
      await field(s, 'treatment-start-date').fill('');
      await s.getByRole('button', { name: 'Behandelepisode starten' }).click();
      await fieldError(s, 'treatment-start-date').waitFor();
      await expect(s.locator('[data-episode]').count(), 'no episode started').resolves.toBe(0);
      await field(s, 'treatment-start-date').fill(inDays(-1));
      await s.getByRole('button', { name: 'Behandelepisode starten' }).click();
      await s.locator('[data-episode="open"]').waitFor();
      // The grant reached the care provider over Kafka: claim the session held (a unit count in words is refused first).
      await untilShown(s, () => s.getByTestId('grant-remaining'), 'the grant on the screener’s referral');
      await s.locator('input[id^="claim-units-"]').fill('een');
      await s.locator('input[id^="claim-amount-"]').fill('92');
      await s.getByRole('button', { name: 'Declaratie indienen' }).click();
      await s.locator('[data-field-error^="claim-units-"]').waitFor();
      expect(await s.locator('input[id^="claim-amount-"]').inputValue(), 'what the user typed is kept').toBe('92');
      await expect(s.locator('[data-claim-status]').count()).resolves.toBe(0);
      await s.locator('input[id^="claim-units-"]').fill('1');
      await s.getByRole('button', { name: 'Declaratie indienen' }).click();
      await untilShown(s, () => s.locator('[data-claim-status="settled"]'), 'the settled claim on the screener’s referral');
      await screen(s, '09d-screener-ips-treatment-claim');
      await untilShown(i, () => i.locator('[data-claim-status="settled"]'), 'the settled claim on the insurer’s worklist');
      const budget = await i.locator('[data-testid^="grant-budget-"]').first().innerText();
      expect(budget).toContain('Resterend: 7');
      expect(budget).toContain('644,00');
      await screen(i, '09e-insurer-claims-settled');
      await untilShown(m, () => m.getByTestId('case-ips').getByText('jobcoach-vip-01', { exact: false }), 'the IPS job coach in the municipality’s case view');
    });

    // 4. The account manager: the matching request, an employer and vacancy, a placement, a job loss, a second placement.
    const employer = await signIn('wspAmsterdamAccountManager');
    const e = employer.page;
    await timed('account manager accepts the matching, logs a placement, a job loss and a second placement', async () => {
      await untilShown(e, () => e.getByRole('link', { name: /^Matching / }), 'the matching request in the employer network’s list');
      await screen(e, '10-employer-worklist');
      await e
        .getByRole('link', { name: /^Matching / })
        .first()
        .click();
      await e.getByRole('button', { name: 'Matchingsverzoek accepteren' }).click();
      await e.getByText('Matchingsverzoek geaccepteerd.').waitFor();
      await e.locator('#employer-name').fill('Logistiek Centrum Westpoort');
      await e.locator('#employer-sector').fill('logistiek');
      await e.locator('#contact-person').fill('Murat Keskin');
      await e.locator('#vacancy-role').fill('Orderpicker');
      await e.locator('#vacancy-hours').fill('20');
      await e.getByRole('button', { name: 'Werkgever en vacature toevoegen' }).click();
      await e.getByText('Werkgever en vacature toegevoegd.').waitFor();
      await e.getByRole('heading', { name: 'Plaatsing vastleggen' }).waitFor();
      await e.locator('#placement-hours').fill('20');
      await e.locator('#placement-wage').fill('14,50');
      await e.locator('#placement-start').fill(inDays(-60));
      await e.getByRole('button', { name: 'Plaatsing vastleggen' }).click();
      await e.getByRole('heading', { name: 'Baanverlies vastleggen' }).waitFor();
      await screen(e, '11-employer-placed');
      await e.locator('#jobloss-date').fill(inDays(-20));
      await e.locator('#jobloss-reason').selectOption('health');
      await e.getByRole('button', { name: 'Einde plaatsing vastleggen' }).click();
      await e.getByRole('heading', { name: 'Plaatsing vastleggen' }).waitFor();
      await e.locator('#placement-hours').fill('24');
      await e.locator('#placement-wage').fill('14,75');
      await e.locator('#placement-start').fill(inDays(-5));
      await e.getByRole('button', { name: 'Plaatsing vastleggen' }).click();
      await e.getByRole('heading', { name: 'Baanverlies vastleggen' }).waitFor();
      await expect(e.locator('#placements-heading + table tbody tr, [aria-labelledby="placements-heading"] tbody tr').count()).resolves.toBe(2);
    });

    await timed('account manager records the first-month review of the second placement', async () => {
      await e.locator('[data-review-month="1"][data-review-state="next"]').waitFor();
      // A review is recorded after it took place: a date tomorrow is refused on that field, the note stays typed.
      await field(e, 'review-on').fill(inDays(1));
      await field(e, 'review-note').fill('Werkplek en taken passen; vaste begeleider bij de werkgever.');
      await e.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
      await fieldError(e, 'review-on').waitFor();
      await expect(e.locator('[data-review-state="held"]').count(), 'no review recorded').resolves.toBe(0);
      expect(await field(e, 'review-note').inputValue()).toBe('Werkplek en taken passen; vaste begeleider bij de werkgever.');
      await screen(e, '11b-employer-placement-review-refused');
      await field(e, 'review-on').fill(inDays(0));
      await e.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
      await e.locator('[data-review-month="1"][data-review-state="held"]').waitFor();
      await e.locator('[data-review-month="3"][data-review-state="next"]').waitFor();
      await screen(e, '11c-employer-placement-reviewed');
    });

    // 5. The shared case as the employer network (what is withheld is marked) and as the municipality (both jobs, 1st and 2nd).
    await timed('the shared case shows both placements to the employer network and the municipality', async () => {
      await e.goto(`/#/zaak/${caseId}`);
      await untilShown(e, () => e.locator('[data-placement="2"]'), 'the second placement in the employer network’s case view');
      await e.locator('[data-withheld="role"]').first().waitFor();
      await screen(e, '12-employer-shared-case');
      await untilShown(m, () => m.locator('[data-placement="2"]'), 'the second placement in the municipality’s case view');
      expect(await m.locator('[data-placement="1"]').innerText()).toContain('beëindigd');
      // The first-month review the account manager recorded.
      await untilShown(m, () => m.locator('[data-placement="2"] td:nth-child(5)').getByText('1', { exact: true }), 'the placement review in the municipality’s case view');
      await screen(m, '13-municipality-shared-case');
    });

    // 5b. The municipality takes regie and hands it to the regisseur; the screener's shared case shows the new owner.
    await timed('municipality takes regie and transfers it; the screener’s shared case shows it', async () => {
      await field(m, 'regie-user').fill('km amsterdam');
      await m.getByRole('button', { name: 'Regie vastleggen' }).click();
      await fieldError(m, 'regie-user').waitFor();
      expect(await m.getByTestId('regie-owner').innerText(), 'nobody took regie').toBe('Nog niemand heeft de regie.');
      await screen(m, '13b-municipality-regie-refused');
      await field(m, 'regie-user').fill('km-amsterdam-01');
      await m.getByRole('button', { name: 'Regie vastleggen' }).click();
      await m.getByTestId('regie-owner').getByText('km-amsterdam-01', { exact: false }).waitFor();
      // A transfer without a reason: refused on the reason, the new owner still typed.
      await field(m, 'regie-to').fill('regisseur-amsterdam-01');
      await m.getByRole('button', { name: 'Regie overdragen' }).click();
      await fieldError(m, 'regie-reason').waitFor();
      expect(await field(m, 'regie-to').inputValue()).toBe('regisseur-amsterdam-01');
      expect(await m.getByTestId('regie-owner').innerText(), 'regie not transferred').toContain('km-amsterdam-01');
      await field(m, 'regie-reason').fill('De regisseur neemt de regie over nu er twee plaatsingen zijn geweest.');
      await m.getByRole('button', { name: 'Regie overdragen' }).click();
      await m.getByTestId('regie-owner').getByText('regisseur-amsterdam-01', { exact: false }).waitFor();
      await s.goto(`/#/zaak/${caseId}`);
      await untilShown(s, () => s.locator('[data-section="overview"]').getByText('regisseur-amsterdam-01', { exact: false }), 'the new regie owner in the screener’s case view');
    });

    // 5c. The client manager adjusts and ends the benefit (the client works), then records a re-application; the insurer's shared case follows.
    await timed('client manager adjusts, ends and re-applies the benefit; the insurer’s shared case follows', async () => {
      await field(m, 'adjust-amount').fill('veel');
      await field(m, 'adjust-reason').fill('Inkomsten uit de tweede plaatsing verrekend.');
      await m.getByRole('button', { name: 'Wijziging vastleggen' }).click();
      await fieldError(m, 'adjust-amount').waitFor();
      expect(await field(m, 'adjust-reason').inputValue()).toBe('Inkomsten uit de tweede plaatsing verrekend.');
      expect(await m.getByTestId('benefit-status').innerText(), 'the benefit unchanged').toContain('1.250,00');
      await screen(m, '13c-municipality-benefit-refused');
      await field(m, 'adjust-amount').fill('640');
      await m.getByRole('button', { name: 'Wijziging vastleggen' }).click();
      await m.getByTestId('benefit-status').getByText('640,00', { exact: false }).waitFor();
      // 'other' needs an explanation: refused on that field.
      await field(m, 'benefit-end-reason').selectOption('other');
      await m.getByRole('button', { name: 'Uitkering beëindigen' }).click();
      await fieldError(m, 'benefit-end-text').waitFor();
      expect(await m.getByTestId('benefit-status').innerText(), 'the benefit still running').toContain('640,00');
      await field(m, 'benefit-end-reason').selectOption('employee');
      await m.getByRole('button', { name: 'Uitkering beëindigen' }).click();
      await m.getByTestId('benefit-status').getByText('beëindigd', { exact: false }).waitFor();
      await i.goto(`/#/zaak/${caseId}`);
      await untilShown(i, () => i.getByTestId('case-benefit').getByText('beëindigd', { exact: false }), 'the ended benefit in the insurer’s case view');
      // The re-application without an amount: refused on that field.
      await m.getByRole('button', { name: 'Heraanvraag vastleggen' }).click();
      await fieldError(m, 'reapply-amount').waitFor();
      expect(await m.getByTestId('benefit-status').innerText(), 'no re-application recorded').toContain('beëindigd');
      await field(m, 'reapply-amount').fill('1250');
      await m.getByRole('button', { name: 'Heraanvraag vastleggen' }).click();
      await m.getByTestId('benefit-status').getByText('1.250,00', { exact: false }).waitFor();
      await screen(m, '13d-municipality-direction');
      // The same section in English.
      await m.getByRole('button', { name: 'Switch to English' }).click();
      await m.getByRole('heading', { level: 2, name: 'Case lead, benefit and closure' }).waitFor();
      expect(await m.getByTestId('benefit-status').innerText()).toContain('per month');
      await m.getByText('Case lead transferred.').waitFor();
      await screen(m, '13e-municipality-direction-english');
      await m.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
      await m.getByRole('heading', { level: 2, name: 'Regie, uitkering en afsluiting' }).waitFor();
      await untilShown(i, () => i.getByTestId('case-benefit').getByText('loopt', { exact: false }), 'the re-applied benefit in the insurer’s case view');
    });

    // 6. The MDT reviews the case with the care provider and the employer network at the table and gives the employer network an action.
    const DECISION = 'Tweede plaatsing loopt; jobcoaching afbouwen na de evaluatie.';
    await timed('the MDT reviews the case and assigns the employer network an action', async () => {
      await m.locator('#review-date').fill(inDays(0));
      await m.locator('#review-time').fill('23:59');
      await m.getByRole('button', { name: 'Overleg plannen' }).click();
      await m.getByText('Overleg gepland.').waitFor();
      await untilShown(m, () => m.getByRole('heading', { name: 'Overleg vastleggen als gehouden' }), 'the scheduled review in the case view');
      await m.locator('#held-attendees-ggz-vip-amsterdam').check();
      await m.locator('#held-attendees-wsp-amsterdam').check();
      await m.locator('#held-categories-care-summary').check();
      await m.locator('#held-categories-work').check();
      await m.locator('#held-decisions').fill(DECISION);
      await m.getByRole('button', { name: 'Overleg vastleggen' }).click();
      // Care summaries are never discussed with the employer network at the table: refused on that field, the rest kept.
      await fieldError(m, 'held-categories').waitFor();
      expect(await m.locator('#held-decisions').inputValue()).toBe(DECISION);
      await screen(m, '14-municipality-review-refused');
      await m.locator('#held-categories-care-summary').uncheck();
      await m.getByRole('button', { name: 'Overleg vastleggen' }).click();
      await untilShown(m, () => m.getByRole('heading', { name: 'Actie toewijzen' }), 'the held review in the case view');
      await m.locator('#action-description').fill('Evaluatie met werkgever en jobcoach plannen');
      await m.locator('#action-owner').selectOption('wsp-amsterdam');
      await m.getByRole('button', { name: 'Actie toewijzen' }).click();
      await m.getByText('Actie toegewezen.').waitFor();
      await e.goto('/#/werklijst');
      await untilShown(e, () => e.getByTestId('count-open-actions').getByText('1', { exact: true }), 'the open action on the employer network’s worklist');
    });

    // 6b. The municipality follows the action up and closes it; a second review is scheduled and cancelled.
    await timed('the municipality closes the action and cancels a second review; the others’ screens follow', async () => {
      await m.locator('[data-testid="review-actions"] [data-action-status="open"]').waitFor();
      expect(await m.getByTestId('review-actions').innerText()).toContain('wsp-amsterdam');
      await field(m, 'close-action-on').fill(inDays(1));
      await field(m, 'close-action-note').fill('Evaluatie gehouden, jobcoach bouwt af.');
      await m.getByRole('button', { name: 'Actie afsluiten' }).click();
      await fieldError(m, 'close-action-on').waitFor();
      expect(await field(m, 'close-action-note').inputValue()).toBe('Evaluatie gehouden, jobcoach bouwt af.');
      await expect(m.locator('[data-testid="review-actions"] [data-action-status="closed"]').count(), 'the action still open').resolves.toBe(0);
      await screen(m, '14b-municipality-action-close-refused');
      await field(m, 'close-action-on').fill(inDays(0));
      await m.getByRole('button', { name: 'Actie afsluiten' }).click();
      await m.locator('[data-testid="review-actions"] [data-action-status="closed"]').waitFor();
      await e.reload();
      await untilShown(e, () => e.getByTestId('count-open-actions').getByText('0', { exact: true }), 'no open action on the employer network’s worklist');
      await m.locator('#review-date').fill(inDays(1));
      await m.getByRole('button', { name: 'Overleg plannen' }).click();
      await m.locator('[data-cancel-review]').waitFor();
      await m.locator('select[id^="cancel-reason-"]').selectOption('other');
      await m.getByRole('button', { name: 'Overleg annuleren' }).click();
      await m.locator('[data-field-error^="cancel-text-"]').waitFor();
      await expect(m.locator('[data-cancel-review]').count(), 'the review still scheduled').resolves.toBe(1);
      await screen(m, '14c-municipality-review-cancel-refused');
      await m.locator('select[id^="cancel-reason-"]').selectOption('client-unavailable');
      await m.getByRole('button', { name: 'Overleg annuleren' }).click();
      await m.locator('[data-cancel-review]').waitFor({ state: 'detached' });
      await untilShown(s, () => s.locator('[data-section="mdt"]').getByText('geannuleerd', { exact: false }), 'the cancelled review in the screener’s case view');
    });

    // Privacy: nothing of care on any of the employer's screens, nor in any answer their page received.
    const employerText = await e.locator('body').innerText();
    // Every answer after sign-in (the sign-in page's list of demo users, the same for everyone, is no case data).
    const employerAnswers = (await employer.answers()).filter((a) => !a.url.endsWith('/api/dev/users'));
    expect(employerAnswers.length).toBeGreaterThan(5);
    for (const word of [...CARE_DATA, 'IPS', 'Zorgsamenvatting']) expect(employerText, `the employer's screen shows "${word}"`).not.toContain(word);
    for (const answer of employerAnswers) for (const word of [...CARE_DATA, 'jobcoaching afbouwen']) expect(answer.body, `${answer.url} sent "${word}" to the employer's page`).not.toContain(word);
    // …while the same words do reach the screener's page, so the check can fail.
    expect((await screener.answers()).some((a) => a.body.includes('ggz-vip-amsterdam'))).toBe(true);

    // 7. The auditor finds every disclosure of this client.
    const clientKey = (await m.locator('[data-section="overview"] code').innerText()).trim();
    const auditor = await signIn('chainAuditor');
    const a = auditor.page;
    await timed('auditor finds the disclosures of the client', async () => {
      await a.getByRole('link', { name: 'Uitwisselingslog', exact: true }).click();
      await a.locator('#dataSubject').fill(clientKey);
      /** Searches with this kind until every word shows in the results (the log fills over Kafka). */
      const searchUntil = async (kind: string, words: readonly string[]) => {
        await a.locator('#kind').selectOption(kind);
        const deadline = Date.now() + SOON_MS;
        for (;;) {
          await a.getByRole('button', { name: 'Zoeken' }).click();
          await a.getByRole('heading', { name: 'Resultaten' }).waitFor();
          const table = a.getByTestId('disclosures');
          const text = (await table.isVisible()) ? await table.innerText() : '';
          if (words.every((w) => text.includes(w)) || Date.now() > deadline) {
            for (const w of words) expect(text, `the ${kind} disclosures of the client`).toContain(w);
            return;
          }
          await a.waitForTimeout(1000);
        }
      };
      // What was delivered to whom: the referrals, the advice to the municipality, the placements.
      await searchUntil('delivered', ['ggz-vip-amsterdam', 'wsp-amsterdam', 'deliver ClientReferred', 'deliver ScreeningAdviceSubmitted', 'deliver PlacementStarted', 'deliver PlacementEnded']);
      // What reached the employer network: the referral and the review it sat in (the action it
      // owns it reads in the case view, protocolled as a view).
      await a.locator('#organisationId').fill('wsp-amsterdam');
      await searchUntil('delivered', ['deliver ClientReferred', 'deliver CaseReviewHeld']);
      await a.locator('#organisationId').fill('');
      await screen(a, '15-auditor-exchange-log');
      // Who viewed the client's data in the shared case: the care provider and the employer network did.
      await searchUntil('viewed', ['ingezien', 'ggz-vip-amsterdam', 'wsp-amsterdam']);
      await a.getByRole('button', { name: 'Keten controleren' }).click();
      await a.getByText('De hashketen van het log is intact.', { exact: false }).waitFor();
      await screen(a, '16-auditor-chain-verified');
    });
    // 8. The client withdraws the employer network's consent: what the municipality shared is withheld from the employer at once, and marked so.
    await timed('consent withdrawn: the employer network sees the municipality’s items marked as not shared', async () => {
      await m.getByRole('button', { name: 'Intrekken: Werkgeversservicepunt' }).click();
      await untilShown(m, () => m.locator('[data-section="municipality-actions"]').getByText('ingetrokken'), 'the withdrawn consent');
      await e.goto(`/#/zaak/${caseId}`);
      await untilShown(e, () => e.locator('[data-section="ladder"] [data-withheld="consent"]'), 'the ladder withheld from the employer network');
      await screen(e, '18-employer-after-withdrawal');
    });

    // 9. The screener ends the treatment and discharges the client: the care provider leaves the shared case.
    await timed('screener ends treatment and discharges; the care provider leaves the shared case', async () => {
      await s.goto(referralUrl);
      await s.getByRole('heading', { name: 'Behandelepisode beëindigen' }).waitFor();
      await field(s, 'treatment-end-date').fill(inDays(-3));
      await s.getByRole('button', { name: 'Behandelepisode beëindigen' }).click();
      await fieldError(s, 'treatment-end-date').waitFor();
      await expect(s.locator('[data-episode="open"]').count(), 'the episode still open').resolves.toBe(1);
      await field(s, 'treatment-end-date').fill(inDays(0));
      await s.getByRole('button', { name: 'Behandelepisode beëindigen' }).click();
      await s.getByRole('heading', { name: 'Cliënt uitschrijven uit de zorg' }).waitFor();
      await untilShown(m, () => m.getByTestId('case-in-treatment').getByText('Geen'), 'the ended treatment in the municipality’s case view');
      await field(s, 'discharge-on').fill(inDays(1));
      await s.getByRole('button', { name: 'Uitschrijven' }).click();
      await fieldError(s, 'discharge-on').waitFor();
      await expect(s.getByTestId('discharged').count(), 'not discharged').resolves.toBe(0);
      await screen(s, '19-screener-discharge-refused');
      await field(s, 'discharge-on').fill(inDays(0));
      await s.getByRole('button', { name: 'Uitschrijven' }).click();
      await s.getByTestId('discharged').waitFor();
      // Care resumes only on a new referral: the IPS forms are gone with the discharge.
      await expect(s.getByRole('button', { name: 'Intakesessie vastleggen' }).count()).resolves.toBe(0);
      await s.goto(`/#/zaak/${caseId}`);
      await untilShown(s, () => s.getByText('Deze zaak bestaat niet of uw organisatie neemt er geen deel aan.'), 'the case gone from the discharged care provider');
    });

    // 10. The municipality records the dropout and closes the case; the insurer's shared case shows it closed.
    await timed('municipality records dropout and closes the case; the insurer’s shared case shows it', async () => {
      await field(m, 'dropout-reason').selectOption('other');
      await m.getByRole('button', { name: 'Uitval vastleggen' }).click();
      await fieldError(m, 'dropout-text').waitFor();
      expect(await m.getByTestId('case-status').innerText(), 'no dropout recorded').toBe('loopt');
      await field(m, 'dropout-reason').selectOption('motivation');
      await m.getByRole('button', { name: 'Uitval vastleggen' }).click();
      await m.getByTestId('case-status').getByText('uitgevallen', { exact: false }).waitFor();
      await field(m, 'close-note').fill('x'.repeat(1001));
      await m.getByRole('button', { name: 'Zaak sluiten' }).click();
      await fieldError(m, 'close-note').waitFor();
      expect(await m.getByTestId('case-status').innerText(), 'the case not closed').toContain('uitgevallen');
      await screen(m, '20-municipality-close-refused');
      await field(m, 'close-note').fill('Cliënt wil zelf verder zoeken; afgesproken om over een half jaar contact op te nemen.');
      await m.getByRole('button', { name: 'Zaak sluiten' }).click();
      await m.getByTestId('case-status').getByText('gesloten', { exact: false }).waitFor();
      await i.goto(`/#/zaak/${caseId}`);
      await untilShown(i, () => i.getByTestId('case-ending').getByText('gesloten', { exact: false }), 'the closed case in the insurer’s case view');
      await screen(i, '21-insurer-case-closed');
    });
    for (const user of [municipality, screener, employer, auditor, insurer]) await user.context.close();
  }, 1_200_000);

  it('registers a client with the keyboard only', async () => {
    const session = await openUserBrowser(browser!, portal!.baseUrl);
    const k = session.page;
    await k.goto('/');
    await k.locator('[data-user="amsterdamClientManager"]').waitFor();
    const tabTo = async (matches: (el: { id: string; text: string; user: string | null }) => boolean, what: string) => {
      for (let i = 0; i < 60; i++) {
        await k.keyboard.press('Tab');
        // A string, since the tests compile without the DOM's types.
        const focused = await k.evaluate<{ id: string; text: string; user: string | null }>(
          `(() => { const el = document.activeElement; return { id: el?.id ?? '', text: el?.innerText ?? '', user: el?.getAttribute('data-user') ?? null }; })()`,
        );
        if (matches(focused)) return;
      }
      throw new Error(`Tab never reached ${what}`);
    };
    await tabTo((el) => el.text === 'Direct naar de inhoud', 'the skip link first');
    await tabTo((el) => el.user === 'amsterdamClientManager', 'the sign-in button');
    await k.keyboard.press('Enter');
    await k.getByTestId('signed-in-as').waitFor();
    await tabTo((el) => el.text === 'Cliënt inschrijven', 'the menu link');
    await k.keyboard.press('Enter');
    await k.getByRole('heading', { level: 1, name: 'Cliënt inschrijven en zaak openen' }).waitFor();
    const bsn = generateBsn();
    await tabTo((el) => el.id === 'bsn', 'the BSN field');
    await k.keyboard.type(bsn);
    await k.keyboard.press('Tab'); // name
    await k.keyboard.type('Sanne de Vries');
    await k.keyboard.press('Tab'); // birth year
    await k.keyboard.type('1996');
    await k.keyboard.press('Tab'); // sex: the second option with the arrow key
    await k.keyboard.press('ArrowDown');
    await tabTo((el) => el.id === 'amount', 'the benefit amount');
    await k.keyboard.type('1100');
    await k.keyboard.press('Enter'); // submits the form
    await k.getByTestId('bsn-masked').waitFor();
    expect(await k.getByTestId('bsn-masked').textContent()).toBe(`••••••${bsn.slice(-3)}`);
    await tabTo((el) => el.text === 'Naar de zaak', 'the link to the case');
    await k.keyboard.press('Enter');
    await k.getByRole('heading', { level: 1, name: /Gedeelde zaak/ }).waitFor();
    await screen(k, '17-keyboard-registered-case');
    await session.context.close();
  }, 300_000);

  it('shows the policy analyst the monitor’s tables and charts, small cells withheld, no client in sight', async () => {
    const analyst = await signIn('chainPolicyAnalyst');
    const o = analyst.page;
    // The analyst's menu has the monitor and not the exchange log; the worklist points there.
    await o.getByRole('link', { name: 'Uitkomstenmonitor', exact: true }).click();
    await o.getByRole('heading', { level: 1, name: 'Uitkomstenmonitor' }).waitFor();
    expect(await o.getByRole('link', { name: 'Uitwisselingslog' }).count()).toBe(0);

    // The clients the journeys above registered reach the monitor over Kafka; fewer than five
    // per group, so every count of them is withheld, shown as withheld and never as zero.
    const section = o.locator('[data-section="outcomes-table"]');
    const withheldRegistered = o.getByTestId('outcomes-table').locator('[data-column="registered"] [data-withheld="small-cell"]');
    const deadline = Date.now() + SOON_MS;
    for (;;) {
      await o.getByRole('button', { name: 'Tabel tonen' }).click();
      await section.waitFor();
      if ((await withheldRegistered.count()) > 0) break;
      if (Date.now() > deadline) throw new Error('Timed out waiting for the flow table with the registered clients withheld');
      await o.waitForTimeout(1000);
    }
    expect(await section.getAttribute('data-table')).toBe('flow');
    expect(await o.getByTestId('withheld-count').textContent()).toMatch(/Niet getoonde cellen: [1-9]\d* \(kleinste getoonde aantal: 5\)/);
    // The chart is drawn by the service, reached through the portal, as an image with a text alternative.
    await expect.poll(() => o.evaluate<number>(`document.querySelector('[data-section="outcomes-table"] figure img')?.naturalWidth ?? 0`), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await section.locator('figure img').getAttribute('alt')).toContain('Instroom en uitstroom');
    // The CSV behind the link (the session cookie, no token) leaves the same cells empty.
    const csvHref = await section.getByRole('link', { name: 'Tabel downloaden als CSV' }).getAttribute('href');
    const csv = await o.request.get(new URL(csvHref!, portal!.baseUrl).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\n')[0]).toContain('registered');
    await screen(o, '22-analyst-outcomes-flow');

    // Another table: time to paid work, with its Kaplan–Meier chart, in English.
    await o.locator('#table').selectOption('time-to-work');
    await o.locator('#project').selectOption('vip-amsterdam');
    await o.locator('button[type="submit"]').click();
    await o.locator('[data-section="outcomes-table"][data-table="time-to-work"]').waitFor();
    await o.getByRole('button', { name: 'Switch to English' }).click();
    await o.getByRole('heading', { level: 2, name: 'Time to paid work (Kaplan–Meier)' }).waitFor();
    await screen(o, '23-analyst-outcomes-time-to-work-english');
    await o.getByRole('button', { name: 'Schakel naar Nederlands' }).click();

    // Aggregates only: nothing on the screen or in any answer the page received names a client.
    const seen = [(await o.locator('body').innerText()).toLowerCase(), ...(await analyst.answers()).map((a) => a.body.toLowerCase())];
    expect(seen.length).toBeGreaterThan(3);
    for (const text of seen) for (const word of ['bsn', 'clientkey', 'caseid', 'sanne', DIAGNOSIS.toLowerCase()]) expect(text).not.toContain(word);
    await analyst.context.close();
  }, 300_000);
});
