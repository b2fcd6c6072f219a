// Werklijst: the open work of the signed-in user's organisation, with counts, from the
// services' own lists (the case view for everyone who holds cases, the referral inbox
// for care, the matching list for the employer network, the funding requests for the insurer).
import {
  Button,
  ButtonGroup,
  DataBadge,
  Heading1,
  Heading2,
  Heading3,
  Link,
  NumberBadge,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { serviceGet, servicePost } from '../api';
import { Loading, numberOrText, ProblemAlert, SelectField, TableHead, TextField, useFormState, useLoad } from '../components';
import { useI18n, type TextKey } from '../i18n';
import { href } from '../router';
import type { SessionUser } from '../session';

interface CaseListItem {
  caseId: string;
  clientKey: string | null;
  phase: string | null;
  openReferrals: number;
  overdueReferrals: number;
  openActions: number;
  overdueActions: number;
}
interface CaseList {
  total: number;
  cases: CaseListItem[];
}
interface InboxItem {
  referralId: string;
  caseId: string;
  fromOrganisationId: string;
  route: string;
  replyDeadline: string;
  status: string;
  overdue: boolean;
}
interface Matching {
  caseId: string;
  referralId: string;
  fromOrganisationId: string;
  replyDeadline: string;
  status: string;
  overdue: boolean;
  placements: number;
}
interface FundingRequest {
  fundingRequestId: string;
  caseId: string;
  careProviderId: string;
  instrument: string;
  status: string;
  requestedUnits: number;
  requestedAmountCents: number;
  requestedPeriod: { from: string; to: string };
  /** Job coaching: the job the request is for, which caps the hours a grant may fund. */
  job: { hoursPerWeek: number; contractMonths: number; startDate: string } | null;
  granted: { units: number; amountCents: number; periodFrom: string; periodTo: string } | null;
  refusal: { reasonCode: string; reason: string } | null;
  settledUnits: number;
  settledAmountCents: number;
  claimsSettled: number;
  claimsRejected: number;
}
/** One funding as the insurer's GET /care-fundings/:id answers it: the claims settled or rejected and what remains of the grant. */
interface FundingDetail {
  claims: { claimId: string; outcome: 'settled' | 'rejected'; units: number; amountCents: number; periodFrom: string; periodTo: string; reason?: string; detail?: string }[];
  budget: { settledUnits: number; settledAmountCents: number; remainingUnits: number; remainingAmountCents: number } | null;
}

function Count({ label, value, testId }: { readonly label: string; readonly value: number; readonly testId: string }) {
  return (
    <div className="wcc-count" data-testid={testId}>
      <NumberBadge value={String(value)}>{value}</NumberBadge>
      <span className="wcc-count__label">{label}</span>
    </div>
  );
}

function short(id: string): string {
  return id.slice(0, 8);
}

function CasesSection({ organisationType }: { readonly organisationType: SessionUser['organisationType'] }) {
  const { t, label } = useI18n();
  const all = useLoad(() => serviceGet<CaseList>('case-view', '/cases?limit=50'), 'cases');
  if (all.state === 'loading') return <Loading />;
  if (all.state === 'error') return <ProblemAlert problem={all.problem} />;
  const cases = all.data.cases;
  return (
    <section aria-labelledby="cases-heading">
      <Heading2 id="cases-heading">{t('casesTitle')}</Heading2>
      <div className="wcc-counts">
        <Count testId="count-cases" label={t('casesTotal')} value={all.data.total} />
        <Count testId="count-overdue-referrals" label={t('casesOverdueReferral')} value={cases.filter((c) => c.overdueReferrals > 0).length} />
        <Count testId="count-open-actions" label={t('casesOpenAction')} value={cases.filter((c) => c.openActions > 0).length} />
      </div>
      {cases.length === 0 ? (
        <Paragraph>{t('noCases')}</Paragraph>
      ) : (
        <Table className="wcc-table">
          <TableCaption className="wcc-visually-hidden">
            {t('casesTitle')} ({cases.length} {t('of')} {all.data.total})
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('colCase')}</TableHeaderCell>
              {organisationType !== 'employer-network' && <TableHeaderCell scope="col">{t('colPhase')}</TableHeaderCell>}
              <TableHeaderCell scope="col">{t('colOpenReferrals')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('colOpenActions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {cases.map((c) => (
              <TableRow key={c.caseId}>
                <TableCell>
                  <Link href={href('zaak', c.caseId)}>
                    {t('colCase')} {short(c.caseId)}
                  </Link>
                </TableCell>
                {organisationType !== 'employer-network' && <TableCell>{label('phase', c.phase)}</TableCell>}
                <TableCell>
                  {c.openReferrals}
                  {c.overdueReferrals > 0 && (
                    <DataBadge className="wcc-overdue">
                      {' '}
                      {c.overdueReferrals} {t('overdue')}
                    </DataBadge>
                  )}
                </TableCell>
                <TableCell>
                  {c.openActions}
                  {c.overdueActions > 0 && (
                    <DataBadge className="wcc-overdue">
                      {' '}
                      {c.overdueActions} {t('overdue')}
                    </DataBadge>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function InboxSection() {
  const { t, label } = useI18n();
  const inbox = useLoad(() => serviceGet<{ items: InboxItem[] }>('care-provider', '/referrals'), 'inbox');
  if (inbox.state === 'loading') return <Loading />;
  if (inbox.state === 'error') return <ProblemAlert problem={inbox.problem} />;
  const items = inbox.data.items;
  return (
    <section aria-labelledby="inbox-heading">
      <Heading2 id="inbox-heading">{t('inboxTitle')}</Heading2>
      <div className="wcc-counts">
        <Count testId="count-referrals-awaiting" label={t('referralsAwaiting')} value={items.filter((i) => i.status === 'received').length} />
        <Count testId="count-referrals-overdue" label={t('referralsOverdue')} value={items.filter((i) => i.overdue).length} />
        <Count testId="count-referrals-accepted" label={t('referralsAccepted')} value={items.filter((i) => i.status === 'accepted').length} />
      </div>
      <Table className="wcc-table">
        <TableHead caption={t('inboxTitle')} columns={[t('referralTitle'), t('colFrom'), t('colRoute'), t('colDeadline'), t('colStatus')]} />
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.referralId}>
              <TableCell>
                <Link href={href('verwijzing', item.referralId)}>
                  {t('referralTitle')} {short(item.referralId)}
                </Link>
              </TableCell>
              <TableCell>{item.fromOrganisationId}</TableCell>
              <TableCell>{label('referralRoute', item.route)}</TableCell>
              <TableCell>{item.replyDeadline}</TableCell>
              <TableCell>
                {label('status', item.status)}
                {item.overdue && <DataBadge className="wcc-overdue"> {t('overdue')}</DataBadge>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function MatchingSection() {
  const { t, label } = useI18n();
  const matchings = useLoad(() => serviceGet<Matching[]>('employer-network', '/matchings'), 'matchings');
  if (matchings.state === 'loading') return <Loading />;
  if (matchings.state === 'error') return <ProblemAlert problem={matchings.problem} />;
  const items = matchings.data;
  return (
    <section aria-labelledby="matchings-heading">
      <Heading2 id="matchings-heading">{t('matchingTitle')}</Heading2>
      <div className="wcc-counts">
        <Count testId="count-matchings-awaiting" label={t('matchingsAwaiting')} value={items.filter((m) => m.status === 'referred').length} />
        <Count testId="count-matchings-overdue" label={t('matchingsOverdue')} value={items.filter((m) => m.overdue).length} />
        <Count testId="count-matchings-active" label={t('matchingsActive')} value={items.filter((m) => m.status !== 'referred' && m.status !== 'declined' && m.status !== 'closed').length} />
      </div>
      <Table className="wcc-table">
        <TableHead caption={t('matchingTitle')} columns={[t('colCase'), t('colFrom'), t('colDeadline'), t('colStatus'), t('colPlacements')]} />
        <TableBody>
          {items.map((m) => (
            <TableRow key={m.caseId}>
              <TableCell>
                <Link href={href('matching', m.caseId)}>
                  {t('matchingTitle')} {short(m.caseId)}
                </Link>
              </TableCell>
              <TableCell>{m.fromOrganisationId}</TableCell>
              <TableCell>{m.replyDeadline}</TableCell>
              <TableCell>
                {label('status', m.status)}
                {m.overdue && <DataBadge className="wcc-overdue"> {t('overdue')}</DataBadge>}
              </TableCell>
              <TableCell>{m.placements}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

const REFUSAL_REASONS = [
  'not-covered',
  'not-insured',
  'insufficient-justification',
  'duplicate-request',
  'budget-exhausted',
  // Job coaching by report 002 §5.1.4; the insurer refuses most of these on arrival, a request without the job from before it was asked, by hand.
  'job-details-missing',
  'contract-too-short',
  'contract-hours-too-low',
  'outside-coaching-years',
  'other',
];

/** The insurer's decision on one request: grant (units and period as asked, editable) or refuse with a reason. */
function FundingDecision({ request, onDecided }: { readonly request: FundingRequest; readonly onDecided: () => void }) {
  const { t, label, language } = useI18n();
  const euro = (cents: number) => (cents / 100).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' });
  const form = useFormState({ units: String(request.requestedUnits), periodFrom: request.requestedPeriod.from, periodTo: request.requestedPeriod.to, reasonCode: 'not-covered', reason: '' });
  const [refusing, setRefusing] = useState(false);
  const id = request.fundingRequestId.slice(0, 8);
  const grant = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(
      () =>
        servicePost('insurer', `/care-fundings/${request.fundingRequestId}/grant`, {
          grantedUnits: numberOrText(form.values.units),
          periodFrom: form.values.periodFrom,
          periodTo: form.values.periodTo,
        }),
      onDecided,
    );
  };
  const refuse = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(() => servicePost('insurer', `/care-fundings/${request.fundingRequestId}/refuse`, { reasonCode: form.values.reasonCode, reason: form.values.reason }), onDecided);
  };
  return (
    <div className="wcc-form" data-funding={request.fundingRequestId}>
      <Heading3>
        {label('instrument', request.instrument)} · {request.careProviderId} · {request.requestedUnits} × · {euro(request.requestedAmountCents)} ({id})
      </Heading3>
      {request.job && (
        <Paragraph data-testid={`funding-job-${id}`}>
          {t('jobHoursPerWeek')}: {request.job.hoursPerWeek} · {t('jobContractMonths')}: {request.job.contractMonths} · {t('jobStartDate')}: {request.job.startDate}
        </Paragraph>
      )}
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/grantedUnits', '/periodFrom', '/periodTo', '/reasonCode', '/reason']} />}
      <form onSubmit={grant} noValidate aria-label={`${t('grant')} ${id}`}>
        <TextField id={`grant-units-${id}`} field="/grantedUnits" label={t('units')} {...form.bind('units')} inputMode="numeric" required />
        <TextField id={`grant-from-${id}`} field="/periodFrom" type="date" label={t('periodFrom')} {...form.bind('periodFrom')} required />
        <TextField id={`grant-to-${id}`} field="/periodTo" type="date" label={t('periodTo')} {...form.bind('periodTo')} required />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
            {t('grant')}
          </Button>
          <Button appearance="secondary-action-button" aria-expanded={refusing} onClick={() => setRefusing(!refusing)}>
            {t('refuse')}…
          </Button>
        </ButtonGroup>
      </form>
      {refusing && (
        <form onSubmit={refuse} noValidate aria-label={`${t('refuse')} ${id}`}>
          <SelectField
            id={`refuse-code-${id}`}
            field="/reasonCode"
            label={t('declineReasonCode')}
            {...form.bind('reasonCode')}
            options={REFUSAL_REASONS.map((r) => ({ value: r, label: label('refusal', r) }))}
            required
          />
          <TextField id={`refuse-reason-${id}`} field="/reason" label={t('declineReason')} {...form.bind('reason')} multiline required />
          <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
            {t('refuse')}
          </Button>
        </form>
      )}
    </div>
  );
}

/** The claims on one grant: what was settled, what was rejected and why, and what remains of the grant. */
function GrantClaims({ funding }: { readonly funding: FundingRequest }) {
  const { t, label, language } = useI18n();
  const euro = (cents: number) => (cents / 100).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' });
  // The list's counts change when a claim is settled or rejected: read the detail again then.
  const detail = useLoad(() => serviceGet<FundingDetail>('insurer', `/care-fundings/${funding.fundingRequestId}`), `${funding.fundingRequestId}:${funding.claimsSettled}:${funding.claimsRejected}`);
  const id = funding.fundingRequestId.slice(0, 8);
  return (
    <div className="wcc-form" data-grant={funding.fundingRequestId}>
      <Heading3 id={`grant-${id}`}>
        {label('instrument', funding.instrument)} · {funding.careProviderId} ({id})
      </Heading3>
      {detail.state === 'loading' ? (
        <Loading />
      ) : detail.state === 'error' ? (
        <ProblemAlert problem={detail.problem} />
      ) : (
        <>
          {funding.granted && detail.data.budget && (
            <Paragraph data-testid={`grant-budget-${id}`}>
              {t('granted')}: {funding.granted.units} × · {euro(funding.granted.amountCents)} ({funding.granted.periodFrom} – {funding.granted.periodTo}) · {t('settled')}:{' '}
              {detail.data.budget.settledUnits} · {euro(detail.data.budget.settledAmountCents)} ·{' '}
              <strong>
                {t('remaining')}: {detail.data.budget.remainingUnits} · {euro(detail.data.budget.remainingAmountCents)}
              </strong>
            </Paragraph>
          )}
          {detail.data.claims.length === 0 ? (
            <Paragraph>{t('claimsNone')}</Paragraph>
          ) : (
            <Table className="wcc-table">
              <TableHead caption={`${t('claimsTitle')} ${id}`} columns={[t('claimPeriod'), t('units'), t('amountEuro'), t('colStatus')]} />
              <TableBody>
                {detail.data.claims.map((c) => (
                  <TableRow key={c.claimId} data-claim-status={c.outcome}>
                    <TableCell>
                      {c.periodFrom} – {c.periodTo}
                    </TableCell>
                    <TableCell>{c.units}</TableCell>
                    <TableCell>{euro(c.amountCents)}</TableCell>
                    <TableCell>
                      {label('claim', c.outcome)}
                      {c.reason ? ` · ${label('claimRejection', c.reason)}${c.detail ? `: ${c.detail}` : ''}` : ''}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </div>
  );
}

function FundingSection() {
  const { t, label } = useI18n();
  const fundings = useLoad(() => serviceGet<FundingRequest[]>('insurer', '/care-fundings'), 'fundings');
  if (fundings.state === 'loading') return <Loading />;
  if (fundings.state === 'error') return <ProblemAlert problem={fundings.problem} />;
  const items = fundings.data;
  const pending = items.filter((f) => f.status === 'requested');
  return (
    <section aria-labelledby="funding-heading" className="wcc-section">
      <Heading2 id="funding-heading">{t('fundingTitle')}</Heading2>
      <div className="wcc-counts">
        <Count testId="count-funding-pending" label={t('fundingPending')} value={pending.length} />
      </div>
      {pending.map((request) => (
        <FundingDecision key={request.fundingRequestId} request={request} onDecided={fundings.reload} />
      ))}
      {items.length > pending.length && (
        <Table className="wcc-table">
          <TableHead caption={t('fundingDecided')} columns={[t('instrument'), t('colFrom'), t('colStatus'), t('units'), t('claimsTitle')]} />
          <TableBody>
            {items
              .filter((f) => f.status !== 'requested')
              .map((f) => (
                <TableRow key={f.fundingRequestId} data-funding-status={f.status}>
                  <TableCell>{label('instrument', f.instrument)}</TableCell>
                  <TableCell>{f.careProviderId}</TableCell>
                  <TableCell>
                    {label('status', f.status)}
                    {f.refusal ? ` · ${label('refusal', f.refusal.reasonCode)}: ${f.refusal.reason}` : ''}
                  </TableCell>
                  <TableCell>{f.granted?.units ?? '—'}</TableCell>
                  <TableCell>{f.status === 'granted' ? `${f.claimsSettled} ${t('claimsSettledCount')}, ${f.claimsRejected} ${t('claimsRejectedCount')}` : '—'}</TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      )}
      {items.some((f) => f.status === 'granted') && (
        <section aria-labelledby="grant-claims-heading" className="wcc-section">
          <Heading2 id="grant-claims-heading">{t('claimsSettlementTitle')}</Heading2>
          {items
            .filter((f) => f.status === 'granted')
            .map((f) => (
              <GrantClaims key={f.fundingRequestId} funding={f} />
            ))}
        </section>
      )}
    </section>
  );
}

export function WorklistScreen({ user }: { readonly user: SessionUser }) {
  const { t } = useI18n();
  const type = user.organisationType;
  const heading: TextKey = 'worklistTitle';
  return (
    <>
      <Heading1 tabIndex={-1}>{t(heading)}</Heading1>
      <Paragraph>{t('worklistIntro')}</Paragraph>
      {type === 'care-provider' && <InboxSection />}
      {type === 'employer-network' && <MatchingSection />}
      {type === 'insurer' && <FundingSection />}
      {type === 'chain' ? (
        <Paragraph>{user.roles.includes('policy-analyst') ? <Link href={href('uitkomsten')}>{t('outcomesWork')}</Link> : <Link href={href('log')}>{t('auditWork')}</Link>}</Paragraph>
      ) : (
        <CasesSection organisationType={type} />
      )}
    </>
  );
}
