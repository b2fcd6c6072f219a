// The policy analyst's outcomes monitor: any of the monitor's tables, per project or for
// all, grouped and as of a date, with its chart where it has one and its CSV. The service
// withholds every cell of 1–4 clients before the table leaves it; the screen shows those
// cells as withheld, never as zero. Aggregates only: no client is named or linked here.
import {
  Button,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Cell, Column, SuppressedTable } from '@wcc/outcomes-domain';
import { serviceGet } from '../api';
import { Loading, ProblemAlert, SelectField, TextField, useFormState, useLoad } from '../components';
import { useI18n, type TextKey } from '../i18n';

// The shapes the service answers with, from the monitor's own (type-only: nothing of it is bundled).
type OutcomeTable = SuppressedTable;
interface TableList {
  readonly tables: readonly { readonly id: string; readonly title: string; readonly researchOnly: boolean }[];
}

const PROJECTS = ['vip-amsterdam', 'ips-nhn', 'exit-rotterdam'] as const;
/** The tables the service draws a chart of (the MKBA chart is per project, from the report's inputs). */
const CHARTED = new Set(['flow', 'time-to-work', 'job-loss']);
/** Only the counting tables can be grouped otherwise than by project. */
const GROUPABLE = new Set(['flow', 'exit-reasons']);
const BASE = '/api/services/outcomes/outcomes';

