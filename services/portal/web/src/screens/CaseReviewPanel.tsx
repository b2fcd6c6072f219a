// The MDT case review, held by the municipality (it has regie): schedule it, record it
// held (who of which organisation sat at the table, which data categories were discussed —
// a consent refusal shows at once beside the field — and the decisions), then assign
// actions with an owner and a due date. The decision and action texts stay at the
// municipality; the chain hears the structure.
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { amsterdamDate, servicePost } from '../api';
import { CheckboxGroup, Notice, ProblemAlert, SelectField, TextField, useFormState } from '../components';
import { useI18n, type TextKey } from '../i18n';
import type { SessionUser } from '../session';
import type { CaseSummary } from './case-types';

const CATEGORIES = ['identifying', 'work', 'care-summary', 'financial', 'administrative'];

interface Party {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: string;
}

/** Who may sit at the table: this municipality and the organisations the case was referred to. */
function partiesOf(summary: CaseSummary, user: SessionUser): Party[] {
  const parties: Party[] = [{ userId: user.userId, organisationId: user.organisationId, organisationType: 'municipality' }];
  for (const r of summary.referrals) {
    if (r.toOrganisationId && r.toOrganisationType && !parties.some((p) => p.organisationId === r.toOrganisationId))
      parties.push({ userId: `${r.toOrganisationId}-mdt`, organisationId: r.toOrganisationId, organisationType: r.toOrganisationType });
  }
  return parties;
}

