// The care provider's referral: accept or decline (a reason is required), clinical
// findings (they stay in the care domain; the form says so) and the work-oriented
// screening advice that goes to the chain.
import { Alert, Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Fieldset, FieldsetLegend, Heading1, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { amsterdamDate, servicePost, serviceGet, type Answer } from '../api';
import { BooleanField, CheckboxGroup, Loading, Notice, numberOrText, ProblemAlert, SelectField, TextField, useFormState, useLoad } from '../components';
import { useI18n, type Language } from '../i18n';
import { href } from '../router';
import type { SessionUser } from '../session';
import { ReferralCareWork, type ReferralCareRecord } from './ReferralCareWork';

interface Referral extends ReferralCareRecord {
  referralId: string;
  caseId: string;
  fromOrganisationId: string;
  route: string;
  reason: string;
  replyDeadline: string;
  status: 'received' | 'accepted' | 'declined';
  overdue: boolean;
  screening: { status: string; clinicalFindingsRecorded: number; advice: Record<string, unknown> | null };
}

const DECLINE_REASONS = ['no-capacity', 'not-eligible', 'client-unreachable', 'client-refused', 'referred-elsewhere', 'other'];
const ADVISED_ROUTES = ['ips', 'reintegration', 'care-first', 'not-now'];
export const LIMITATIONS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  'personal-functioning.concentration': { nl: 'Concentreren van de aandacht', en: 'Concentrating attention' },
  'personal-functioning.pace': { nl: 'Handelingstempo', en: 'Pace of work' },
  'personal-functioning.deadlines-and-peaks': { nl: 'Deadlines of productiepieken', en: 'Deadlines or production peaks' },
  'social-functioning.dealing-with-conflicts': { nl: 'Omgaan met conflicten', en: 'Dealing with conflicts' },
  'social-functioning.customer-contact': { nl: 'Klantcontacten', en: 'Customer contact' },
  'working-hours.night-work': { nl: 'Nachtwerk', en: 'Night work' },
  'working-hours.hours-per-week': { nl: 'Uren per week', en: 'Hours per week' },
};

function AnswerForms({ referral, onChanged }: { readonly referral: Referral; readonly onChanged: () => void }) {
  const { t, label } = useI18n();
  const accept = useFormState({});
  const decline = useFormState({ reasonCode: 'no-capacity', reason: '' });
  const [declining, setDeclining] = useState(false);
  const onDecline = (event: FormEvent) => {
    event.preventDefault();
    void decline.submit(() => servicePost('care-provider', `/referrals/${referral.referralId}/decline`, decline.values), onChanged);
  };
  return (
    <section aria-labelledby="answer-heading" className="wcc-section">
      <Heading2 id="answer-heading">
        {t('accept')} / {t('decline')}
      </Heading2>
      {accept.problem && <ProblemAlert problem={accept.problem} />}
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          disabled={accept.busy}
          onClick={() => void accept.submit(() => servicePost('care-provider', `/referrals/${referral.referralId}/accept`, {}), onChanged)}
        >
          {t('accept')}
        </Button>
        <Button appearance="secondary-action-button" aria-expanded={declining} aria-controls="decline-form" onClick={() => setDeclining(!declining)}>
          {t('decline')}…
        </Button>
      </ButtonGroup>
      {declining && (
        <form id="decline-form" onSubmit={onDecline} noValidate className="wcc-form" aria-label={t('decline')}>
          {decline.problem && <ProblemAlert problem={decline.problem} shownFields={['/reasonCode', '/reason']} />}
          <SelectField
            id="decline-code"
            field="/reasonCode"
            label={t('declineReasonCode')}
            {...decline.bind('reasonCode')}
            options={DECLINE_REASONS.map((r) => ({ value: r, label: label('decline', r) }))}
            required
          />
          <TextField id="decline-reason" field="/reason" label={t('declineReason')} {...decline.bind('reason')} multiline required />
          <Button type="submit" appearance="primary-action-button" disabled={decline.busy}>
            {t('decline')}
          </Button>
        </form>
      )}
    </section>
  );
}

type StartScreening = () => Promise<Answer<unknown> | undefined>;

