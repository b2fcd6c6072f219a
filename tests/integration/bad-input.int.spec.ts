// Bad input on every public endpoint of every service, generated from the services' own
// OpenAPI documents (see bad-input/openapi-cases.ts): each service runs as its own
// process, the chain makes real items to aim at, and then every case must come back as
// its documented 4xx problem+json — `status` equal to the HTTP status, a 400 naming the
// field (and for personal data in free text that leaves the organisation, saying so) —
// while no event store gains a single event.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevelopmentToken, type TokenClaims } from '@wcc/nest-kit';
import { startServiceProcess, testNamespace, type ServiceProcess } from '@wcc/testing';
import { hints, knownIds, makeFixtures, SERVICES, unknownId, valueHint, type Fixtures, type ServiceName } from './bad-input/chain';
import { casesFor, exampleOf, namesField, operationsOf, outboundTextFieldsOf, type BadInputCase, type OpenApiDocument, type Operation } from './bad-input/openapi-cases';

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const FORGERY_KEY = 'someone-elses-signing-key-of-sufficient-length';

const ns = testNamespace();
const processes: Partial<Record<ServiceName, ServiceProcess>> = {};
const documents: Partial<Record<ServiceName, OpenApiDocument>> = {};
const summary: { service: ServiceName; operations: number; cases: number; passed: number; outboundText: string[] }[] = [];
let fixtures: Fixtures;
let positionsBefore: Record<string, number>;
let protocolledRefusals = 0;

const service = (name: ServiceName): ServiceProcess => {
  const p = processes[name];
  if (!p) throw new Error(`${name} is not running`);
  return p;
};

const tokenCache = new Map<string, Promise<string>>();
function token(claims: TokenClaims, variant: 'valid' | 'expired' | 'forged' = 'valid'): Promise<string> {
  const key = `${variant}:${JSON.stringify(claims)}`;
  let t = tokenCache.get(key);
  if (!t) {
    t = signDevelopmentToken(claims, variant === 'expired' ? { expiresIn: '-1m' } : variant === 'forged' ? { key: FORGERY_KEY } : {});
    tokenCache.set(key, t);
  }
  return t;
}

/**
 * The append-only stores: every service's event store, and the exchange log's hash-chained
 * disclosure records. A refusal may leave exactly one kind of trace: the case view
 * protocols a refused view (CaseAccessRefused, by design: NEN 7513 logs refused access
 * too), and the exchange log records that protocol as an `access-refused` disclosure.
 */
interface AppendOnlyStore {
  readonly service: ServiceName;
  readonly label: string;
  /** Rows after a position: `position`, `kind` and a `detail` for the failure message. */
  readonly rowsAfter: string;
  readonly protocolsRefusal: (kind: string) => boolean;
}

const STORES: readonly AppendOnlyStore[] = [
  ...SERVICES.map((name) => ({
    service: name,
    label: `${name} event_store.events`,
    rowsAfter:
      "select global_position as position, type as kind, stream_id || ' by ' || (metadata->'actor')::text || ': ' || left(data::text, 300) as detail " +
      'from event_store.events where global_position > $1 order by global_position',
    protocolsRefusal: (kind: string) => name === 'case-view' && kind === 'CaseAccessRefused',
  })),
  {
    service: 'exchange-log',
    label: 'exchange-log disclosure_records',
    rowsAfter:
      "select position, disclosure_kind as kind, name || ' ' || coalesce(sender_organisation_id, '') || ' → ' || coalesce(recipient_organisation_id, '') as detail " +
      'from public.disclosure_records where position > $1 order by position',
    protocolsRefusal: (kind: string) => kind === 'access-refused',
  },
];