function ScheduleForm({ caseId, user, onChanged }: { readonly caseId: string; readonly user: SessionUser; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const form = useFormState({ date: amsterdamDate(1), time: '10:00', chairUserId: user.userId });
  const [saved, setSaved] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const local = new Date(`${form.values.date}T${form.values.time || '00:00'}`);
    void form.submit(
      () =>
        servicePost('municipality', `/cases/${caseId}/reviews`, { scheduledFor: Number.isNaN(local.getTime()) ? form.values.date : local.toISOString(), chairUserId: form.values.chairUserId.trim() }),
      () => {
        setSaved(true);
        onChanged();
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="schedule-heading" className="wcc-form">
      <Heading3 id="schedule-heading">{t('reviewSchedule')}</Heading3>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/scheduledFor', '/chairUserId']} />}
      {saved && <Notice>{t('reviewScheduled')}</Notice>}
      <TextField id="review-date" field="/scheduledFor" type="date" label={t('reviewDate2')} value={form.values.date} onChange={form.set('date')} problem={form.problem} required />
      <TextField id="review-time" field="/scheduledFor" label={t('reviewTime')} value={form.values.time} onChange={form.set('time')} problem={undefined} />
      <TextField id="review-chair" field="/chairUserId" label={t('reviewChair')} value={form.values.chairUserId} onChange={form.set('chairUserId')} problem={form.problem} required />
      <Button type="submit" appearance="secondary-action-button" disabled={form.busy}>
        {t('reviewSchedule')}
      </Button>
    </form>
  );
}

function HeldForm({ reviewId, parties, onChanged }: { readonly reviewId: string; readonly parties: readonly Party[]; readonly onChanged: () => void }) {
  const { t, label } = useI18n();
  const form = useFormState({ heldOn: amsterdamDate(), present: [parties[0]!.organisationId], categories: [] as string[], decisions: '' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const attendees = parties.filter((p) => form.values.present.includes(p.organisationId)).map((p) => ({ userId: p.userId, organisationId: p.organisationId, organisationType: p.organisationType }));
    void form.submit(
      () =>
        servicePost('municipality', `/reviews/${reviewId}/held`, {
          heldOn: form.values.heldOn,
          attendees,
          dataCategoriesDiscussed: form.values.categories,
          decisions: form.values.decisions
            .split('\n')
            .map((d) => d.trim())
            .filter(Boolean),
        }),
      onChanged,
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`held-${reviewId}`} className="wcc-form">
      <Heading3 id={`held-${reviewId}`}>{t('reviewHeld')}</Heading3>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/heldOn', '/attendees', '/dataCategoriesDiscussed', '/decisions']} />}
      <TextField id="held-on" field="/heldOn" type="date" label={t('heldOn')} value={form.values.heldOn} onChange={form.set('heldOn')} problem={form.problem} required />
      <CheckboxGroup
        id="held-attendees"
        field="/attendees"
        legend={t('attendees')}
        values={form.values.present}
        onChange={form.set('present')}
        problem={form.problem}
        options={parties.map((p) => ({ value: p.organisationId, label: `${p.organisationId} (${t(`orgType_${p.organisationType}` as TextKey)})` }))}
      />
      <CheckboxGroup
        id="held-categories"
        field="/dataCategoriesDiscussed"
        legend={t('categoriesDiscussed')}
        values={form.values.categories}
        onChange={form.set('categories')}
        problem={form.problem}
        options={CATEGORIES.map((c) => ({ value: c, label: label('cat', c) }))}
      />
      <TextField
        id="held-decisions"
        field="/decisions"
        label={t('decisions')}
        description={t('decisionsHint')}
        value={form.values.decisions}
        onChange={form.set('decisions')}
        problem={form.problem}
        multiline
      />
      <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
        {t('reviewHeldSubmit')}
      </Button>
    </form>
  );
}

function ActionForm({ reviewId, owners, onChanged }: { readonly reviewId: string; readonly owners: readonly string[]; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const form = useFormState({ description: '', ownerOrganisationId: owners[0] ?? '', ownerUserId: '', dueDate: amsterdamDate(21) });
  const [saved, setSaved] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void form.submit(
      () => servicePost('municipality', `/reviews/${reviewId}/actions`, { ...form.values, ownerUserId: form.values.ownerUserId.trim() || `${form.values.ownerOrganisationId}-mdt` }),
      () => {
        setSaved(true);
        form.setValues((v) => ({ ...v, description: '' }));
        onChanged();
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`action-${reviewId}`} className="wcc-form">
      <Heading3 id={`action-${reviewId}`}>{t('actionAssign')}</Heading3>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/description', '/ownerOrganisationId', '/ownerUserId', '/dueDate']} />}
      {saved && <Notice>{t('actionAssigned')}</Notice>}
      <TextField
        id="action-description"
        field="/description"
        label={t('actionDescription')}
        value={form.values.description}
        onChange={form.set('description')}
        problem={form.problem}
        multiline
        required
      />
      <SelectField
        id="action-owner"
        field="/ownerOrganisationId"
        label={t('owner')}
        value={form.values.ownerOrganisationId}
        onChange={form.set('ownerOrganisationId')}
        problem={form.problem}
        options={owners.map((o) => ({ value: o, label: o }))}
        required
      />
      <TextField id="action-owner-user" field="/ownerUserId" label={t('actionOwnerUser')} value={form.values.ownerUserId} onChange={form.set('ownerUserId')} problem={form.problem} />
      <TextField id="action-due" field="/dueDate" type="date" label={t('due')} value={form.values.dueDate} onChange={form.set('dueDate')} problem={form.problem} required />
      <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
        {t('actionAssign')}
      </Button>
    </form>
  );
}

export function CaseReviewPanel({ caseId, summary, user, onChanged }: { readonly caseId: string; readonly summary: CaseSummary; readonly user: SessionUser; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const parties = partiesOf(summary, user);
  const scheduled = summary.reviews.filter((r) => r.status === 'scheduled');
  const held = summary.reviews.filter((r) => r.status === 'held');
  return (
    <section aria-labelledby="review-panel" className="wcc-section">
      <Heading2 id="review-panel">{t('reviewPanel')}</Heading2>
      <Paragraph>{t('reviewPanelIntro')}</Paragraph>
      {scheduled.length === 0 ? (
        <ScheduleForm caseId={caseId} user={user} onChanged={onChanged} />
      ) : (
        scheduled.map((r) => <HeldForm key={r.reviewId} reviewId={r.reviewId} parties={parties} onChanged={onChanged} />)
      )}
      {held.slice(-1).map((r) => (
        <ActionForm key={r.reviewId} reviewId={r.reviewId} owners={(r.attendees ?? []).map((a) => a.organisationId).filter((o): o is string => o !== null)} onChanged={onChanged} />
      ))}
    </section>
  );
}