function ClinicalForm({ referral, onChanged, startScreening }: { readonly referral: Referral; readonly onChanged: () => void; readonly startScreening: StartScreening }) {
  const { t } = useI18n();
  const form = useFormState({ code: '', notes: '' });
  const [saved, setSaved] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(
      async (): Promise<Answer<unknown>> => {
        const started = await startScreening();
        if (started && !started.ok) return started;
        return servicePost('care-provider', `/referrals/${referral.referralId}/screening/clinical-findings`, {
          diagnoses: form.values.code.trim() ? [{ system: 'icd-10', code: form.values.code.trim() }] : [],
          ...(form.values.notes.trim() ? { notes: form.values.notes } : {}),
        });
      },
      () => {
        setSaved(true);
        form.setValues({ code: '', notes: '' });
        onChanged();
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="clinical-heading" className="wcc-form wcc-form--care-only">
      <Heading2 id="clinical-heading">{t('clinicalTitle')}</Heading2>
      <Alert type="warning">
        <Paragraph>{t('clinicalNotice')}</Paragraph>
      </Alert>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/diagnoses', '/notes']} />}
      {saved && <Notice>{t('clinicalSaved')}</Notice>}
      <TextField id="diagnosis-code" field="/diagnoses" label={t('diagnosisCode')} {...form.bind('code')} />
      <TextField id="clinical-notes" field="/notes" label={t('clinicalNotes')} {...form.bind('notes')} multiline />
      <Button type="submit" appearance="secondary-action-button" disabled={form.busy}>
        {t('clinicalSubmit')}
      </Button>
    </form>
  );
}

function AdviceForm({ referral, onChanged, startScreening }: { readonly referral: Referral; readonly onChanged: () => void; readonly startScreening: StartScreening }) {
  const { t, label, language } = useI18n();
  const form = useFormState({ advisedRoute: 'ips', workCapacity: '', recommended: '', limitations: [] as string[], contraIndications: false, reviewDate: amsterdamDate(90) });
  const [saved, setSaved] = useState(false);
  const v = form.values;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(
      async (): Promise<Answer<unknown>> => {
        const started = await startScreening();
        if (started && !started.ok) return started;
        return servicePost('care-provider', `/referrals/${referral.referralId}/screening/advice`, {
          advisedRoute: v.advisedRoute,
          workCapacityHoursPerWeek: numberOrText(v.workCapacity),
          ...(v.recommended.trim() ? { recommendedHoursPerWeek: numberOrText(v.recommended) } : {}),
          functionalLimitations: v.limitations,
          contraIndications: v.contraIndications,
          reviewDate: v.reviewDate,
        });
      },
      () => {
        setSaved(true);
        onChanged();
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="advice-heading" className="wcc-form">
      <Heading2 id="advice-heading">{t('adviceFormTitle')}</Heading2>
      <Paragraph>{t('adviceNotice')}</Paragraph>
      {form.problem && (
        <ProblemAlert problem={form.problem} shownFields={['/advisedRoute', '/workCapacityHoursPerWeek', '/recommendedHoursPerWeek', '/functionalLimitations', '/contraIndications', '/reviewDate']} />
      )}
      {saved && <Notice>{t('adviceSaved')}</Notice>}
      <SelectField
        id="advised-route"
        field="/advisedRoute"
        label={t('advisedRoute')}
        {...form.bind('advisedRoute')}
        options={ADVISED_ROUTES.map((r) => ({ value: r, label: label('route', r) }))}
        required
      />
      <TextField id="work-capacity" field="/workCapacityHoursPerWeek" label={t('workCapacity')} {...form.bind('workCapacity')} inputMode="decimal" required />
      <TextField id="recommended-hours" field="/recommendedHoursPerWeek" label={t('recommendedHours')} {...form.bind('recommended')} inputMode="decimal" />
      <CheckboxGroup
        id="limitations"
        field="/functionalLimitations"
        legend={t('limitations')}
        values={v.limitations}
        onChange={form.set('limitations')}
        problem={form.problem}
        options={Object.entries(LIMITATIONS).map(([value, labels]) => ({ value, label: labels[language] }))}
      />
      <BooleanField id="contra-indications" label={t('contraIndications')} checked={v.contraIndications} onChange={form.set('contraIndications')} />
      <TextField id="review-date" field="/reviewDate" type="date" label={t('reviewDate')} {...form.bind('reviewDate')} required />
      <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
        {form.busy ? t('saving') : t('adviceSubmit')}
      </Button>
    </form>
  );
}

const INSTRUMENTS = ['ips-intake', 'job-coaching', 'dbc-care-product'];
/** Fields of the job a job-coaching request states (the insurer caps the hours by it, report 002 §5.1.4). */
const JOB_FIELDS = ['/job/hoursPerWeek', '/job/contractMonths', '/job/startDate'];

function FundingRequestForm({ referral }: { readonly referral: Referral }) {
  const { t, label } = useI18n();
  const form = useFormState({
    insurerId: 'achmea',
    instrument: 'ips-intake',
    units: '8',
    amount: '',
    periodFrom: amsterdamDate(),
    periodTo: amsterdamDate(182),
    jobHoursPerWeek: '',
    jobContractMonths: '',
    jobStartDate: '',
  });
  const [saved, setSaved] = useState(false);
  const v = form.values;
  const coaching = v.instrument === 'job-coaching';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const amount = numberOrText(v.amount);
    void form.submit(
      () =>
        servicePost('care-provider', `/referrals/${referral.referralId}/funding-requests`, {
          insurerId: v.insurerId.trim(),
          instrument: v.instrument,
          units: numberOrText(v.units),
          amountCents: typeof amount === 'number' ? Math.round(amount * 100) : amount,
          periodFrom: v.periodFrom,
          periodTo: v.periodTo,
          // Only job coaching states a job; the service refuses it on any other instrument.
          ...(coaching ? { job: { hoursPerWeek: numberOrText(v.jobHoursPerWeek), contractMonths: numberOrText(v.jobContractMonths), startDate: v.jobStartDate } } : {}),
        }),
      () => setSaved(true),
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="funding-heading" className="wcc-form">
      <Heading2 id="funding-heading">{t('fundingRequestTitle')}</Heading2>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/insurerId', '/instrument', '/units', '/amountCents', '/periodFrom', '/periodTo', ...(coaching ? JOB_FIELDS : [])]} />}
      {saved && <Notice>{t('fundingRequested')}</Notice>}
      <TextField id="funding-insurer" field="/insurerId" label={t('insurerId')} {...form.bind('insurerId')} required />
      <SelectField
        id="funding-instrument"
        field="/instrument"
        label={t('instrument')}
        {...form.bind('instrument')}
        options={INSTRUMENTS.map((i) => ({ value: i, label: label('instrument', i) }))}
        required
      />
      <TextField id="funding-units" field="/units" label={t('units')} {...form.bind('units')} inputMode="numeric" required />
      <TextField id="funding-amount" field="/amountCents" label={t('amountEuro')} {...form.bind('amount')} inputMode="decimal" required />
      <TextField id="funding-from" field="/periodFrom" type="date" label={t('periodFrom')} {...form.bind('periodFrom')} required />
      <TextField id="funding-to" field="/periodTo" type="date" label={t('periodTo')} {...form.bind('periodTo')} required />
      {coaching && (
        <Fieldset aria-describedby="funding-job-rule" className="wcc-field" data-testid="funding-job">
          <FieldsetLegend>{t('coachedJobTitle')}</FieldsetLegend>
          <Paragraph id="funding-job-rule">{t('coachedJobRule')}</Paragraph>
          <TextField id="funding-job-hours" field="/job/hoursPerWeek" label={t('jobHoursPerWeek')} {...form.bind('jobHoursPerWeek')} inputMode="decimal" required />
          <TextField
            id="funding-job-months"
            field="/job/contractMonths"
            label={t('jobContractMonths')}
            description={t('jobContractMonthsHint')}
            {...form.bind('jobContractMonths')}
            inputMode="numeric"
            required
          />
          <TextField id="funding-job-start" field="/job/startDate" type="date" label={t('jobStartDate')} {...form.bind('jobStartDate')} required />
        </Fieldset>
      )}
      <Button type="submit" appearance="secondary-action-button" disabled={form.busy}>
        {t('fundingRequestSubmit')}
      </Button>
    </form>
  );
}

export function ReferralScreen({ referralId, user }: { readonly referralId: string; readonly user: SessionUser }) {
  const { t, label } = useI18n();
  const referral = useLoad(() => serviceGet<Referral>('care-provider', `/referrals/${referralId}`), referralId);
  const screeningStarted = useRef(false);
  const heading = (
    <Heading1 tabIndex={-1}>
      {t('referralTitle')} {referralId.slice(0, 8)}
    </Heading1>
  );
  if (referral.state === 'loading')
    return (
      <>
        {heading}
        <Loading />
      </>
    );
  if (referral.state === 'error')
    return (
      <>
        {heading}
        <ProblemAlert problem={referral.problem} />
      </>
    );
  const r = referral.data;
  // Screening starts with the first findings or advice; once started here it is not started again,
  // whether or not the inbox has caught up yet.
  const startScreening: StartScreening = async () => {
    if (r.screening.status !== 'not-started' || screeningStarted.current) return undefined;
    const answer = await servicePost('care-provider', `/referrals/${r.referralId}/screening/start`, {});
    if (answer.ok) screeningStarted.current = true;
    return answer;
  };
  return (
    <>
      {heading}
      <DataList>
        <DataListItem>
          <DataListKey>{t('colFrom')}</DataListKey>
          <DataListValue>{r.fromOrganisationId}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('colRoute')}</DataListKey>
          <DataListValue>{label('referralRoute', r.route)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('colReason')}</DataListKey>
          <DataListValue>{r.reason}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('colDeadline')}</DataListKey>
          <DataListValue>
            {r.replyDeadline} {r.overdue ? `(${t('overdue')})` : ''}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('colStatus')}</DataListKey>
          <DataListValue>
            <span data-testid="referral-status">{label('status', r.status)}</span>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('screeningTitle')}</DataListKey>
          <DataListValue>
            <span data-testid="screening-status">{r.screening.advice ? t('adviceSaved') : r.screening.status}</span>
          </DataListValue>
        </DataListItem>
      </DataList>
      <Paragraph>
        <Link href={href('zaak', r.caseId)}>{t('caseTitle')}</Link>
      </Paragraph>
      {r.status === 'received' && <AnswerForms referral={r} onChanged={referral.reload} />}
      {r.status === 'accepted' && (
        <>
          <ClinicalForm referral={r} onChanged={referral.reload} startScreening={startScreening} />
          {!r.screening.advice && <AdviceForm referral={r} onChanged={referral.reload} startScreening={startScreening} />}
          <FundingRequestForm referral={r} />
        </>
      )}
      {r.status === 'accepted' && <ReferralCareWork referralId={r.referralId} record={r} user={user} onChanged={referral.reload} />}
    </>
  );
}
