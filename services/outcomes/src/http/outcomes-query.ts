// Query strings checked like bodies: every bad or unknown parameter is named in one 400.
import { ProblemException, type FieldIssue } from '@wcc/nest-kit';
import { DEFAULT_MIN_CELL, parameterSet, parameterSets, projectIds, type ParameterSet } from '@wcc/outcomes-domain';

export interface TableQuery {
  readonly project?: string;
  readonly groupBy: 'project' | 'municipality' | 'cohort';
  readonly asOf: string;
  readonly minCell: number;
  readonly months: number;
  readonly parameters: ParameterSet;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const allowed = ['project', 'groupBy', 'asOf', 'minCell', 'months', 'parameters'] as const;

export function readTableQuery(query: Readonly<Record<string, unknown>>, today: string): TableQuery {
  const issues: FieldIssue[] = [];
  for (const name of Object.keys(query)) if (!(allowed as readonly string[]).includes(name)) issues.push({ field: name, reason: 'unknown query parameter' });
  const text = (name: string): string | undefined => {
    const v = query[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') {
      issues.push({ field: name, reason: 'must be given once' });
      return undefined;
    }
    return v;
  };
  const project = text('project');
  if (project !== undefined && !(projectIds as readonly string[]).includes(project)) issues.push({ field: 'project', reason: `must be one of: ${projectIds.join(', ')}` });
  const groupBy = text('groupBy') ?? 'project';
  if (!['project', 'municipality', 'cohort'].includes(groupBy)) issues.push({ field: 'groupBy', reason: 'must be one of: project, municipality, cohort' });
  const asOf = text('asOf') ?? today;
  if (!DATE.test(asOf) || Number.isNaN(Date.parse(asOf))) issues.push({ field: 'asOf', reason: 'must be a date YYYY-MM-DD' });
  const int = (name: string, fallback: number, min: number, max: number) => {
    const v = text(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (/^\d+$/.test(v) && n >= min && n <= max) return n;
    issues.push({ field: name, reason: `must be an integer from ${min} to ${max}` });
    return fallback;
  };
  // The threshold can be raised, never lowered below the default: no cell of fewer than 5 clients leaves the service.
  const minCell = int('minCell', DEFAULT_MIN_CELL, DEFAULT_MIN_CELL, 100);
  const months = int('months', 12, 1, 36);
  const parametersId = text('parameters') ?? '002-2016';
  const parameters = parameterSet(parametersId);
  if (!parameters) issues.push({ field: 'parameters', reason: `unknown parameter set; known: ${Object.keys(parameterSets).join(', ')}` });
  if (issues.length > 0 || !parameters) throw ProblemException.validation(issues);
  return { ...(project ? { project } : {}), groupBy: groupBy as TableQuery['groupBy'], asOf, minCell, months, parameters };
}
