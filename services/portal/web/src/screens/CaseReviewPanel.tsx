// The MDT case review, held by the municipality (it has regie): schedule it, record it
// held (who of which organisation sat at the table, which data categories were discussed —
// a consent refusal shows at once beside the field — and the decisions), then assign
// actions with an owner and a due date, follow them up (open actions with owner and due
// date, overdue marked; close one with its outcome) and cancel a review that will not
// take place. The decision and action texts stay at the municipality; the chain hears
// the structure.
import { Button, DataBadge, Heading2, Heading3, Paragraph, Table, TableBody, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { amsterdamDate, serviceGet, servicePost } from '../api';
import { CheckboxGroup, Loading, Notice, ProblemAlert, SelectField, TableHead, TextField, useFormState, useLoad } from '../components';
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
      <TextField id="review-date" field="/scheduledFor" type="date" label={t('reviewDate2')} {...form.bind('date')} required />
      <TextField id="review-time" field="/scheduledFor" label={t('reviewTime')} value={form.values.time} onChange={form.set('time')} problem={undefined} />
      <TextField id="review-chair" field="/chairUserId" label={t('reviewChair')} {...form.bind('chairUserId')} required />
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
      <TextField id="held-on" field="/heldOn" type="date" label={t('heldOn')} {...form.bind('heldOn')} required />
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
      <TextField id="held-decisions" field="/decisions" label={t('decisions')} description={t('decisionsHint')} {...form.bind('decisions')} multiline />
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
      <TextField id="action-description" field="/description" label={t('actionDescription')} {...form.bind('description')} multiline required />
      <SelectField id="action-owner" field="/ownerOrganisationId" label={t('owner')} {...form.bind('ownerOrganisationId')} options={owners.map((o) => ({ value: o, label: o }))} required />
      <TextField id="action-owner-user" field="/ownerUserId" label={t('actionOwnerUser')} {...form.bind('ownerUserId')} />
      <TextField id="action-due" field="/dueDate" type="date" label={t('due')} {...form.bind('dueDate')} required />
      <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
        {t('actionAssign')}
      </Button>
    </form>
  );
}

/** The municipality's own reviews of the case (GET /cases/:caseId/reviews): current as soon as a command is answered. */
interface OwnReview {
  readonly reviewId: string;
  readonly status: 'scheduled' | 'held' | 'cancelled';
  readonly scheduledFor: string;
  readonly held?: { readonly heldOn: string };
  readonly cancellation?: { readonly reasonCode: string };
  readonly actions: readonly {
    readonly actionId: string;
    readonly description: string;
    readonly owner: { readonly userId: string; readonly organisationId: string };
    readonly dueDate: string;
    readonly status: 'open' | 'closed';
    readonly closedOn?: string;
    readonly outcome?: string;
    readonly overdue: boolean;
  }[];
}

const OUTCOMES = ['done', 'partly-done', 'not-done', 'no-longer-needed'];
const CANCEL_REASONS = ['rescheduled', 'client-unavailable', 'too-few-attendees', 'no-longer-needed', 'other'];

