// What the municipality does on a case: regie (take it, transfer it), benefit changes
// (client managers only, as the service rules), dropout and closure; record consent
// (purpose, recipient organisation types, data categories) and refer to a care provider
// or the employer network with a deadline; and the client's own overview of who received
// or viewed their data.
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { amsterdamDate, serviceGet, servicePost, type Answer } from '../api';
import { BooleanField, CheckboxGroup, Loading, Notice, numberOrText, ProblemAlert, SelectField, TableHead, TextField, useFormState, useLoad } from '../components';
import { useI18n, type TextKey } from '../i18n';
import { colleaguesOf, organisationsOf, useDirectory } from '../directory';
import type { SessionUser } from '../session';
import type { CaseSummary } from './case-types';

const ORG_TYPES = ['municipality', 'care-provider', 'insurer', 'employer-network'];
const CATEGORIES = ['identifying', 'work', 'care-summary', 'financial', 'administrative'];
const PURPOSES = ['chain-coordination', 'care', 'research'];
const ROUTES = ['home-visit', 'first-psychosis', 'ggz-intake-wish', 'occupational-physician', 'ggz-screening', 'ips', 'matching', 'other'];

const MOMENTS = ['baseline', '6-months', '12-months'];
const ZRM_DOMAINS: readonly [string, string, string][] = [
  ['finances', 'Financiën', 'Finances'],
  ['daytime-activities', 'Dagbesteding', 'Daytime activities'],
  ['housing', 'Huisvesting', 'Housing'],
  ['domestic-relations', 'Huiselijke relaties', 'Domestic relations'],
  ['mental-health', 'Geestelijke gezondheid', 'Mental health'],
  ['physical-health', 'Lichamelijke gezondheid', 'Physical health'],
  ['addiction', 'Verslaving', 'Addiction'],
  ['daily-living-skills', 'ADL-vaardigheden', 'Daily living skills'],
  ['social-network', 'Sociaal netwerk', 'Social network'],
  ['community-participation', 'Maatschappelijke participatie', 'Community participation'],
  ['justice', 'Justitie', 'Justice'],
];

function MeasurementForm({ caseId, onChanged }: { readonly caseId: string; readonly onChanged: () => void }) {
  const { t, language } = useI18n();
  const form = useFormState({ moment: 'baseline', measuredOn: amsterdamDate(), ladderRung: '2', growthPotential: true, zrm: Object.fromEntries(ZRM_DOMAINS.map(([d]) => [d, '3'])) });
  const [saved, setSaved] = useState(false);
  const v = form.values;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void form.submit(
      () =>
        servicePost('municipality', `/cases/${caseId}/measurements`, {
          moment: v.moment,
          measuredOn: v.measuredOn,
          ladderRung: Number(v.ladderRung),
          growthPotential: v.growthPotential,
          zrm: Object.fromEntries(Object.entries(v.zrm).map(([d, score]) => [d, Number(score)])),
        }),
      () => {
        setSaved(true);
        onChanged();
      },
    );
  };
  const scores = ['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: n }));
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="measurement-heading" className="wcc-form">
      <Heading3 id="measurement-heading">{t('measurementTitle')}</Heading3>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/moment', '/measuredOn', '/ladderRung', '/zrm']} />}
      {saved && <Notice>{t('measurementSaved')}</Notice>}
      <SelectField
        id="measurement-moment"
        field="/moment"
        label={t('measurementMoment')}
        {...form.bind('moment')}
        options={MOMENTS.map((m) => ({ value: m, label: t(`moment_${m}` as TextKey) }))}
        required
      />
      <TextField id="measurement-date" field="/measuredOn" type="date" label={t('measuredOn')} {...form.bind('measuredOn')} required />
      <SelectField
        id="measurement-rung"
        field="/ladderRung"
        label={t('ladderRung')}
        {...form.bind('ladderRung')}
        options={['1', '2', '3', '4', '5', '6'].map((n) => ({ value: n, label: n }))}
        required
      />
      <BooleanField id="measurement-growth" label={t('growthPotential')} checked={v.growthPotential} onChange={form.set('growthPotential')} />
      <fieldset className="wcc-zrm">
        <legend>{t('zrmScores')}</legend>
        {ZRM_DOMAINS.map(([domain, nl, en]) => (
          <SelectField
            key={domain}
            id={`zrm-${domain}`}
            field={`/zrm/${domain}`}
            label={language === 'nl' ? nl : en}
            value={v.zrm[domain] ?? '3'}
            onChange={(score) => form.setValues((x) => ({ ...x, zrm: { ...x.zrm, [domain]: score } }))}
            problem={form.problem}
            options={scores}
          />
        ))}
      </fieldset>
      <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
        {form.busy ? t('saving') : t('measurementSubmit')}
      </Button>
    </form>
  );
}

