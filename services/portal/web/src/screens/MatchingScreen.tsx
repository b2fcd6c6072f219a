// The employer network's case: accept the matching request, add an employer and vacancy,
// log a placement (the service numbers it 1st, 2nd, 3rd), its reviews at 1, 3, 6 and 12
// months (which one is due next, which were held) and a job loss. Nothing here comes
// from care: the employer network's own service answers only what it holds.
import { Button, DataBadge, Heading1, Heading2, Link, Paragraph, Table, TableBody, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { amsterdamDate, serviceGet, servicePost, type Answer } from '../api';
import { BooleanField, CheckboxGroup, Loading, Notice, numberOrText, ProblemAlert, SelectField, TableHead, TextField, useFormState, useLoad } from '../components';
import { useI18n } from '../i18n';
import { href } from '../router';

interface CasePlacements {
  caseId: string;
  status: string;
  placements: {
    placementId: string;
    sequence: number;
    role: string;
    startDate: string;
    status: 'active' | 'ended';
    hoursPerWeek?: number;
    reviews: PlacementReview[];
    end: { endDate: string; reason: string } | null;
  }[];
}
interface PlacementReview {
  reviewMonth: number;
  reviewedOn: string;
  stillWorking: boolean;
  hoursPerWeek: number;
  issues: string[];
}
interface Vacancy {
  vacancyId: string;
  employerId: string;
  employerName: string;
  role: string;
  hoursPerWeek: number;
  status: string;
}

const CONTRACT_TYPES = ['permanent', 'temporary-6m', 'temporary-12m', 'zero-hours', 'work-with-benefit', 'trial-placement'];
const END_REASONS = ['contract-not-renewed', 'dismissed', 'resigned', 'health', 'employer-closed', 'other'];
const SIZES = ['micro', 'small', 'medium', 'large'];

function EmployerForm({ onSaved }: { readonly onSaved: () => void }) {
  const { t, label } = useI18n();
  const form = useFormState({ name: '', sector: '', size: 'medium', person: '', email: '', role: '', hours: '' });
  const [saved, setSaved] = useState(false);
  const v = form.values;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void form.submit(
      async (): Promise<Answer<unknown>> => {
        const employer = await servicePost<{ employerId: string }>('employer-network', '/employers', {
          name: v.name,
          sector: v.sector,
          size: v.size,
          contact: { person: v.person, ...(v.email.trim() ? { email: v.email.trim() } : {}) },
        });
        if (!employer.ok) return employer;
        return servicePost('employer-network', `/employers/${employer.body.employerId}/vacancies`, { role: v.role, hoursPerWeek: numberOrText(v.hours), taskDemands: [] });
      },
      () => {
        setSaved(true);
        onSaved();
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="employer-heading" className="wcc-form">
      <Heading2 id="employer-heading">{t('employerTitle')}</Heading2>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/name', '/sector', '/size', '/contact', '/role', '/hoursPerWeek']} />}
      {saved && <Notice>{t('employerSaved')}</Notice>}
      <TextField id="employer-name" field="/name" label={t('employerName')} {...form.bind('name')} required />
      <TextField id="employer-sector" field="/sector" label={t('employerSector')} {...form.bind('sector')} required />
      <SelectField id="employer-size" field="/size" label={t('employerSize')} {...form.bind('size')} options={SIZES.map((s) => ({ value: s, label: label('size', s) }))} required />
      <TextField id="contact-person" field="/contact/person" label={t('contactPerson')} {...form.bind('person')} required />
      <TextField id="contact-email" field="/contact/email" type="email" label={t('contactEmail')} {...form.bind('email')} />
      <TextField id="vacancy-role" field="/role" label={t('vacancyRole')} {...form.bind('role')} required />
      <TextField id="vacancy-hours" field="/hoursPerWeek" label={t('vacancyHours')} {...form.bind('hours')} inputMode="decimal" required />
      <Button type="submit" appearance="secondary-action-button" disabled={form.busy}>
        {t('employerSubmit')}
      </Button>
    </form>
  );
}

function PlacementForm({ caseId, vacancies, onSaved }: { readonly caseId: string; readonly vacancies: readonly Vacancy[]; readonly onSaved: () => void }) {
  const { t, label } = useI18n();
  const form = useFormState({
    vacancyId: vacancies[0]?.vacancyId ?? '',
    role: vacancies[0]?.role ?? '',
    contractType: 'temporary-6m',
    hours: '',
    wage: '',
    wageSubsidy: false,
    jobCoach: true,
    startDate: amsterdamDate(),
  });
  const [saved, setSaved] = useState(false);
  const v = form.values;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const vacancy = vacancies.find((x) => x.vacancyId === v.vacancyId);
    const wage = numberOrText(v.wage);
    void form.submit(
      () =>
        servicePost('employer-network', `/matchings/${caseId}/placements`, {
          employerId: vacancy?.employerId ?? '',
          ...(vacancy ? { vacancyId: vacancy.vacancyId } : {}),
          role: v.role,
          contractType: v.contractType,
          hoursPerWeek: numberOrText(v.hours),
          grossHourlyWageCents: typeof wage === 'number' ? Math.round(wage * 100) : wage,
          wageSubsidy: v.wageSubsidy,
          jobCoach: v.jobCoach,
          startDate: v.startDate,
        }),
      () => {
        setSaved(true);
        onSaved();
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="placement-heading" className="wcc-form">
      <Heading2 id="placement-heading">{t('placementFormTitle')}</Heading2>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/employerId', '/vacancyId', '/role', '/contractType', '/hoursPerWeek', '/grossHourlyWageCents', '/startDate']} />}
      {saved && <Notice>{t('placementSaved')}</Notice>}
      <SelectField
        id="placement-vacancy"
        field="/vacancyId"
        label={t('vacancy')}
        value={v.vacancyId}
        onChange={(id) => form.setValues((x) => ({ ...x, vacancyId: id, role: vacancies.find((y) => y.vacancyId === id)?.role ?? x.role }))}
        problem={form.problem}
        options={vacancies.map((x) => ({ value: x.vacancyId, label: `${x.employerName} — ${x.role} (${x.hoursPerWeek} u/w)` }))}
        required
      />
      <TextField id="placement-role" field="/role" label={t('vacancyRole')} {...form.bind('role')} required />
      <SelectField
        id="placement-contract"
        field="/contractType"
        label={t('contractType')}
        {...form.bind('contractType')}
        options={CONTRACT_TYPES.map((c) => ({ value: c, label: label('contract', c) }))}
        required
      />
      <TextField id="placement-hours" field="/hoursPerWeek" label={t('hoursPerWeek')} {...form.bind('hours')} inputMode="decimal" required />
      <TextField id="placement-wage" field="/grossHourlyWageCents" label={t('hourlyWage')} {...form.bind('wage')} inputMode="decimal" required />
      <BooleanField id="placement-subsidy" label={t('wageSubsidy')} checked={v.wageSubsidy} onChange={form.set('wageSubsidy')} />
      <BooleanField id="placement-coach" label={t('jobCoach')} checked={v.jobCoach} onChange={form.set('jobCoach')} />
      <TextField id="placement-start" field="/startDate" type="date" label={t('startDate')} {...form.bind('startDate')} required />
      <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
        {form.busy ? t('saving') : t('placementSubmit')}
      </Button>
    </form>
  );
}

const REVIEW_MONTHS = [1, 3, 6, 12];
const ISSUES = ['task-mismatch', 'hours-mismatch', 'conflict-at-work', 'travel', 'more-guidance-needed', 'wage-or-contract', 'other'];

/** The day `months` after `start` (YYYY-MM-DD), clamped to the month's last day. */
function monthsAfter(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The reviews at 1, 3, 6 and 12 months of the active placement: held ones, the next due, and the form to record one. */
function PlacementReviews({ caseId, placement, onSaved }: { readonly caseId: string; readonly placement: CasePlacements['placements'][number]; readonly onSaved: () => void }) {
  const { t, label } = useI18n();
  const held = new Map(placement.reviews.map((r) => [r.reviewMonth, r]));
  const due = REVIEW_MONTHS.filter((m) => !held.has(m));
  const next = due[0];
  const form = useFormState({
    reviewMonth: String(next ?? 1),
    reviewedOn: amsterdamDate(),
    stillWorking: true,
    hours: String(placement.hoursPerWeek ?? ''),
    issues: [] as string[],
    note: '',
  });
  const [saved, setSaved] = useState(false);
  const today = amsterdamDate();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const v = form.values;
    void form.submit(
      () =>
        servicePost('employer-network', `/matchings/${caseId}/placements/${placement.placementId}/reviews`, {
          reviewMonth: Number(v.reviewMonth),
          reviewedOn: v.reviewedOn,
          stillWorking: v.stillWorking,
          hoursPerWeek: numberOrText(v.hours),
          issues: v.issues,
          ...(v.note.trim() ? { note: v.note } : {}),
        }),
      () => {
        setSaved(true);
        onSaved();
      },
    );
  };
  return (
    <section aria-labelledby="reviews-heading" className="wcc-section" data-section="placement-reviews">
      <Heading2 id="reviews-heading">
        {t('placementReviewsTitle')} ({t('placementNo')} {placement.sequence})
      </Heading2>
      <Table className="wcc-table">
        <TableHead caption={t('placementReviewsTitle')} columns={[t('reviewMonth'), t('reviewDue'), t('colStatus'), t('hoursPerWeek'), t('reviewIssues')]} />
        <TableBody>
          {REVIEW_MONTHS.map((month) => {
            const review = held.get(month);
            const dueOn = monthsAfter(placement.startDate, month);
            return (
              <TableRow key={month} data-review-month={month} data-review-state={review ? 'held' : month === next ? 'next' : 'later'}>
                <TableCell>
                  {month} {month === 1 ? t('month') : t('months')}
                </TableCell>
                <TableCell>{dueOn}</TableCell>
                <TableCell>
                  {review ? (
                    `${t('reviewHeldOn')} ${review.reviewedOn} · ${review.stillWorking ? t('stillWorking') : t('notWorking')}`
                  ) : month === next ? (
                    <>
                      <strong>{t('reviewNext')}</strong>
                      {dueOn < today && <DataBadge className="wcc-overdue"> {t('overdue')}</DataBadge>}
                    </>
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell>{review ? review.hoursPerWeek : '—'}</TableCell>
                <TableCell>{review ? review.issues.map((i) => label('issue', i)).join(', ') || t('none') : '—'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {due.length > 0 && (
        <form onSubmit={onSubmit} noValidate aria-labelledby="review-form-heading" className="wcc-form">
          <Heading2 id="review-form-heading">{t('placementReviewForm')}</Heading2>
          {form.problem && <ProblemAlert problem={form.problem} shownFields={['/reviewMonth', '/reviewedOn', '/hoursPerWeek', '/issues', '/note']} />}
          {saved && <Notice>{t('placementReviewSaved')}</Notice>}
          <SelectField
            id="review-month"
            field="/reviewMonth"
            label={t('reviewMonth')}
            {...form.bind('reviewMonth')}
            options={due.map((m) => ({ value: String(m), label: `${m} ${m === 1 ? t('month') : t('months')} (${monthsAfter(placement.startDate, m)})` }))}
            required
          />
          <TextField id="review-on" field="/reviewedOn" type="date" label={t('reviewedOn')} {...form.bind('reviewedOn')} required />
          <BooleanField id="review-working" label={t('stillWorking')} checked={form.values.stillWorking} onChange={form.set('stillWorking')} />
          <TextField id="review-hours" field="/hoursPerWeek" label={t('hoursPerWeek')} {...form.bind('hours')} inputMode="decimal" required />
          <CheckboxGroup
            id="review-issues"
            field="/issues"
            legend={t('reviewIssues')}
            values={form.values.issues}
            onChange={form.set('issues')}
            problem={form.problem}
            options={ISSUES.map((i) => ({ value: i, label: label('issue', i) }))}
          />
          <TextField id="review-note" field="/note" label={t('note')} description={t('reviewNoteHint')} {...form.bind('note')} multiline />
          <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
            {t('placementReviewSubmit')}
          </Button>
        </form>
      )}
    </section>
  );
}

function JobLossForm({ caseId, placementId, onSaved }: { readonly caseId: string; readonly placementId: string; readonly onSaved: () => void }) {
  const { t, label } = useI18n();
  const form = useFormState({ endDate: amsterdamDate(), reason: 'contract-not-renewed', reasonText: '' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(
      () =>
        servicePost('employer-network', `/matchings/${caseId}/placements/${placementId}/end`, {
          endDate: form.values.endDate,
          reason: form.values.reason,
          ...(form.values.reasonText.trim() ? { reasonText: form.values.reasonText } : {}),
        }),
      onSaved,
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="jobloss-heading" className="wcc-form">
      <Heading2 id="jobloss-heading">{t('jobLossTitle')}</Heading2>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/endDate', '/reason', '/reasonText']} />}
      <TextField id="jobloss-date" field="/endDate" type="date" label={t('endDate')} {...form.bind('endDate')} required />
      <SelectField id="jobloss-reason" field="/reason" label={t('endReason')} {...form.bind('reason')} options={END_REASONS.map((r) => ({ value: r, label: label('endReason', r) }))} required />
      <TextField id="jobloss-text" field="/reasonText" label={t('colReason')} {...form.bind('reasonText')} multiline />
      <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
        {t('jobLossSubmit')}
      </Button>
    </form>
  );
}

export function MatchingScreen({ caseId }: { readonly caseId: string }) {
  const { t, label } = useI18n();
  const matching = useLoad(() => serviceGet<CasePlacements>('employer-network', `/matchings/${caseId}/placements`), caseId);
  const vacancies = useLoad(() => serviceGet<Vacancy[]>('employer-network', '/vacancies'), 'vacancies');
  const accept = useFormState({});
  const [accepted, setAccepted] = useState(false);
  const heading = (
    <Heading1 tabIndex={-1}>
      {t('matchingTitle')} {caseId.slice(0, 8)}
    </Heading1>
  );
  if (matching.state === 'loading' || vacancies.state === 'loading')
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  if (matching.state === 'error')
    return (
      <>
        {heading}
        <ProblemAlert problem={matching.problem} />
      </>
    );
  const m = matching.data;
  const open = vacancies.state === 'ok' ? vacancies.data.filter((x) => x.status === 'open') : [];
  const active = m.placements.find((p) => p.status === 'active');
  return (
    <>
      {heading}
      <Paragraph>
        {t('colStatus')}: <strong data-testid="matching-status">{label('status', m.status)}</strong> · <Link href={href('zaak', caseId)}>{t('caseTitle')}</Link>
      </Paragraph>
      {accepted && <Notice>{t('matchingAccepted')}</Notice>}
      {m.status === 'referred' && (
        <>
          {accept.problem && <ProblemAlert problem={accept.problem} />}
          <Button
            appearance="primary-action-button"
            disabled={accept.busy}
            onClick={() =>
              void accept.submit(
                () => servicePost('employer-network', `/matchings/${caseId}/accept`, {}),
                () => {
                  setAccepted(true);
                  matching.reload();
                },
              )
            }
          >
            {t('matchingAccept')}
          </Button>
        </>
      )}
      <section aria-labelledby="placements-heading" className="wcc-section">
        <Heading2 id="placements-heading">{t('placementsTitle')}</Heading2>
        {m.placements.length === 0 ? (
          <Paragraph>{t('none')}</Paragraph>
        ) : (
          <Table className="wcc-table">
            <TableHead caption={t('placementsTitle')} columns={[t('placementNo'), t('vacancyRole'), t('startDate'), t('colStatus')]} />
            <TableBody>
              {m.placements.map((p) => (
                <TableRow key={p.placementId}>
                  <TableCell>{p.sequence}</TableCell>
                  <TableCell>{p.role}</TableCell>
                  <TableCell>{p.startDate}</TableCell>
                  <TableCell>{p.end ? `${label('status', 'ended')} ${p.end.endDate} (${label('endReason', p.end.reason)})` : label('status', 'working')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      {m.status !== 'referred' && m.status !== 'declined' && m.status !== 'closed' && (
        <>
          {active && <PlacementReviews key={`${active.placementId}:${active.reviews.length}`} caseId={caseId} placement={active} onSaved={matching.reload} />}
          {active ? (
            <JobLossForm key={active.placementId} caseId={caseId} placementId={active.placementId} onSaved={matching.reload} />
          ) : open.length > 0 ? (
            <PlacementForm key={m.placements.length} caseId={caseId} vacancies={open} onSaved={matching.reload} />
          ) : null}
          <EmployerForm onSaved={vacancies.reload} />
        </>
      )}
    </>
  );
}