function CloseActionForm({ open, onClosed }: { readonly open: readonly { readonly reviewId: string; readonly actionId: string; readonly label: string }[]; readonly onClosed: () => void }) {
  const { t, label } = useI18n();
  const form = useFormState({ actionId: open[0]?.actionId ?? '', outcome: 'done', closedOn: amsterdamDate(), note: '' });
  const [saved, setSaved] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const action = open.find((a) => a.actionId === form.values.actionId) ?? open[0];
    if (!action) return;
    void form.submit(
      () =>
        servicePost('municipality', `/reviews/${action.reviewId}/actions/${action.actionId}/close`, {
          closedOn: form.values.closedOn,
          outcome: form.values.outcome,
          ...(form.values.note.trim() ? { note: form.values.note } : {}),
        }),
      () => {
        setSaved(true);
        form.setValues((v) => ({ ...v, actionId: open.find((a) => a.actionId !== action.actionId)?.actionId ?? '', note: '' }));
        onClosed();
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="close-action-heading" className="wcc-form">
      <Heading3 id="close-action-heading">{t('actionClose')}</Heading3>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/closedOn', '/outcome', '/note']} />}
      {saved && <Notice>{t('actionClosed')}</Notice>}
      <SelectField id="close-action" field="/actionId" label={t('actionToClose')} {...form.bind('actionId')} options={open.map((a) => ({ value: a.actionId, label: a.label }))} required />
      <SelectField id="close-action-outcome" field="/outcome" label={t('actionOutcome')} {...form.bind('outcome')} options={OUTCOMES.map((o) => ({ value: o, label: label('outcome', o) }))} required />
      <TextField id="close-action-on" field="/closedOn" type="date" label={t('closedOn')} {...form.bind('closedOn')} required />
      <TextField id="close-action-note" field="/note" label={t('note')} description={t('staysAtMunicipality')} {...form.bind('note')} multiline />
      <Button type="submit" appearance="primary-action-button" disabled={form.busy || open.length === 0}>
        {t('actionClose')}
      </Button>
    </form>
  );
}

function CancelReviewForm({ review, onCancelled }: { readonly review: OwnReview; readonly onCancelled: () => void }) {
  const { t, label, language } = useI18n();
  const form = useFormState({ reasonCode: 'rescheduled', reasonText: '' });
  const id = review.reviewId.slice(0, 8);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(
      () => servicePost('municipality', `/reviews/${review.reviewId}/cancel`, { reasonCode: form.values.reasonCode, ...(form.values.reasonText.trim() ? { reasonText: form.values.reasonText } : {}) }),
      onCancelled,
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`cancel-${id}`} className="wcc-form" data-cancel-review={review.reviewId}>
      <Heading3 id={`cancel-${id}`}>
        {t('reviewCancel')} ({new Date(review.scheduledFor).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' })})
      </Heading3>
      {form.problem && <ProblemAlert problem={form.problem} shownFields={['/reasonCode', '/reasonText']} />}
      <SelectField
        id={`cancel-reason-${id}`}
        field="/reasonCode"
        label={t('reviewCancelReason')}
        {...form.bind('reasonCode')}
        options={CANCEL_REASONS.map((r) => ({ value: r, label: label('cancel', r) }))}
        required
      />
      <TextField id={`cancel-text-${id}`} field="/reasonText" label={t('reasonTextIfOther')} description={t('staysAtMunicipality')} {...form.bind('reasonText')} multiline />
      <Button type="submit" appearance="secondary-action-button" disabled={form.busy}>
        {t('reviewCancelSubmit')}
      </Button>
    </form>
  );
}

/** Following the review up: every action with owner, due date and state (overdue marked), closing one, cancelling a scheduled review. */
function ReviewFollowUp({ caseId, round, onChanged }: { readonly caseId: string; readonly round: number; readonly onChanged: () => void }) {
  const { t, label } = useI18n();
  const reviews = useLoad(() => serviceGet<{ reviews: OwnReview[] }>('municipality', `/cases/${caseId}/reviews`), `${caseId}:${round}`);
  if (reviews.state === 'loading') return <Loading />;
  if (reviews.state === 'error') return <ProblemAlert problem={reviews.problem} />;
  const done = () => {
    reviews.reload();
    onChanged();
  };
  const actions = reviews.data.reviews
    .flatMap((r) => r.actions.map((a) => ({ ...a, reviewId: r.reviewId })))
    .sort((a, b) => (a.status === b.status ? a.dueDate.localeCompare(b.dueDate) : a.status === 'open' ? -1 : 1));
  const open = actions.filter((a) => a.status === 'open');
  const scheduled = reviews.data.reviews.filter((r) => r.status === 'scheduled');
  return (
    <>
      <Heading3 id="actions-heading">{t('actionsFollowUp')}</Heading3>
      {actions.length === 0 ? (
        <Paragraph>{t('none')}</Paragraph>
      ) : (
        <Table className="wcc-table" data-testid="review-actions">
          <TableHead caption={t('actionsFollowUp')} columns={[t('actionDescription'), t('owner'), t('due'), t('colStatus')]} />
          <TableBody>
            {actions.map((a) => (
              <TableRow key={a.actionId} data-action-status={a.status}>
                <TableCell>{a.description}</TableCell>
                <TableCell>
                  {a.owner.userId} ({a.owner.organisationId})
                </TableCell>
                <TableCell>{a.dueDate}</TableCell>
                <TableCell>
                  {label('status', a.status)}
                  {a.status === 'closed' && a.outcome ? ` · ${label('outcome', a.outcome)} (${a.closedOn ?? ''})` : ''}
                  {a.overdue && <DataBadge className="wcc-overdue"> {t('overdue')}</DataBadge>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {open.length > 0 && (
        <CloseActionForm
          key={open.map((a) => a.actionId).join(',')}
          open={open.map((a) => ({ reviewId: a.reviewId, actionId: a.actionId, label: `${a.description.slice(0, 60)} · ${a.owner.organisationId} · ${t('due')} ${a.dueDate}` }))}
          onClosed={done}
        />
      )}
      {scheduled.map((r) => (
        <CancelReviewForm key={r.reviewId} review={r} onCancelled={done} />
      ))}
    </>
  );
}

export function CaseReviewPanel({ caseId, summary, user, onChanged }: { readonly caseId: string; readonly summary: CaseSummary; readonly user: SessionUser; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const parties = partiesOf(summary, user);
  const scheduled = summary.reviews.filter((r) => r.status === 'scheduled');
  const held = summary.reviews.filter((r) => r.status === 'held');
  // A command in a form above changes the reviews: the follow-up reads them again.
  const [round, setRound] = useState(0);
  const changed = () => {
    setRound((r) => r + 1);
    onChanged();
  };
  return (
    <section aria-labelledby="review-panel" className="wcc-section">
      <Heading2 id="review-panel">{t('reviewPanel')}</Heading2>
      <Paragraph>{t('reviewPanelIntro')}</Paragraph>
      {scheduled.length === 0 ? (
        <ScheduleForm caseId={caseId} user={user} onChanged={changed} />
      ) : (
        scheduled.map((r) => <HeldForm key={r.reviewId} reviewId={r.reviewId} parties={parties} onChanged={changed} />)
      )}
      {held.slice(-1).map((r) => (
        <ActionForm key={r.reviewId} reviewId={r.reviewId} owners={(r.attendees ?? []).map((a) => a.organisationId).filter((o): o is string => o !== null)} onChanged={changed} />
      ))}
      <ReviewFollowUp caseId={caseId} round={round} onChanged={onChanged} />
    </section>
  );
}
