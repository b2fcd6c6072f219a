// Query strings checked like bodies: every bad or unknown parameter is named in one 400.
import { ProblemException, type FieldIssue } from '@wcc/nest-kit';
import { casePhases, type CasePhase, type ViewerRole } from '@wcc/case-view-domain';
import { viewerRoles } from '@wcc/contracts';
import type { CaseListFilters, Page } from '../queries/case-view.queries';

type Query = Readonly<Record<string, unknown>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class Reader {
  readonly issues: FieldIssue[] = [];
  constructor(
    private readonly query: Query,
    allowed: readonly string[],
  ) {
    for (const name of Object.keys(query)) if (!allowed.includes(name)) this.issues.push({ field: name, reason: 'unknown query parameter' });
  }
  private text(name: string): string | undefined {
    const value = this.query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.issues.push({ field: name, reason: 'must be given once' });
      return undefined;
    }
    return value;
  }
  boolean(name: string): boolean | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (value === 'true' || value === 'false') return value === 'true';
    this.issues.push({ field: name, reason: 'must be true or false' });
    return undefined;
  }
  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.text(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (/^\d+$/.test(value) && n >= min && n <= max) return n;
    this.issues.push({ field: name, reason: `must be an integer from ${min} to ${max}` });
    return fallback;
  }
  oneOf<V extends string>(name: string, values: readonly V[]): V | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if ((values as readonly string[]).includes(value)) return value as V;
    this.issues.push({ field: name, reason: `must be one of: ${values.join(', ')}` });
    return undefined;
  }
  string(name: string, maxLength: number): string | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (value.length >= 1 && value.length <= maxLength) return value;
    this.issues.push({ field: name, reason: `must be 1 to ${maxLength} characters` });
    return undefined;
  }
  done(): void {
    if (this.issues.length > 0) throw ProblemException.validation(this.issues);
  }
}

export interface ListQuery {
  readonly filters: CaseListFilters;
  readonly page: Page;
  readonly asRole: ViewerRole | undefined;
}

export function parseListQuery(query: Query): ListQuery {
  const r = new Reader(query, ['overdueReferral', 'openAction', 'phase', 'municipality', 'asRole', 'limit', 'offset']);
  const overdueReferral = r.boolean('overdueReferral');
  const openAction = r.boolean('openAction');
  const phase: CasePhase | undefined = r.oneOf('phase', casePhases);
  const municipality = r.string('municipality', 64);
  const asRole = r.oneOf('asRole', viewerRoles);
  const page = { limit: r.integer('limit', 20, 1, 100), offset: r.integer('offset', 0, 0, 100_000) };
  r.done();
  const filters: CaseListFilters = {
    ...(overdueReferral === undefined ? {} : { overdueReferral }),
    ...(openAction === undefined ? {} : { openAction }),
    ...(phase === undefined ? {} : { phase }),
    ...(municipality === undefined ? {} : { municipality }),
  };
  return { filters, page, asRole };
}

export function parseCaseQuery(query: Query): { asRole: ViewerRole | undefined } {
  const r = new Reader(query, ['asRole']);
  const asRole = r.oneOf('asRole', viewerRoles);
  r.done();
  return { asRole };
}

export function parseTimelineQuery(query: Query): { asRole: ViewerRole | undefined; page: Page } {
  const r = new Reader(query, ['asRole', 'limit', 'offset']);
  const asRole = r.oneOf('asRole', viewerRoles);
  const page = { limit: r.integer('limit', 50, 1, 200), offset: r.integer('offset', 0, 0, 1_000_000) };
  r.done();
  return { asRole, page };
}

export function parseCaseId(value: string): string {
  if (!UUID.test(value)) throw ProblemException.validation([{ field: 'caseId', reason: 'must be a UUID' }]);
  return value;
}
