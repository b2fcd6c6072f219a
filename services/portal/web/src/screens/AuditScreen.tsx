// The privacy officer's and auditor's exchange log: disclosures searched by client,
// organisation, kind and period, paged; and the verification of the log's hash chain.
import { Alert, Button, ButtonGroup, Heading1, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { serviceGet } from '../api';
import { Loading, ProblemAlert, SelectField, TextField, useFormState } from '../components';
import { useI18n } from '../i18n';

interface DisclosureRecord {
  id: string;
  name: string;
  start_time: number;
  disclosure_kind: string;
  sender_organisation_id: string;
  recipient_organisation_id: string;
  processing_activity: string;
  position: number;
}
interface Page {
  records: DisclosureRecord[];
  next: number | null;
}

const KINDS = ['delivered', 'viewed', 'access-refused', 'overview-provided'];
const PAGE_SIZE = 50;

export function AuditScreen() {
  const { t, label, language } = useI18n();
  const form = useFormState({ dataSubject: '', organisationId: '', kind: '', from: '', to: '' });
  const [page, setPage] = useState<{ data: Page; after: number; previous: number[] } | undefined>();
  const [chain, setChain] = useState<{ ok: boolean; checked: number } | undefined>();
  const query = (after: number) => {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    for (const [key, value] of Object.entries(form.values)) if (value.trim()) params.set(key, value.trim());
    if (after > 0) params.set('after', String(after));
    return `/disclosures?${params.toString()}`;
  };
  const load = (after: number, previous: number[]) =>
    void form.submit<Page>(
      () => serviceGet('exchange-log', query(after)),
      (data) => setPage({ data, after, previous }),
    );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    load(0, []);
  };
  // The query parameters are the fields: the service names the one it refuses.
  const field = (name: string) => `/${name}`;
  return (
    <>
      <Heading1 tabIndex={-1}>{t('auditTitle')}</Heading1>
      <Paragraph>{t('auditIntro')}</Paragraph>
      <form onSubmit={onSubmit} noValidate aria-labelledby="search-heading" className="wcc-form">
        <Heading2 id="search-heading">{t('search')}</Heading2>
        {form.problem && <ProblemAlert problem={form.problem} shownFields={['/dataSubject', '/organisationId', '/kind', '/from', '/to']} />}
        <TextField id="dataSubject" field={field('dataSubject')} label={t('dataSubject')} {...form.bind('dataSubject')} />
        <TextField id="organisationId" field={field('organisationId')} label={t('organisationId')} {...form.bind('organisationId')} />
        <SelectField
          id="kind"
          field={field('kind')}
          label={t('kind')}
          {...form.bind('kind')}
          options={[{ value: '', label: t('any') }, ...KINDS.map((k) => ({ value: k, label: label('kind', k) }))]}
        />
        <TextField id="from" field={field('from')} type="date" label={t('periodFrom')} {...form.bind('from')} />
        <TextField id="to" field={field('to')} type="date" label={t('periodTo')} {...form.bind('to')} />
        <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
          {t('search')}
        </Button>
      </form>
      {form.busy && <Loading />}
      {page && (
        <section aria-labelledby="results-heading" className="wcc-section">
          <Heading2 id="results-heading">{t('results')}</Heading2>
          {page.data.records.length === 0 ? (
            <Paragraph>{t('noResults')}</Paragraph>
          ) : (
            <Table className="wcc-table" data-testid="disclosures">
              <TableCaption className="wcc-visually-hidden">
                {t('results')} ({page.previous.length * PAGE_SIZE + 1}–{page.previous.length * PAGE_SIZE + page.data.records.length})
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('colWhen')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('colWhat')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('kind')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('colSender')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('colRecipient')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('colActivity')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.data.records.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      {new Date(r.start_time / 1_000_000 > 1e12 ? r.start_time / 1_000_000 : r.start_time).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam' })}
                    </TableCell>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>{label('kind', r.disclosure_kind)}</TableCell>
                    <TableCell>{r.sender_organisation_id}</TableCell>
                    <TableCell>{r.recipient_organisation_id}</TableCell>
                    <TableCell>{r.processing_activity}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <ButtonGroup>
            <Button appearance="secondary-action-button" disabled={page.previous.length === 0} onClick={() => load(page.previous.at(-1) ?? 0, page.previous.slice(0, -1))}>
              {t('previous')}
            </Button>
            <Button appearance="secondary-action-button" disabled={page.data.next === null} onClick={() => load(page.data.next ?? 0, [...page.previous, page.after])}>
              {t('next')}
            </Button>
          </ButtonGroup>
        </section>
      )}
      <section aria-labelledby="chain-heading" className="wcc-section">
        <Heading2 id="chain-heading">{t('verifyChain')}</Heading2>
        <Button
          appearance="secondary-action-button"
          onClick={() => void serviceGet<{ ok: boolean; checked: number }>('exchange-log', '/verification').then((answer) => answer.ok && setChain(answer.body))}
        >
          {t('verifyChain')}
        </Button>
        {chain && (
          <Alert type={chain.ok ? 'ok' : 'error'} role="status">
            <Paragraph>
              {chain.ok ? t('chainOk') : t('chainBroken')} ({chain.checked})
            </Paragraph>
          </Alert>
        )}
      </section>
    </>
  );
}
