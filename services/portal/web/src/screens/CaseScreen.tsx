// The shared case (MDT) as this viewer may see it. What the case view withheld for lack
// of consent is marked as such; what an organisation type never receives in the case
// view (the employer network: nothing of care; the insurer: neither care nor work) is
// marked "not shared with your organisation" rather than silently left out. The case
// view decides both; this only says so.
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Paragraph,
  Alert,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  DataBadge,
} from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { serviceGet } from '../api';
import { Loading, ProblemAlert, TableHead, useLoad, Withheld } from '../components';
import { useI18n, type TextKey } from '../i18n';
import type { SessionUser } from '../session';
import type { CaseAnswer, TimelineAnswer } from './case-types';
import { CaseReviewPanel } from './CaseReviewPanel';
import { MunicipalityCaseActions } from './MunicipalityCaseActions';
import { LIMITATIONS } from './ReferralScreen';

/** Data categories the case view never shows to these organisation types (DOMAIN.md; services/case-view visibility-policy). */
const NEVER_SHOWN: Readonly<Record<string, readonly string[]>> = {
  'employer-network': ['care-summary'],
  insurer: ['care-summary', 'work'],
};

function Section({ id, title, children }: { readonly id: string; readonly title: string; readonly children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="wcc-section" data-section={id}>
      <Heading2 id={id}>{title}</Heading2>
      {children}
    </section>
  );
}