function ConsentForm({ caseId, onChanged }: { readonly caseId: string; readonly onChanged: () => void }) {
  const { t, label } = useI18n();
  const empty = { purpose: 'chain-coordination', organisationTypes: [] as string[], dataCategories: [] as string[], validFrom: amsterdamDate() };
  const form = useFormState(empty);
  const [saved, setSaved] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void form.submit(
      () => servicePost('municipality', `/cases/${caseId}/consents`, form.values),
      () => {
        setSaved(true);
        // Recorded: it shows in the table above; the form is ready for the next one.
        form.setValues(empty);
        onChanged();
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="consent-heading" className="wcc-form">
      <Heading3 id="consent-heading">{t('consentTitle')}</Heading3>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/purpose', '/organisationTypes', '/dataCategories', '/validFrom']} />}
      {saved && <Notice>{t('consentSaved')}</Notice>}
      <SelectField id="consent-purpose" field="/purpose" label={t('consentPurpose')} {...form.bind('purpose')} options={PURPOSES.map((p) => ({ value: p, label: label('purpose', p) }))} required />
      <CheckboxGroup
        id="consent-orgs"
        field="/organisationTypes"
        legend={t('consentRecipients')}
        values={form.values.organisationTypes}
        onChange={form.set('organisationTypes')}
        problem={form.problem}
        options={ORG_TYPES.map((o) => ({ value: o, label: t(`orgType_${o}` as TextKey) }))}
      />
      <CheckboxGroup
        id="consent-categories"
        field="/dataCategories"
        legend={t('consentCategories')}
        values={form.values.dataCategories}
        onChange={form.set('dataCategories')}
        problem={form.problem}
        options={CATEGORIES.map((c) => ({ value: c, label: label('cat', c) }))}
      />
      <TextField id="consent-valid-from" field="/validFrom" type="date" label={t('validFrom')} {...form.bind('validFrom')} required />
      <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
        {form.busy ? t('saving') : t('consentSubmit')}
      </Button>
    </form>
  );
}

function ReferralForm({ caseId, onChanged }: { readonly caseId: string; readonly onChanged: () => void }) {
  const { t, label } = useI18n();
  const directory = useDirectory();
  const form = useFormState({ toOrganisationId: '', toOrganisationType: 'care-provider', route: 'ggz-screening', reason: '', replyDeadline: amsterdamDate(14) });
  const [saved, setSaved] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void form.submit(
      () => servicePost('municipality', `/cases/${caseId}/referrals`, { ...form.values, toOrganisationId: form.values.toOrganisationId.trim() }),
      () => {
        setSaved(true);
        onChanged();
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="refer-heading" className="wcc-form">
      <Heading3 id="refer-heading">{t('referTitle')}</Heading3>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/toOrganisationId', '/toOrganisationType', '/route', '/reason', '/replyDeadline']} />}
      {saved && <Notice>{t('referred')}</Notice>}
      <SelectField
        id="refer-type"
        field="/toOrganisationType"
        label={t('referToType')}
        {...form.bind('toOrganisationType')}
        options={['care-provider', 'employer-network'].map((o) => ({ value: o, label: t(`orgType_${o}` as TextKey) }))}
        required
      />
      <TextField
        id="refer-to"
        field="/toOrganisationId"
        label={t('referTo')}
        description="ggz-vip-amsterdam, wsp-amsterdam, …"
        suggestions={organisationsOf(directory, form.values.toOrganisationType === 'employer-network' ? 'employer-network' : 'care-provider')}
        {...form.bind('toOrganisationId')}
        required
      />
      <SelectField id="refer-route" field="/route" label={t('route')} {...form.bind('route')} options={ROUTES.map((r) => ({ value: r, label: label('referralRoute', r) }))} required />
      <TextField id="refer-reason" field="/reason" label={t('reason')} {...form.bind('reason')} multiline required />
      <TextField id="refer-deadline" field="/replyDeadline" type="date" label={t('replyDeadline')} {...form.bind('replyDeadline')} required />
      <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
        {form.busy ? t('saving') : t('referSubmit')}
      </Button>
    </form>
  );
}

interface Overview {
  readonly title?: { readonly nl: string; readonly en: string } | string;
  readonly entries: readonly {
    readonly at?: string;
    readonly occurredAt?: string;
    readonly organisationId?: string;
    readonly recipientOrganisationId?: string;
    readonly activity?: { readonly nl: string; readonly en: string } | string;
    readonly kind?: string;
  }[];
}

function ClientOverview({ clientKey }: { readonly clientKey: string }) {
  const { t, language } = useI18n();
  const form = useFormState({});
  const [overview, setOverview] = useState<Overview | undefined>();
  const text = (value: { nl: string; en: string } | string | undefined) => (value === undefined ? '—' : typeof value === 'string' ? value : value[language]);
  return (
    <section aria-labelledby="overview-heading" className="wcc-form">
      <Heading3 id="overview-heading">{t('overviewTitle')}</Heading3>
      {form.problem && <ProblemAlert problem={form.problem} />}
      <Button
        appearance="secondary-action-button"
        disabled={form.busy}
        onClick={() => void form.submit<Overview>(() => servicePost('exchange-log', '/data-subject-overviews', { clientKey }), setOverview)}
      >
        {t('overviewSubmit')}
      </Button>
      {overview && (
        <>
          <Table className="wcc-table">
            <TableHead caption={text(overview.title)} columns={[t('colWhen'), t('colRecipient'), t('colActivity')]} />
            <TableBody>
              {overview.entries.map((entry, i) => (
                <TableRow key={i}>
                  <TableCell>{entry.at ?? entry.occurredAt ?? '—'}</TableCell>
                  <TableCell>{entry.recipientOrganisationId ?? entry.organisationId ?? '—'}</TableCell>
                  <TableCell>{text(entry.activity)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Button appearance="subtle-button" onClick={() => window.print()}>
            {t('print')}
          </Button>
        </>
      )}
    </section>
  );
}

export function MunicipalityCaseActions({ caseId, summary, user, onChanged }: { readonly caseId: string; readonly summary: CaseSummary; readonly user: SessionUser; readonly onChanged: () => void }) {
  const { t, label } = useI18n();
  const withdrawal = useFormState({});
  return (
    <>
      <CaseDirection caseId={caseId} user={user} onChanged={onChanged} />
      <section aria-labelledby="municipality-actions" className="wcc-section" data-section="municipality-actions">
        <Heading2 id="municipality-actions">{t('consentsTitle')}</Heading2>
        {withdrawal.problem && <ProblemAlert problem={withdrawal.problem} />}
        {summary.consents.length === 0 ? (
          <Paragraph>{t('none')}</Paragraph>
        ) : (
          <Table className="wcc-table">
            <TableCaption className="wcc-visually-hidden">{t('consentsTitle')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('consentPurpose')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('consentRecipients')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('consentCategories')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('colStatus')}</TableHeaderCell>
                <TableHeaderCell scope="col">
                  <span className="wcc-visually-hidden">{t('withdraw')}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.consents.map((c) => (
                <TableRow key={c.consentId}>
                  <TableCell>{label('purpose', c.purpose)}</TableCell>
                  <TableCell>{c.organisationTypes.map((o) => t(`orgType_${o}` as TextKey) ?? o).join(', ')}</TableCell>
                  <TableCell>{c.dataCategories.map((d) => label('cat', d)).join(', ')}</TableCell>
                  <TableCell>{label('status', c.status)}</TableCell>
                  <TableCell>
                    {c.status === 'granted' && (
                      <Button
                        appearance="subtle-button"
                        disabled={withdrawal.busy}
                        aria-label={`${t('withdraw')}: ${c.organisationTypes.map((o) => t(`orgType_${o}` as TextKey)).join(', ')}`}
                        onClick={() => void withdrawal.submit(() => servicePost('municipality', `/cases/${caseId}/consents/${c.consentId}/withdraw`, {}), onChanged)}
                      >
                        {t('withdraw')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <ConsentForm caseId={caseId} onChanged={onChanged} />
        <ReferralForm caseId={caseId} onChanged={onChanged} />
        <MeasurementForm caseId={caseId} onChanged={onChanged} />
        {summary.clientKey && <ClientOverview clientKey={summary.clientKey} />}
      </section>
    </>
  );
}

// ---------------------------------------------------------------------------------
// Regie, benefit, dropout and closure: read from the municipality's own case file (its
// event stream, current the moment a command is answered), not the case view, so the
// form that fits the case's state shows right after a change.

const BENEFITS = ['wwb', 'wajong', 'wia', 'ww', 'ioaw-ioaz', 'bbz', 'none'];
const BENEFIT_END_REASONS = ['employee', 'self-employed', 'study', 'subsidised-work', 'relationship', 'moved', 'pension', 'detention', 'other'];
const DROPOUT_PHASES = ['before-start', 'screening', 'assessment', 'trial-placement', 'placement', 'aftercare'];
const DROPOUT_REASONS = ['care-advice', 'motivation', 'illness', 'detention', 'childcare', 'moved', 'own-request', 'returned-to-municipality', 'other'];
const CLOSURE_REASONS = ['outflow-to-work', 'outflow-to-education', 'completed', 'dropped-out', 'moved', 'other'];

/** The part of the municipality's case file (GET /cases/:caseId) these forms read. */
interface MunicipalCaseFile {
  readonly status: 'open' | 'dropped-out' | 'closed';
  readonly regie: { readonly owner?: { readonly userId: string; readonly organisationId: string; readonly since: string } };
  readonly benefit: { readonly status: 'active' | 'ended' | 'none'; readonly benefitType: string; readonly monthlyAmountCents: number; readonly since?: string; readonly endReasonCode?: string };
  readonly dropout?: { readonly phase: string; readonly reasonCode: string; readonly droppedOutOn: string };
  readonly closure?: { readonly reasonCode: string };
}

/** Euro as typed ("1250,50") to cents for the body; what is not a number goes as typed, so the service names the field. */
function centsOf(value: string): number | string {
  const n = numberOrText(value);
  return typeof n === 'number' ? Math.round(n * 100) : n;
}

/** One small form of the case's direction: a heading, the service's refusal, a notice when saved, the fields and a button. */
function DirectionForm({
  id,
  title,
  fields,
  problem,
  saved,
  busy,
  submitLabel,
  onSubmit,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly string[];
  readonly problem: ReturnType<typeof useFormState>['problem'];
  /** What was saved, as a label key: the notice follows a change of language. */
  readonly saved: TextKey | undefined;
  readonly busy: boolean;
  readonly submitLabel: string;
  readonly onSubmit: () => void;
  readonly children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
      aria-labelledby={`${id}-heading`}
      className="wcc-form"
      data-form={id}
    >
      <Heading3 id={`${id}-heading`}>{title}</Heading3>
      {problem && <ProblemAlert problem={problem} shownFields={fields} />}
      {saved && <Notice>{t(saved)}</Notice>}
      {children}
      <Button type="submit" appearance="primary-action-button" disabled={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}

/** A form that posts to the case and reloads both the case file and the case view when the service accepts. */
function useCaseCommand<T extends Record<string, unknown>>(initial: T, done: () => void) {
  const form = useFormState(initial);
  const [saved, setSaved] = useState<TextKey | undefined>();
  const send = (path: string, body: unknown, message: TextKey, after?: () => void) => {
    setSaved(undefined);
    void form.submit(
      (): Promise<Answer<unknown>> => servicePost('municipality', path, body),
      () => {
        setSaved(message);
        after?.();
        done();
      },
    );
  };
  return { form, saved, send };
}

function RegieForms({ caseId, file, user, done }: { readonly caseId: string; readonly file: MunicipalCaseFile; readonly user: SessionUser; readonly done: () => void }) {
  const { t } = useI18n();
  const colleagues = colleaguesOf(useDirectory(), user.organisationId, ['client-manager', 'regisseur']);
  const take = useCaseCommand({ userId: user.userId }, done);
  const transfer = useCaseCommand({ toUserId: '', reason: '' }, done);
  const owner = file.regie.owner;
  if (!owner)
    return (
      <DirectionForm
        id="regie-take"
        title={t('regieTake')}
        fields={['/userId']}
        problem={take.form.problem}
        saved={take.saved}
        busy={take.form.busy}
        submitLabel={t('regieTakeSubmit')}
        onSubmit={() => take.send(`/cases/${caseId}/regie`, { userId: take.form.values.userId.trim() }, 'regieTaken')}
      >
        <TextField id="regie-user" field="/userId" label={t('regieOwnerUser')} description={t('regieOwnerHint')} suggestions={colleagues} {...take.form.bind('userId')} required />
      </DirectionForm>
    );
  return (
    <DirectionForm
      id="regie-transfer"
      title={t('regieTransfer')}
      fields={['/toUserId', '/reason']}
      problem={transfer.form.problem}
      saved={transfer.saved}
      busy={transfer.form.busy}
      submitLabel={t('regieTransferSubmit')}
      onSubmit={() =>
        transfer.send(`/cases/${caseId}/regie/transfer`, { toUserId: transfer.form.values.toUserId.trim(), reason: transfer.form.values.reason }, 'regieTransferred', () =>
          transfer.form.setValues({ toUserId: '', reason: '' }),
        )
      }
    >
      <TextField id="regie-to" field="/toUserId" label={t('regieTo')} description={t('regieOwnerHint')} suggestions={colleagues} {...transfer.form.bind('toUserId')} required />
      <TextField id="regie-reason" field="/reason" label={t('reason')} {...transfer.form.bind('reason')} multiline required />
    </DirectionForm>
  );
}

function BenefitForms({ caseId, file, done }: { readonly caseId: string; readonly file: MunicipalCaseFile; readonly done: () => void }) {
  const { t, label } = useI18n();
  const benefitOptions = BENEFITS.map((b) => ({ value: b, label: b.toUpperCase() }));
  const adjust = useCaseCommand({ benefitType: file.benefit.benefitType, amount: '', effectiveFrom: amsterdamDate(), reason: '' }, done);
  const end = useCaseCommand({ reasonCode: 'employee', reasonText: '', endedOn: amsterdamDate() }, done);
  const reapply = useCaseCommand({ benefitType: 'wwb', amount: '', reappliedOn: amsterdamDate() }, done);
  if (file.benefit.status !== 'active')
    return (
      <DirectionForm
        id="benefit-reapply"
        title={t('benefitReapply')}
        fields={['/benefitType', '/monthlyAmountCents', '/reappliedOn']}
        problem={reapply.form.problem}
        saved={reapply.saved}
        busy={reapply.form.busy}
        submitLabel={t('benefitReapplySubmit')}
        onSubmit={() =>
          reapply.send(
            `/cases/${caseId}/benefit/reapply`,
            { benefitType: reapply.form.values.benefitType, monthlyAmountCents: centsOf(reapply.form.values.amount), reappliedOn: reapply.form.values.reappliedOn },
            'benefitReapplied',
          )
        }
      >
        <SelectField id="reapply-type" field="/benefitType" label={t('benefitType')} {...reapply.form.bind('benefitType')} options={benefitOptions} required />
        <TextField id="reapply-amount" field="/monthlyAmountCents" label={t('benefitAmount')} {...reapply.form.bind('amount')} inputMode="decimal" required />
        <TextField id="reapply-on" field="/reappliedOn" type="date" label={t('reappliedOn')} {...reapply.form.bind('reappliedOn')} required />
      </DirectionForm>
    );
  return (
    <>
      <DirectionForm
        id="benefit-adjust"
        title={t('benefitAdjust')}
        fields={['/benefitType', '/monthlyAmountCents', '/effectiveFrom', '/reason']}
        problem={adjust.form.problem}
        saved={adjust.saved}
        busy={adjust.form.busy}
        submitLabel={t('benefitAdjustSubmit')}
        onSubmit={() =>
          adjust.send(
            `/cases/${caseId}/benefit/adjust`,
            { benefitType: adjust.form.values.benefitType, monthlyAmountCents: centsOf(adjust.form.values.amount), effectiveFrom: adjust.form.values.effectiveFrom, reason: adjust.form.values.reason },
            'benefitAdjusted',
          )
        }
      >
        <SelectField id="adjust-type" field="/benefitType" label={t('benefitType')} {...adjust.form.bind('benefitType')} options={benefitOptions} required />
        <TextField id="adjust-amount" field="/monthlyAmountCents" label={t('benefitAmount')} {...adjust.form.bind('amount')} inputMode="decimal" required />
        <TextField id="adjust-from" field="/effectiveFrom" type="date" label={t('effectiveFrom')} {...adjust.form.bind('effectiveFrom')} required />
        <TextField id="adjust-reason" field="/reason" label={t('reason')} description={t('staysAtMunicipality')} {...adjust.form.bind('reason')} multiline required />
      </DirectionForm>
      <DirectionForm
        id="benefit-end"
        title={t('benefitEnd')}
        fields={['/reasonCode', '/reasonText', '/endedOn']}
        problem={end.form.problem}
        saved={end.saved}
        busy={end.form.busy}
        submitLabel={t('benefitEndSubmit')}
        onSubmit={() =>
          end.send(
            `/cases/${caseId}/benefit/end`,
            { reasonCode: end.form.values.reasonCode, ...(end.form.values.reasonText.trim() ? { reasonText: end.form.values.reasonText } : {}), endedOn: end.form.values.endedOn },
            'benefitEnded',
          )
        }
      >
        <SelectField
          id="benefit-end-reason"
          field="/reasonCode"
          label={t('benefitEndReason')}
          {...end.form.bind('reasonCode')}
          options={BENEFIT_END_REASONS.map((r) => ({ value: r, label: label('benefitEnd', r) }))}
          required
        />
        <TextField id="benefit-end-text" field="/reasonText" label={t('reasonTextIfOther')} description={t('staysAtMunicipality')} {...end.form.bind('reasonText')} multiline />
        <TextField id="benefit-end-on" field="/endedOn" type="date" label={t('endedOn')} {...end.form.bind('endedOn')} required />
      </DirectionForm>
    </>
  );
}

function EndingForms({ caseId, file, done }: { readonly caseId: string; readonly file: MunicipalCaseFile; readonly done: () => void }) {
  const { t, label } = useI18n();
  const dropout = useCaseCommand({ phase: 'placement', reasonCode: 'motivation', reasonText: '', droppedOutOn: amsterdamDate() }, done);
  const close = useCaseCommand({ reasonCode: file.status === 'dropped-out' ? 'dropped-out' : 'completed', note: '' }, done);
  if (file.status === 'closed') return null;
  return (
    <>
      {file.status === 'open' && (
        <DirectionForm
          id="dropout"
          title={t('dropoutTitle')}
          fields={['/phase', '/reasonCode', '/reasonText', '/droppedOutOn']}
          problem={dropout.form.problem}
          saved={dropout.saved}
          busy={dropout.form.busy}
          submitLabel={t('dropoutSubmit')}
          onSubmit={() => {
            const v = dropout.form.values;
            dropout.send(
              `/cases/${caseId}/dropout`,
              { phase: v.phase, reasonCode: v.reasonCode, ...(v.reasonText.trim() ? { reasonText: v.reasonText } : {}), droppedOutOn: v.droppedOutOn },
              'dropoutSaved',
            );
          }}
        >
          <SelectField
            id="dropout-phase"
            field="/phase"
            label={t('dropoutPhase')}
            {...dropout.form.bind('phase')}
            options={DROPOUT_PHASES.map((p) => ({ value: p, label: label('dropoutPhase', p) }))}
            required
          />
          <SelectField
            id="dropout-reason"
            field="/reasonCode"
            label={t('dropoutReason')}
            {...dropout.form.bind('reasonCode')}
            options={DROPOUT_REASONS.map((r) => ({ value: r, label: label('dropout', r) }))}
            required
          />
          <TextField id="dropout-text" field="/reasonText" label={t('reasonTextIfOther')} description={t('staysAtMunicipality')} {...dropout.form.bind('reasonText')} multiline />
          <TextField id="dropout-on" field="/droppedOutOn" type="date" label={t('droppedOutOn')} {...dropout.form.bind('droppedOutOn')} required />
        </DirectionForm>
      )}
      <DirectionForm
        id="close-case"
        title={t('closeCaseTitle')}
        fields={['/reasonCode', '/note']}
        problem={close.form.problem}
        saved={close.saved}
        busy={close.form.busy}
        submitLabel={t('closeCaseSubmit')}
        onSubmit={() => close.send(`/cases/${caseId}/close`, { reasonCode: close.form.values.reasonCode, ...(close.form.values.note.trim() ? { note: close.form.values.note } : {}) }, 'caseClosed')}
      >
        <SelectField
          id="close-reason"
          field="/reasonCode"
          label={t('closeReason')}
          {...close.form.bind('reasonCode')}
          options={CLOSURE_REASONS.map((r) => ({ value: r, label: label('closure', r) }))}
          required
        />
        <TextField id="close-note" field="/note" label={t('closeNote')} description={t('staysAtMunicipality')} {...close.form.bind('note')} multiline />
      </DirectionForm>
    </>
  );
}

/** Regie, benefit, dropout and closure of the case, as far as the signed-in role may change them. */
function CaseDirection({ caseId, user, onChanged }: { readonly caseId: string; readonly user: SessionUser; readonly onChanged: () => void }) {
  const { t, label, language } = useI18n();
  const file = useLoad(() => serviceGet<MunicipalCaseFile>('municipality', `/cases/${caseId}`), caseId);
  const euro = (cents: number) => (cents / 100).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' });
  const done = () => {
    file.reload();
    onChanged();
  };
  return (
    <section aria-labelledby="direction-heading" className="wcc-section" data-section="direction">
      <Heading2 id="direction-heading">{t('directionTitle')}</Heading2>
      {file.state === 'loading' ? (
        <Loading />
      ) : file.state === 'error' ? (
        <ProblemAlert problem={file.problem} />
      ) : (
        <>
          <DataList>
            <DataListItem>
              <DataListKey>{t('regie')}</DataListKey>
              <DataListValue>
                <span data-testid="regie-owner">{file.data.regie.owner ? `${file.data.regie.owner.userId} (${t('since')} ${file.data.regie.owner.since.slice(0, 10)})` : t('regieNone')}</span>
              </DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('benefitType')}</DataListKey>
              <DataListValue>
                <span data-testid="benefit-status">
                  {file.data.benefit.status === 'active'
                    ? `${file.data.benefit.benefitType.toUpperCase()} · ${euro(file.data.benefit.monthlyAmountCents)} ${t('perMonth')}`
                    : `${label('benefitStatus', file.data.benefit.status)}${file.data.benefit.endReasonCode ? ` (${label('benefitEnd', file.data.benefit.endReasonCode)})` : ''}`}
                </span>
              </DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('caseStatus')}</DataListKey>
              <DataListValue>
                <span data-testid="case-status">
                  {label('caseStatus', file.data.status)}
                  {file.data.dropout ? ` · ${label('dropout', file.data.dropout.reasonCode)} (${file.data.dropout.droppedOutOn})` : ''}
                  {file.data.closure ? ` · ${label('closure', file.data.closure.reasonCode)}` : ''}
                </span>
              </DataListValue>
            </DataListItem>
          </DataList>
          {file.data.status !== 'closed' && <RegieForms caseId={caseId} file={file.data} user={user} done={done} />}
          {/* Benefit decisions are the client manager's (the service refuses them to a regisseur). */}
          {file.data.status !== 'closed' && user.roles.includes('client-manager') && <BenefitForms key={file.data.benefit.status} caseId={caseId} file={file.data} done={done} />}
          <EndingForms key={file.data.status} caseId={caseId} file={file.data} done={done} />
        </>
      )}
    </section>
  );
}