async function withDatabase<T>(name: ServiceName, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: service(name).databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

interface StoredRow {
  readonly position: string;
  readonly kind: string;
  readonly detail: string;
}

async function rowsAfter(store: AppendOnlyStore, position: number): Promise<StoredRow[]> {
  return withDatabase(store.service, async (client) => (await client.query<StoredRow>(store.rowsAfter, [position])).rows);
}

/** The last position of each store (0 when empty). */
async function storePositions(): Promise<Record<string, number>> {
  const positions: Record<string, number> = {};
  for (const store of STORES) {
    const rows = await rowsAfter(store, 0);
    positions[store.label] = rows.length > 0 ? Number(rows[rows.length - 1]!.position) : 0;
  }
  return positions;
}

/** Positions once the chain has gone quiet: unchanged for three seconds in a row. */
async function settledStorePositions(timeoutMs = 90_000): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  let last = await storePositions();
  let stableSince = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await storePositions();
    if (JSON.stringify(now) !== JSON.stringify(last)) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 3_000) {
      return now;
    }
    if (Date.now() > deadline) throw new Error(`The stores did not settle: ${JSON.stringify(last)}`);
  }
}

function claimsFor(name: ServiceName, c: BadInputCase): TokenClaims | undefined {
  const h = hints[name];
  switch (c.credential) {
    case 'none':
      return undefined;
    case 'outsider':
      return h.outsider(c.operation);
    case 'other-organisation':
      return h.otherOrganisation(c.operation);
    case 'caller':
    case 'expired':
    case 'forged':
      return h.caller(c.operation);
  }
}

function pathOf(op: Operation, c: BadInputCase, known: Readonly<Record<string, string>>): string {
  return op.pathParams.reduce((path, param, index) => {
    let value: string;
    if (c.pathIds.kind === 'malformed' && c.pathIds.param === param.name) value = 'not-an-id';
    else if (c.pathIds.kind === 'unknown-from' && index >= c.pathIds.from) value = unknownId(param.name, param.schema);
    else value = known[param.name] ?? unknownId(param.name, param.schema);
    return path.replace(`{${param.name}}`, encodeURIComponent(value));
  }, op.path);
}