function TrendChart({ label, previous, latest, max }: { readonly label: string; readonly previous: number | null; readonly latest: number; readonly max: number }) {
  const bars = [...(previous !== null ? [{ name: 'previous', value: previous }] : []), { name: 'latest', value: latest }];
  return (
    <svg role="img" aria-label={label} width="160" height="70" viewBox="0 0 160 70" className="wcc-chart">
      {bars.map((bar, i) => {
        const height = Math.max(2, (bar.value / max) * 56);
        return (
          <g key={bar.name}>
            <rect x={20 + i * 60} y={60 - height} width="40" height={height} fill={bar.name === 'latest' ? '#24578f' : '#8a97a8'} />
            <text x={40 + i * 60} y={69} textAnchor="middle" fontSize="10" fill="#1f2937">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Timeline({ caseId }: { readonly caseId: string }) {
  const { t, language } = useI18n();
  const [offset, setOffset] = useState(0);
  const limit = 10;
  const timeline = useLoad(() => serviceGet<TimelineAnswer>('case-view', `/cases/${caseId}/timeline?limit=${limit}&offset=${offset}`), `${caseId}:${offset}`);
  if (timeline.state === 'loading') return <Loading />;
  if (timeline.state === 'error') return <ProblemAlert problem={timeline.problem} />;
  const { items, total } = timeline.data;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <>
      <Table className="wcc-table">
        <TableCaption className="wcc-visually-hidden">
          {t('timelineTitle')} — {t('page')} {offset / limit + 1} {t('of')} {pages}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('colWhen')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('colWhat')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('colFrom')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.eventId}>
              <TableCell>{new Date(item.occurredAt).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam' })}</TableCell>
              <TableCell>
                {item.summary[language]}
                {item.fieldsWithheldForLackOfConsent.length > 0 && <Withheld reason="consent" />}
              </TableCell>
              <TableCell>{item.organisation.id ?? item.organisation.type}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ButtonGroup>
        <Button appearance="secondary-action-button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - limit))}>
          {t('previous')}
        </Button>
        <Button appearance="secondary-action-button" disabled={offset + limit >= total} onClick={() => setOffset(offset + limit)}>
          {t('next')}
        </Button>
      </ButtonGroup>
    </>
  );
}

export function CaseScreen({ caseId, user }: { readonly caseId: string; readonly user: SessionUser }) {
  const { t, label, language } = useI18n();
  const view = useLoad(() => serviceGet<CaseAnswer>('case-view', `/cases/${caseId}`), caseId);
  const heading = (
    <Heading1 tabIndex={-1}>
      {t('caseTitle')} {caseId.slice(0, 8)}
    </Heading1>
  );
  if (view.state === 'loading')
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  if (view.state === 'error')
    return (
      <>
        {heading}
        {view.problem.status === 404 ? <Paragraph>{t('caseNotFound')}</Paragraph> : <ProblemAlert problem={view.problem} />}
      </>
    );
  const { summary: s, withheldForLackOfConsent: withheld } = view.data;
  const neverShown = NEVER_SHOWN[user.organisationType] ?? [];
  /** Why a category shows nothing: the viewer's type never receives it, or the client did not consent. */
  const hidden = (category: string): 'role' | 'consent' | undefined => (neverShown.includes(category) ? 'role' : withheld?.categories.includes(category) ? 'consent' : undefined);
  const yesNo = (value: boolean | null) => (value === null ? '—' : value ? t('yes') : t('no'));
  const item = (key: TextKey, value: ReactNode) => (
    <DataListItem>
      <DataListKey>{t(key)}</DataListKey>
      <DataListValue>{value ?? '—'}</DataListValue>
    </DataListItem>
  );

  return (
    <>
      {heading}
      {view.refreshProblem && <ProblemAlert problem={view.refreshProblem} />}
      {withheld && (
        <Alert type="info" className="wcc-withheld-banner">
          <Paragraph>
            <strong>{t('withheldBanner')}</strong> — {t('withheldCategories')}: {withheld.categories.map((c) => label('cat', c)).join(', ')} ({withheld.items} {t('withheldItems')}).
          </Paragraph>
        </Alert>
      )}
      <Section id="overview" title={t('caseOverview')}>
        <DataList>
          {user.organisationType !== 'employer-network' && item('phase', label('phase', s.phase))}
          {item('municipality', s.municipalityId)}
          {item('regie', s.regie ? `${s.regie.ownerUserId ?? '—'} (${s.regie.ownerOrganisationId ?? '—'})` : null)}
          {item('clientKey', s.clientKey ? <code>{s.clientKey}</code> : null)}
          {s.benefit &&
            item(
              'benefitType',
              <span data-testid="case-benefit">
                {s.benefit.benefitType?.toUpperCase() ?? '—'} · {label('benefitStatus', s.benefit.status)}
                {s.benefit.endReasonCode ? ` (${label('benefitEnd', s.benefit.endReasonCode)})` : ''}
              </span>,
            )}
          {s.ending &&
            item(
              'caseStatus',
              <span data-testid="case-ending">
                {label('caseStatus', s.ending.kind)} {s.ending.on.slice(0, 10)}
                {s.ending.reasonCode ? ` (${label(s.ending.kind === 'closed' ? 'closure' : 'dropout', s.ending.reasonCode)})` : ''}
              </span>,
            )}
        </DataList>
      </Section>

      <Section id="ladder" title={t('ladderZrm')}>
        {s.ladder ? (
          <div className="wcc-charts">
            <div>
              <Paragraph>
                {t('ladderRung')}: <strong>{s.ladder.latest.ladderRung ?? '—'}</strong>
                {s.ladder.previousRung !== null && ` (${t('previousValue')} ${s.ladder.previousRung}, ${label('trend', s.ladder.trend)})`}
              </Paragraph>
              {s.ladder.latest.ladderRung !== null && (
                <TrendChart
                  label={`${t('ladderRung')}: ${s.ladder.previousRung ?? '—'} → ${s.ladder.latest.ladderRung}`}
                  previous={s.ladder.previousRung}
                  latest={s.ladder.latest.ladderRung}
                  max={6}
                />
              )}
            </div>
          </div>
        ) : hidden('work') ? (
          <Withheld reason={hidden('work')!} />
        ) : (
          <Paragraph>{t('notRecorded')}</Paragraph>
        )}
        {s.zrm ? (
          <div>
            <Paragraph>
              {t('zrmAverage')}: <strong>{s.zrm.latestAverage}</strong>
              {s.zrm.previousAverage !== null && ` (${t('previousValue')} ${s.zrm.previousAverage}, ${label('trend', s.zrm.trend)})`}
            </Paragraph>
            <TrendChart label={`${t('zrmAverage')}: ${s.zrm.previousAverage ?? '—'} → ${s.zrm.latestAverage}`} previous={s.zrm.previousAverage} latest={s.zrm.latestAverage} max={5} />
          </div>
        ) : hidden('care-summary') === 'consent' ? (
          <>
            <Paragraph>{t('zrmAverage')}:</Paragraph>
            <Withheld reason="consent" />
          </>
        ) : null}
      </Section>

      <Section id="referrals" title={t('referralsTitle')}>
        {s.referrals.length === 0 ? (
          <Paragraph>{t('none')}</Paragraph>
        ) : (
          <Table className="wcc-table">
            <TableHead caption={t('referralsTitle')} columns={[t('colRecipient'), t('colRoute'), t('colDeadline'), t('colStatus')]} />
            <TableBody>
              {s.referrals.map((r) => (
                <TableRow key={r.referralId}>
                  <TableCell>{r.toOrganisationId ?? '—'}</TableCell>
                  <TableCell>{r.route ? label('referralRoute', r.route) : hidden('care-summary') ? <span className="wcc-withheld">{t('notShared')}</span> : '—'}</TableCell>
                  <TableCell>{r.replyDeadline ?? '—'}</TableCell>
                  <TableCell>
                    {label('status', r.status)}
                    {r.overdue && <DataBadge className="wcc-overdue"> {t('overdue')}</DataBadge>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section id="advice" title={hidden('care-summary') === 'role' ? t('careDataTitle') : t('adviceTitle')}>
        {s.screeningAdvice ? (
          <DataList>
            {item('advisedRoute', label('route', s.screeningAdvice.advisedRoute))}
            {item('workCapacity', s.screeningAdvice.workCapacityHoursPerWeek)}
            {item('recommendedHours', s.screeningAdvice.recommendedHoursPerWeek)}
            {item('limitations', s.screeningAdvice.functionalLimitations.map((code) => LIMITATIONS[code]?.[language] ?? code).join(', ') || t('none'))}
            {item('contraIndications', yesNo(s.screeningAdvice.contraIndications))}
            {item('reviewDate', s.screeningAdvice.reviewDate)}
            {s.ips &&
              item(
                'ipsTitle',
                <span data-testid="case-ips">
                  {t('jobCoach')}: {s.ips.jobCoachId ?? '—'} · {t('ipsSessions')}: {s.ips.intakeSessionsHeld}
                </span>,
              )}
            {s.inTreatment !== null && s.inTreatment !== undefined && item('treatmentTitle', <span data-testid="case-in-treatment">{s.inTreatment ? t('treatmentOngoing') : t('none')}</span>)}
          </DataList>
        ) : hidden('care-summary') ? (
          <Withheld reason={hidden('care-summary')!} />
        ) : (
          <Paragraph>{t('notRecorded')}</Paragraph>
        )}
      </Section>

      <Section id="placements" title={t('placementsTitle')}>
        {s.placements.length > 0 ? (
          <Table className="wcc-table">
            <TableHead caption={t('placementsTitle')} columns={[t('placementNo'), t('employer'), t('startDate'), t('colStatus'), t('lastReview'), t('endReason')]} />
            <TableBody>
              {s.placements.map((p) => (
                <TableRow key={p.placementId} data-placement={p.sequence ?? ''}>
                  <TableCell>{p.sequence ?? '—'}</TableCell>
                  <TableCell>
                    {p.employerName ?? '—'} {p.role ? `· ${p.role}` : ''} {p.hoursPerWeek ? `· ${p.hoursPerWeek} u/w` : ''}
                  </TableCell>
                  <TableCell>{p.startDate ?? '—'}</TableCell>
                  <TableCell>
                    {label('status', p.status)}
                    {p.endDate ? ` (${p.endDate})` : ''}
                  </TableCell>
                  <TableCell>{p.lastReviewMonth ?? '—'}</TableCell>
                  <TableCell>{label('endReason', p.endReason ?? null)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : hidden('work') ? (
          <Withheld reason={hidden('work')!} />
        ) : (
          <Paragraph>{t('none')}</Paragraph>
        )}
      </Section>

      <Section id="funding" title={t('fundingTitle')}>
        {hidden('financial') || (neverShown.includes('care-summary') && s.funding.requests.length === 0) ? (
          <Withheld reason={hidden('financial') ?? 'role'} />
        ) : s.funding.requests.length === 0 ? (
          <Paragraph>{t('none')}</Paragraph>
        ) : (
          <DataList>
            {s.funding.requests.map((f) => (
              <DataListItem key={f.fundingRequestId}>
                <DataListKey>
                  {label('instrument', f.instrument)} ({f.insurerId ?? '—'})
                </DataListKey>
                <DataListValue>
                  {label('status', f.decision)}
                  {f.grantedUnits !== null ? ` · ${f.grantedUnits}` : ''}
                  {f.claims && f.claims.length > 0
                    ? ` · ${t('claimsTitle')}: ${f.claims.filter((c) => c.status === 'settled').length} ${t('claimsSettledCount')}, ${f.claims.filter((c) => c.status === 'rejected').length} ${t('claimsRejectedCount')}`
                    : ''}
                </DataListValue>
              </DataListItem>
            ))}
          </DataList>
        )}
      </Section>

      <Section id="mdt" title={t('mdtTitle')}>
        <Paragraph>
          {t('reviews')}: {s.reviews.length === 0 ? t('none') : s.reviews.map((r) => `${label('status', r.status)} ${r.heldOn ?? r.scheduledFor?.slice(0, 10) ?? ''}`).join('; ')}
        </Paragraph>
        <Paragraph>
          {t('actions')}:{' '}
          {s.actions.length === 0
            ? t('none')
            : s.actions
                .map(
                  (a) =>
                    `${a.ownerOrganisationId ?? '—'} · ${t('due')} ${a.dueDate ?? '—'} · ${label('status', a.status)}${a.outcome ? ` (${label('outcome', a.outcome)})` : ''}${a.overdue ? ` (${t('overdue')})` : ''}`,
                )
                .join('; ')}
        </Paragraph>
      </Section>

      {user.organisationType === 'municipality' && <CaseReviewPanel caseId={caseId} summary={s} user={user} onChanged={view.reload} />}
      {user.organisationType === 'municipality' && <MunicipalityCaseActions caseId={caseId} summary={s} user={user} onChanged={view.reload} />}

      <Section id="timeline" title={t('timelineTitle')}>
        <Timeline caseId={caseId} />
      </Section>
    </>
  );
}
