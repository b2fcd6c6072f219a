// The care provider's work on an accepted referral after the screening: IPS (the job
// coach, the eight intake sessions), treatment episodes (start, end), discharge, and
// claims on granted funding with what the insurer settled or rejected and what remains.
// Each form shows only to the role the care-provider service lets do it (job coach and
// claims: screener or IPS worker; intake sessions: IPS worker; treatment and discharge:
// screener); the service stays the authority and its refusals show beside the fields.
import { Button, DataList, DataListItem, DataListKey, DataListValue, Heading2, Heading3, Paragraph, Table, TableBody, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { amsterdamDate, servicePost } from '../api';
import { Notice, numberOrText, ProblemAlert, SelectField, TableHead, TextField, useFormState } from '../components';
import { useI18n, type TextKey } from '../i18n';
import { colleaguesOf, useDirectory } from '../directory';
import type { SessionUser } from '../session';

/** What the care-provider service's GET /referrals/:referralId answers about IPS, treatment, discharge and funding. */
export interface ReferralCareRecord {
  readonly ips: { readonly jobCoachId: string | null; readonly intakeSessions: readonly { readonly sessionNumber: number; readonly heldOn: string }[] };
  readonly treatmentEpisodes: readonly { readonly episodeId: string; readonly startDate: string; readonly endDate: string | null; readonly endReason: string | null }[];
  readonly discharge: { readonly dischargedOn: string; readonly reasonCode: string | null } | null;
  readonly funding: readonly FundingWithClaims[];
}

interface FundingWithClaims {
  readonly fundingRequestId: string;
  readonly insurerId: string;
  readonly instrument: string;
  readonly status: string;
  readonly grant: { readonly units: number; readonly amountCents: number; readonly periodFrom: string; readonly periodTo: string } | null;
  readonly refusal: { readonly reasonCode: string | null; readonly reason: string | null } | null;
  readonly claims: readonly {
    readonly claimId: string;
    readonly units: number;
    readonly amountCents: number;
    readonly periodFrom: string;
    readonly periodTo: string;
    readonly status: string;
    readonly settlement: { readonly amountCents: number; readonly settledOn: string | null } | null;
    readonly rejection: { readonly reason: string | null; readonly detail: string | null } | null;
  }[];
}

const IPS_SESSIONS = [1, 2, 3, 4, 5, 6, 7, 8];
const TREATMENT_END_REASONS = ['completed', 'client-stopped', 'referred-elsewhere', 'other'];
const DISCHARGE_REASONS = ['care-completed', 'client-stopped', 'referred-elsewhere', 'client-moved', 'other'];

function useEuro() {
  const { language } = useI18n();
  return (cents: number) => (cents / 100).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' });
}

/** A form posting to the referral: the service's refusal beside the fields, a notice once accepted. */
function CareForm({
  id,
  title,
  fields,
  form,
  saved,
  submitLabel,
  onSubmit,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly string[];
  readonly form: { readonly problem: ReturnType<typeof useFormState>['problem']; readonly busy: boolean };
  /** What was saved, as a label key: the notice follows a change of language. */
  readonly saved: TextKey | undefined;
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
      {form.problem && <ProblemAlert problem={form.problem} shownFields={fields} />}
      {saved && <Notice>{t(saved)}</Notice>}
      {children}
      <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
        {submitLabel}
      </Button>
    </form>
  );
}

function useReferralCommand<T extends Record<string, unknown>>(initial: T, onChanged: () => void) {
  const form = useFormState(initial);
  const [saved, setSaved] = useState<TextKey | undefined>();
  const send = (path: string, body: unknown, message: TextKey) => {
    setSaved(undefined);
    void form.submit(
      () => servicePost('care-provider', path, body),
      () => {
        setSaved(message);
        onChanged();
      },
    );
  };
  return { form, saved, send };
}

function IpsSessionForm({ referralId, open, onChanged }: { readonly referralId: string; readonly open: readonly number[]; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const session = useReferralCommand({ sessionNumber: String(open[0] ?? 1), heldOn: amsterdamDate() }, onChanged);
  return (
    <CareForm
      id="ips-session"
      title={t('ipsSessionRecord')}
      fields={['/sessionNumber', '/heldOn']}
      form={session.form}
      saved={session.saved}
      submitLabel={t('ipsSessionRecord')}
      onSubmit={() =>
        session.send(`/referrals/${referralId}/ips/intake-sessions`, { sessionNumber: Number(session.form.values.sessionNumber), heldOn: session.form.values.heldOn }, 'ipsSessionRecorded')
      }
    >
      <SelectField
        id="ips-session-number"
        field="/sessionNumber"
        label={t('ipsSessionNumber')}
        {...session.form.bind('sessionNumber')}
        options={open.map((n) => ({ value: String(n), label: String(n) }))}
        required
      />
      <TextField id="ips-session-on" field="/heldOn" type="date" label={t('heldOn')} {...session.form.bind('heldOn')} required />
    </CareForm>
  );
}

function IpsSection({ referralId, record, user, onChanged }: { readonly referralId: string; readonly record: ReferralCareRecord; readonly user: SessionUser; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const roles = user.roles;
  const coaches = colleaguesOf(useDirectory(), user.organisationId, ['ips-worker']);
  const coach = useReferralCommand({ jobCoachId: '' }, onChanged);
  const held = new Map(record.ips.intakeSessions.map((s) => [s.sessionNumber, s.heldOn]));
  const open = IPS_SESSIONS.filter((n) => !held.has(n));
  return (
    <section aria-labelledby="ips-heading" className="wcc-section" data-section="ips">
      <Heading2 id="ips-heading">{t('ipsTitle')}</Heading2>
      <DataList>
        <DataListItem>
          <DataListKey>{t('jobCoach')}</DataListKey>
          <DataListValue>
            <span data-testid="ips-job-coach">{record.ips.jobCoachId ?? t('notRecorded')}</span>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('ipsSessions')}</DataListKey>
          <DataListValue>
            <span data-testid="ips-sessions">
              {record.ips.intakeSessions.length} {t('of')} {IPS_SESSIONS.length}
              {record.ips.intakeSessions.length > 0 && `: ${record.ips.intakeSessions.map((s) => `${s.sessionNumber} (${s.heldOn})`).join(', ')}`}
            </span>
          </DataListValue>
        </DataListItem>
      </DataList>
      {!record.discharge && record.ips.jobCoachId === null && (roles.includes('screener') || roles.includes('ips-worker')) && (
        <CareForm
          id="job-coach"
          title={t('jobCoachAssign')}
          fields={['/jobCoachId']}
          form={coach.form}
          saved={coach.saved}
          submitLabel={t('jobCoachAssign')}
          onSubmit={() => coach.send(`/referrals/${referralId}/ips/job-coach`, { jobCoachId: coach.form.values.jobCoachId.trim() }, 'jobCoachAssigned')}
        >
          <TextField id="job-coach-id" field="/jobCoachId" label={t('jobCoachId')} suggestions={coaches} {...coach.form.bind('jobCoachId')} required />
        </CareForm>
      )}
      {!record.discharge && record.ips.jobCoachId !== null && open.length > 0 && roles.includes('ips-worker') && (
        <IpsSessionForm key={open.join(',')} referralId={referralId} open={open} onChanged={onChanged} />
      )}
    </section>
  );
}

function TreatmentSection({
  referralId,
  record,
  roles,
  onChanged,
}: {
  readonly referralId: string;
  readonly record: ReferralCareRecord;
  readonly roles: readonly string[];
  readonly onChanged: () => void;
}) {
  const { t, label } = useI18n();
  const openEpisode = record.treatmentEpisodes.find((e) => e.endDate === null);
  const start = useReferralCommand({ startDate: amsterdamDate() }, onChanged);
  const end = useReferralCommand({ endDate: amsterdamDate(), endReason: 'completed' }, onChanged);
  const discharge = useReferralCommand({ dischargedOn: amsterdamDate(), reasonCode: 'care-completed' }, onChanged);
  const screener = roles.includes('screener');
  return (
    <section aria-labelledby="treatment-heading" className="wcc-section" data-section="treatment">
      <Heading2 id="treatment-heading">{t('treatmentTitle')}</Heading2>
      <Paragraph>{t('treatmentNotice')}</Paragraph>
      {record.treatmentEpisodes.length === 0 ? (
        <Paragraph>{t('none')}</Paragraph>
      ) : (
        <Table className="wcc-table" data-testid="treatment-episodes">
          <TableHead caption={t('treatmentTitle')} columns={[t('startDate'), t('endDate'), t('endReason')]} />
          <TableBody>
            {record.treatmentEpisodes.map((e) => (
              <TableRow key={e.episodeId} data-episode={e.endDate === null ? 'open' : 'ended'}>
                <TableCell>{e.startDate}</TableCell>
                <TableCell>{e.endDate ?? t('treatmentOngoing')}</TableCell>
                <TableCell>{e.endReason ? label('treatmentEnd', e.endReason) : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {record.discharge ? (
        <Paragraph data-testid="discharged">
          {t('dischargedOn')} {record.discharge.dischargedOn} ({label('discharge', record.discharge.reasonCode)})
        </Paragraph>
      ) : screener && openEpisode ? (
        <CareForm
          key={openEpisode.episodeId}
          id="treatment-end"
          title={t('treatmentEnd')}
          fields={['/endDate', '/endReason']}
          form={end.form}
          saved={end.saved}
          submitLabel={t('treatmentEnd')}
          onSubmit={() => end.send(`/referrals/${referralId}/treatment-episodes/current/end`, end.form.values, 'treatmentEnded')}
        >
          <TextField id="treatment-end-date" field="/endDate" type="date" label={t('endDate')} {...end.form.bind('endDate')} required />
          <SelectField
            id="treatment-end-reason"
            field="/endReason"
            label={t('endReason')}
            {...end.form.bind('endReason')}
            options={TREATMENT_END_REASONS.map((r) => ({ value: r, label: label('treatmentEnd', r) }))}
            required
          />
        </CareForm>
      ) : screener ? (
        <>
          <CareForm
            key={`start-${record.treatmentEpisodes.length}`}
            id="treatment-start"
            title={t('treatmentStart')}
            fields={['/startDate']}
            form={start.form}
            saved={start.saved}
            submitLabel={t('treatmentStart')}
            onSubmit={() => start.send(`/referrals/${referralId}/treatment-episodes`, start.form.values, 'treatmentStarted')}
          >
            <TextField id="treatment-start-date" field="/startDate" type="date" label={t('startDate')} {...start.form.bind('startDate')} required />
          </CareForm>
          <CareForm
            id="discharge"
            title={t('dischargeTitle')}
            fields={['/dischargedOn', '/reasonCode']}
            form={discharge.form}
            saved={discharge.saved}
            submitLabel={t('dischargeSubmit')}
            onSubmit={() => discharge.send(`/referrals/${referralId}/discharge`, discharge.form.values, 'discharged')}
          >
            <Paragraph>{t('dischargeNotice')}</Paragraph>
            <TextField id="discharge-on" field="/dischargedOn" type="date" label={t('dischargedOn')} {...discharge.form.bind('dischargedOn')} required />
            <SelectField
              id="discharge-reason"
              field="/reasonCode"
              label={t('dischargeReason')}
              {...discharge.form.bind('reasonCode')}
              options={DISCHARGE_REASONS.map((r) => ({ value: r, label: label('discharge', r) }))}
              required
            />
          </CareForm>
        </>
      ) : null}
    </section>
  );
}

function ClaimForm({ funding, onChanged }: { readonly funding: FundingWithClaims; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const id = funding.fundingRequestId.slice(0, 8);
  const claim = useReferralCommand({ units: '1', amount: '', periodFrom: funding.grant?.periodFrom ?? amsterdamDate(), periodTo: amsterdamDate() }, onChanged);
  const v = claim.form.values;
  return (
    <CareForm
      id={`claim-${id}`}
      title={t('claimSubmitTitle')}
      fields={['/units', '/amountCents', '/periodFrom', '/periodTo']}
      form={claim.form}
      saved={claim.saved}
      submitLabel={t('claimSubmit')}
      onSubmit={() => {
        const amount = numberOrText(v.amount);
        claim.send(
          `/funding-requests/${funding.fundingRequestId}/claims`,
          {
            instrument: funding.instrument,
            units: numberOrText(v.units),
            amountCents: typeof amount === 'number' ? Math.round(amount * 100) : amount,
            periodFrom: v.periodFrom,
            periodTo: v.periodTo,
          },
          'claimSubmitted',
        );
      }}
    >
      <TextField id={`claim-units-${id}`} field="/units" label={t('units')} value={v.units} onChange={claim.form.set('units')} problem={claim.form.problem} inputMode="numeric" required />
      <TextField
        id={`claim-amount-${id}`}
        field="/amountCents"
        label={t('amountEuro')}
        value={v.amount}
        onChange={claim.form.set('amount')}
        problem={claim.form.problem}
        inputMode="decimal"
        required
      />
      <TextField id={`claim-from-${id}`} field="/periodFrom" type="date" label={t('periodFrom')} value={v.periodFrom} onChange={claim.form.set('periodFrom')} problem={claim.form.problem} required />
      <TextField id={`claim-to-${id}`} field="/periodTo" type="date" label={t('periodTo')} value={v.periodTo} onChange={claim.form.set('periodTo')} problem={claim.form.problem} required />
    </CareForm>
  );
}

/** Claims with their settlement or rejection, and what remains of the grant (settled claims only count). */
export function ClaimsTable({ claims, caption }: { readonly claims: FundingWithClaims['claims']; readonly caption: string }) {
  const { t, label } = useI18n();
  const euro = useEuro();
  if (claims.length === 0) return <Paragraph>{t('claimsNone')}</Paragraph>;
  return (
    <Table className="wcc-table">
      <TableHead caption={caption} columns={[t('claimPeriod'), t('units'), t('amountEuro'), t('colStatus')]} />
      <TableBody>
        {claims.map((c) => (
          <TableRow key={c.claimId} data-claim-status={c.status}>
            <TableCell>
              {c.periodFrom} – {c.periodTo}
            </TableCell>
            <TableCell>{c.units}</TableCell>
            <TableCell>{euro(c.amountCents)}</TableCell>
            <TableCell>
              {label('claim', c.status)}
              {c.settlement ? ` · ${euro(c.settlement.amountCents)}${c.settlement.settledOn ? ` (${c.settlement.settledOn})` : ''}` : ''}
              {c.rejection ? ` · ${label('claimRejection', c.rejection.reason)}${c.rejection.detail ? `: ${c.rejection.detail}` : ''}` : ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ClaimsSection({ record, onChanged }: { readonly record: ReferralCareRecord; readonly onChanged: () => void }) {
  const { t, label } = useI18n();
  const euro = useEuro();
  if (record.funding.length === 0) return null;
  return (
    <section aria-labelledby="claims-heading" className="wcc-section" data-section="claims">
      <Heading2 id="claims-heading">{t('claimsTitle')}</Heading2>
      {record.funding.map((f) => {
        const settled = f.claims.filter((c) => c.status === 'settled');
        const settledUnits = settled.reduce((sum, c) => sum + c.units, 0);
        const settledCents = settled.reduce((sum, c) => sum + (c.settlement?.amountCents ?? c.amountCents), 0);
        return (
          <div key={f.fundingRequestId} data-funding={f.fundingRequestId}>
            <Heading3>
              {label('instrument', f.instrument)} · {f.insurerId} · {label('status', f.status)}
            </Heading3>
            {f.grant ? (
              <>
                <Paragraph data-testid="grant-remaining">
                  {t('granted')}: {f.grant.units} × · {euro(f.grant.amountCents)} ({f.grant.periodFrom} – {f.grant.periodTo}) · {t('settled')}: {settledUnits} · {euro(settledCents)} · {t('remaining')}
                  : {f.grant.units - settledUnits} · {euro(f.grant.amountCents - settledCents)}
                </Paragraph>
                <ClaimsTable claims={f.claims} caption={`${t('claimsTitle')} ${label('instrument', f.instrument)}`} />
                <ClaimForm key={f.claims.length} funding={f} onChanged={onChanged} />
              </>
            ) : f.refusal ? (
              <Paragraph>
                {label('refusal', f.refusal.reasonCode)}: {f.refusal.reason}
              </Paragraph>
            ) : (
              <Paragraph>{t('fundingAwaitingDecision')}</Paragraph>
            )}
          </div>
        );
      })}
    </section>
  );
}

export function ReferralCareWork({
  referralId,
  record,
  user,
  onChanged,
}: {
  readonly referralId: string;
  readonly record: ReferralCareRecord;
  readonly user: SessionUser;
  readonly onChanged: () => void;
}) {
  return (
    <>
      <IpsSection referralId={referralId} record={record} user={user} onChanged={onChanged} />
      <TreatmentSection referralId={referralId} record={record} roles={user.roles} onChanged={onChanged} />
      <ClaimsSection record={record} onChanged={onChanged} />
    </>
  );
}