export function OutcomesScreen() {
  const { t, label, language } = useI18n();
  const list = useLoad(() => serviceGet<TableList>('outcomes', '/outcomes/tables'), 'tables');
  const form = useFormState({ table: 'flow', project: '', groupBy: 'project', asOf: '' });
  const [shown, setShown] = useState<{ table: OutcomeTable; query: string } | undefined>();

  const queryOf = (values: typeof form.values) => {
    const params = new URLSearchParams();
    if (values.project) params.set('project', values.project);
    if (values.groupBy !== 'project' && GROUPABLE.has(values.table)) params.set('groupBy', values.groupBy);
    if (values.asOf.trim()) params.set('asOf', values.asOf.trim());
    const text = params.toString();
    return text ? `?${text}` : '';
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const query = queryOf(form.values);
    void form.submit<OutcomeTable>(
      () => serviceGet('outcomes', `/outcomes/tables/${encodeURIComponent(form.values.table)}${query}`),
      (table) => setShown({ table, query }),
    );
  };

  const number = (value: number, kind: Column['kind']) => {
    const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
    if (kind === 'count') return value.toLocaleString(locale, { maximumFractionDigits: 0 });
    if (kind === 'share') return value.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
    return value.toLocaleString(locale, { maximumFractionDigits: 2 });
  };
  const cell = (value: Cell, column: Column) => {
    if (value === null)
      return (
        <span data-withheld="small-cell" title={t('outcomesWithheld')}>
          –<span className="wcc-visually-hidden"> {t('outcomesWithheld')}</span>
        </span>
      );
    if (typeof value === 'number') return number(value, column.kind);
    return column.kind === 'label' ? label('project', value) : value;
  };
  // The service names its tables and columns in English; in Dutch they are marked as English (WCAG 3.1.2).
  const english = language === 'nl' ? 'en' : undefined;
  const titleKey = (id: string) => `outcomesTable_${id}` as TextKey;

  return (
    <>
      <Heading1 tabIndex={-1}>{t('outcomesTitle')}</Heading1>
      <Paragraph>{t('outcomesIntro')}</Paragraph>
      {list.state === 'loading' && <Loading />}
      {list.state === 'error' && <ProblemAlert problem={list.problem} />}
      {list.state === 'ok' && (
        <form onSubmit={onSubmit} noValidate aria-labelledby="outcomes-query-heading" className="wcc-form">
          <Heading2 id="outcomes-query-heading">{t('outcomesQuery')}</Heading2>
          {form.problem && <ProblemAlert problem={form.problem} shownFields={['project', 'groupBy', 'asOf']} />}
          <SelectField
            id="table"
            field="table"
            label={t('outcomesTable')}
            {...form.bind('table')}
            options={list.data.tables.map((table) => ({ value: table.id, label: `${t(titleKey(table.id))}${table.researchOnly ? ` (${t('outcomesResearchOnly')})` : ''}` }))}
          />
          <SelectField
            id="project"
            field="project"
            label={t('outcomesProject')}
            {...form.bind('project')}
            options={[{ value: '', label: t('outcomesAllProjects') }, ...PROJECTS.map((p) => ({ value: p, label: label('project', p) }))]}
          />
          {GROUPABLE.has(form.values.table) && (
            <SelectField
              id="groupBy"
              field="groupBy"
              label={t('outcomesGroupBy')}
              {...form.bind('groupBy')}
              options={(['project', 'municipality', 'cohort'] as const).map((g) => ({ value: g, label: label('groupBy', g) }))}
            />
          )}
          <TextField id="asOf" field="asOf" type="date" label={t('outcomesAsOf')} description={t('outcomesAsOfHint')} {...form.bind('asOf')} />
          <Button type="submit" appearance="primary-action-button" disabled={form.busy}>
            {t('outcomesShow')}
          </Button>
        </form>
      )}
      {form.busy && <Loading />}
      {shown && (
        <section aria-labelledby="outcomes-table-heading" className="wcc-section" data-section="outcomes-table" data-table={shown.table.id}>
          <Heading2 id="outcomes-table-heading">{t(titleKey(shown.table.id))}</Heading2>
          <Paragraph lang={english}>{shown.table.title}</Paragraph>
          <Paragraph data-testid="withheld-count">
            {t('outcomesWithheldCount')}: {shown.table.suppressedCells} ({t('outcomesMinCell')} {shown.table.minCell})
          </Paragraph>
          {CHARTED.has(shown.table.id) && (
            <figure className="wcc-chart">
              <img src={`${BASE}/charts/${shown.table.id}.svg${shown.query}`} alt={`${t('outcomesChartAlt')} ${t(titleKey(shown.table.id))}`} />
            </figure>
          )}
          {shown.table.id === 'mkba' && form.values.project && (
            <figure className="wcc-chart">
              <img src={`${BASE}/charts/mkba.svg?project=${encodeURIComponent(form.values.project)}`} alt={t('outcomesMkbaChartAlt')} />
              <figcaption>{t('outcomesMkbaChartCaption')}</figcaption>
            </figure>
          )}
          {shown.table.rows.length === 0 ? (
            <Paragraph>{t('noResults')}</Paragraph>
          ) : (
            <div className="wcc-table-scroll" role="region" aria-labelledby="outcomes-table-heading" tabIndex={0}>
              <Table className="wcc-table" data-testid="outcomes-table">
                <TableCaption className="wcc-visually-hidden">{t(titleKey(shown.table.id))}</TableCaption>
                <TableHeader lang={english}>
                  <TableRow>
                    {shown.table.columns.map((column) => (
                      <TableHeaderCell key={column.key} scope="col">
                        {column.label}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shown.table.rows.map((row, index) => (
                    <TableRow key={index}>
                      {shown.table.columns.map((column) => (
                        <TableCell key={column.key} data-column={column.key}>
                          {cell(row[column.key] ?? null, column)}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          <Paragraph>
            <span aria-hidden="true">–</span> {t('outcomesWithheldLegend')}
          </Paragraph>
          {shown.table.notes.length > 0 && (
            <UnorderedList lang={english}>
              {shown.table.notes.map((note) => (
                <UnorderedListItem key={note}>{note}</UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          <Paragraph>
            <Link href={`${BASE}/tables/${encodeURIComponent(shown.table.id)}/csv${shown.query}`} download={`${shown.table.id}.csv`}>
              {t('outcomesCsv')}
            </Link>
          </Paragraph>
        </section>
      )}
    </>
  );
}
