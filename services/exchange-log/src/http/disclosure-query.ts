// Query parameters of the auditors' endpoints, declared as JSON Schema like bodies:
// unknown parameters, bad enums and malformed values are a 400 naming the parameter.
import { Type, type Static } from '@sinclair/typebox';
import { stringEnum } from '@wcc/contracts';
import { ProblemException, type FieldIssue } from '@wcc/nest-kit';
import { processingActivityIds } from '@wcc/exchange-log-domain';
import type { DisclosureFilter } from '../persistence/disclosure-log';
import type { SubjectProtection } from '../privacy/subject-protection';

/** The contract's pattern of a client key: never nine digits (a BSN). */
export const clientKeySchema = Type.String({ pattern: '^(?![0-9]{9}$)[A-Za-z0-9_-]{16,128}$', description: 'Pseudonymous client key (never a BSN).' });

const filterProperties = {
  dataSubject: Type.Optional(clientKeySchema),
  organisationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Records where this organisation sent or received the data.' })),
  processingActivity: Type.Optional(stringEnum(processingActivityIds)),
  kind: Type.Optional(stringEnum(['delivered', 'viewed', 'access-refused', 'overview-provided'])),
  status: Type.Optional(stringEnum(['UNSET', 'OK', 'ERROR'])),
  from: Type.Optional(Type.String({ minLength: 1, description: 'From this day (YYYY-MM-DD) or instant (RFC 3339), inclusive.' })),
  to: Type.Optional(Type.String({ minLength: 1, description: 'Until this day (inclusive) or instant (exclusive).' })),
};

export const ExportQuery = Type.Object(filterProperties, { additionalProperties: false });
export type ExportQueryParams = Static<typeof ExportQuery>;

export const DisclosureQuery = Type.Object(
  {
    ...filterProperties,
    limit: Type.Optional(Type.String({ pattern: '^(?:[1-9][0-9]?|[1-4][0-9]{2}|500)$', description: '1 to 500; default 100.' })),
    after: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'Chain position to continue after (the `next` of the previous page).' })),
  },
  { additionalProperties: false },
);
export type DisclosureQueryParams = Static<typeof DisclosureQuery>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

function instantOf(value: string, field: string, endOfDay: boolean, issues: FieldIssue[]): number | undefined {
  const ms = DAY.test(value) || INSTANT.test(value) ? Date.parse(DAY.test(value) ? `${value}T00:00:00Z` : value) : Number.NaN;
  if (Number.isNaN(ms)) {
    issues.push({ field, reason: 'must be a date (YYYY-MM-DD) or an RFC 3339 date-time' });
    return undefined;
  }
  return endOfDay && DAY.test(value) ? ms + DAY_MS : ms;
}

/** The store's filter for validated query parameters; dates in the wrong order are a 400. */
export function filterOf(query: ExportQueryParams, subjects: SubjectProtection): DisclosureFilter {
  const issues: FieldIssue[] = [];
  const from = query.from === undefined ? undefined : instantOf(query.from, '/from', false, issues);
  const to = query.to === undefined ? undefined : instantOf(query.to, '/to', true, issues);
  if (from !== undefined && to !== undefined && to <= from) issues.push({ field: '/to', reason: 'must be after from' });
  if (issues.length > 0) throw ProblemException.validation(issues);
  return {
    ...(query.dataSubject !== undefined ? { dataSubjectIndex: subjects.blindIndex(query.dataSubject) } : {}),
    ...(query.organisationId !== undefined ? { organisationId: query.organisationId } : {}),
    ...(query.processingActivity !== undefined ? { processingActivity: query.processingActivity } : {}),
    ...(query.kind !== undefined ? { disclosureKind: query.kind } : {}),
    ...(query.status !== undefined ? { statusCode: query.status } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}
