// What the municipality does on a case: record consent (purpose, recipient organisation
// types, data categories) and refer to a care provider or the employer network with a
// deadline; and the client's own overview of who received or viewed their data.
import { Button, Heading2, Heading3, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { amsterdamDate, servicePost } from '../api';
import { BooleanField, CheckboxGroup, Notice, ProblemAlert, SelectField, TableHead, TextField, useFormState } from '../components';
import { useI18n, type TextKey } from '../i18n';
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
        value={v.moment}
        onChange={form.set('moment')}
        problem={form.problem}
        options={MOMENTS.map((m) => ({ value: m, label: t(`moment_${m}` as TextKey) }))}
        required
      />
      <TextField id="measurement-date" field="/measuredOn" type="date" label={t('measuredOn')} value={v.measuredOn} onChange={form.set('measuredOn')} problem={form.problem} required />
      <SelectField
        id="measurement-rung"
        field="/ladderRung"
        label={t('ladderRung')}
        value={v.ladderRung}
        onChange={form.set('ladderRung')}
        problem={form.problem}
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
      <SelectField
        id="consent-purpose"
        field="/purpose"
        label={t('consentPurpose')}
        value={form.values.purpose}
        onChange={form.set('purpose')}
        problem={form.problem}
        options={PURPOSES.map((p) => ({ value: p, label: label('purpose', p) }))}
        required
      />
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
      <TextField id="consent-valid-from" field="/validFrom" type="date" label={t('validFrom')} value={form.values.validFrom} onChange={form.set('validFrom')} problem={form.problem} required />
      <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
        {form.busy ? t('saving') : t('consentSubmit')}
      </Button>
    </form>
  );
}

function ReferralForm({ caseId, onChanged }: { readonly caseId: string; readonly onChanged: () => void }) {
  const { t, label } = useI18n();
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
        value={form.values.toOrganisationType}
        onChange={form.set('toOrganisationType')}
        problem={form.problem}
        options={['care-provider', 'employer-network'].map((o) => ({ value: o, label: t(`orgType_${o}` as TextKey) }))}
        required
      />
      <TextField
        id="refer-to"
        field="/toOrganisationId"
        label={t('referTo')}
        description="ggz-vip-amsterdam, wsp-amsterdam, …"
        value={form.values.toOrganisationId}
        onChange={form.set('toOrganisationId')}
        problem={form.problem}
        required
      />
      <SelectField
        id="refer-route"
        field="/route"
        label={t('route')}
        value={form.values.route}
        onChange={form.set('route')}
        problem={form.problem}
        options={ROUTES.map((r) => ({ value: r, label: label('referralRoute', r) }))}
        required
      />
      <TextField id="refer-reason" field="/reason" label={t('reason')} value={form.values.reason} onChange={form.set('reason')} problem={form.problem} multiline required />
      <TextField
        id="refer-deadline"
        field="/replyDeadline"
        type="date"
        label={t('replyDeadline')}
        value={form.values.replyDeadline}
        onChange={form.set('replyDeadline')}
        problem={form.problem}
        required
      />
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

export function MunicipalityCaseActions({ caseId, summary, onChanged }: { readonly caseId: string; readonly summary: CaseSummary; readonly onChanged: () => void }) {
  const { t, label } = useI18n();
  const withdrawal = useFormState({});
  return (
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
  );
}