/** Runs one case; returns what was wrong, or undefined when the answer was right. */
async function check(name: ServiceName, c: BadInputCase): Promise<string | undefined> {
  const op = c.operation;
  const claims = claimsFor(name, c);
  const bearer = claims ? await token(claims, c.credential === 'expired' ? 'expired' : c.credential === 'forged' ? 'forged' : 'valid') : undefined;
  const query = c.query ? `?${new URLSearchParams(c.query).toString()}` : '';
  const path = `${pathOf(op, c, knownIds(name, fixtures))}${query}`;
  const body = c.body === undefined ? undefined : 'raw' in c.body ? c.body.raw : JSON.stringify(c.body.json);
  const response = await fetch(`${service(name).baseUrl}${path}`, {
    method: op.method,
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let problem: Record<string, unknown> = {};
  try {
    problem = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // judged below: a problem must be JSON
  }
  const wrong: string[] = [];
  if (!c.statuses.includes(response.status)) wrong.push(`status ${response.status}, expected ${c.statuses.join(' or ')}`);
  // 413 comes from the platform's body limit, the same for every route; the documents list what routes decide.
  if (response.status !== 413 && !op.documented.has(response.status)) wrong.push(`status ${response.status} is not documented for the operation`);
  if (!/^application\/problem\+json/.test(response.headers.get('content-type') ?? '')) wrong.push(`content-type ${response.headers.get('content-type')}`);
  if (problem['status'] !== response.status) wrong.push(`problem status ${String(problem['status'])}`);
  if (response.status === 400 && c.fields && !namesField(problem['errors'], c.fields, c.reason))
    wrong.push(`errors do not name ${c.fields.join(' or ')}${c.reason ? ` with a reason matching ${String(c.reason)}` : ''}`);
  if (wrong.length === 0) return undefined;
  return `${op.method} ${path.length > 120 ? `${path.slice(0, 120)}…` : path} — ${c.name}: ${wrong.join('; ')} — got ${text.slice(0, 300)}`;
}

beforeAll(async () => {
  const started = await Promise.allSettled(
    SERVICES.map(async (name) => {
      processes[name] = await startServiceProcess({ service: name, namespace: ns, startTimeoutMs: 240_000, ...(hints[name].env ? { env: hints[name].env } : {}) });
    }),
  );
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  fixtures = await makeFixtures(processes as Record<ServiceName, ServiceProcess>, (claims) => token(claims));
  for (const name of SERVICES) {
    const response = await fetch(`${service(name).baseUrl}/docs/openapi.json`);
    documents[name] = (await response.json()) as OpenApiDocument;
  }
  positionsBefore = await settledStorePositions();
}, 600_000);

afterAll(async () => {
  if (summary.length > 0) {
    const rows = summary.map((r) => `${r.service.padEnd(18)} ${String(r.operations).padStart(10)} ${String(r.cases).padStart(6)} ${String(r.passed).padStart(7)}  ${r.outboundText.join(', ') || '-'}`);
    console.log(
      [
        'bad input per service',
        `${'service'.padEnd(18)} ${'operations'.padStart(10)} ${'cases'.padStart(6)} ${'passed'.padStart(7)}  outbound free text (each refused with a BSN, an ICD-10 code, an e-mail address and a phone number)`,
        ...rows,
        `refused views protocolled by the case view (and the exchange log): ${protocolledRefusals}`,
      ].join('\n'),
    );
  }
  await Promise.all(Object.values(processes).map((p) => p.stop()));
}, 120_000);

describe.each(SERVICES)('bad input: %s', (name) => {
  it('answers every case generated from its OpenAPI document with the documented 4xx problem+json', async () => {
    const operations = operationsOf(documents[name]!);
    const known = knownIds(name, fixtures);
    const h = hints[name];
    const cases = operations.flatMap((op) => [
      ...casesFor(op, {
        hint: valueHint(fixtures),
        known: new Set(Object.keys(known)),
        hasOutsider: (o) => h.outsider(o) !== undefined,
        hasOtherOrganisation: (o) => h.otherOrganisation(o) !== undefined,
      }),
      ...(h.extraCases?.(op, fixtures) ?? []),
    ]);
    const failures: string[] = [];
    // The generator's own valid bodies must pass the documented schema, or every
    // mutation of them proves nothing.
    for (const op of operations.filter((o) => o.body)) {
      for (const full of [false, true]) {
        const example = exampleOf(op.body!, '', valueHint(fixtures), full);
        if (!ajv.validate(op.body!, example)) failures.push(`${op.method} ${op.path}: the generated ${full ? 'full' : 'minimal'} body is not valid: ${ajv.errorsText()}`);
      }
    }
    for (const c of cases) {
      const failure = await check(name, c);
      if (failure) failures.push(failure);
    }
    const outboundText = operations.flatMap((op) => outboundTextFieldsOf(op.body).map((field) => `${op.method} ${op.path} ${field}`));
    summary.push({ service: name, operations: operations.filter((o) => o.secured).length, cases: cases.length, passed: cases.length - failures.length, outboundText });
    // Each organisation that sends free text to others declares it, and the document shows it (the cases above come from there).
    if (name !== 'case-view' && name !== 'exchange-log') expect(outboundText.length, `${name} declares no outbound free text in its OpenAPI document`).toBeGreaterThan(0);
    // Every secured operation was exercised, and the document has some.
    expect(operations.filter((o) => o.secured).length).toBeGreaterThan(0);
    expect(failures, `${failures.length} of ${cases.length} cases answered wrongly:\n${failures.join('\n')}`).toEqual([]);
  }, 300_000);
});

it('appended nothing to any store while refusing all of it (but the case view protocolling refused views)', async () => {
  await settledStorePositions();
  const appended: Record<string, string[]> = {};
  for (const store of STORES) {
    const rows = await rowsAfter(store, positionsBefore[store.label] ?? 0);
    protocolledRefusals += rows.filter((r) => store.protocolsRefusal(r.kind)).length;
    const unexpected = rows.filter((r) => !store.protocolsRefusal(r.kind));
    if (unexpected.length > 0) appended[store.label] = unexpected.map((r) => `${r.kind} ${r.detail}`);
  }
  expect(appended).toEqual({});
}, 120_000);
