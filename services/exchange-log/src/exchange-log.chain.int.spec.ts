// A chain run through the real broker and the running exchange log: each crossing of
// the story produces exactly the expected records, a refused view is logged as ERROR,
// the overview lists every organisation that got the person's data and nobody else's
// records, and an altered record is caught by verify, which names it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  careFundingGrantedV1,
  careFundingRequestedV1,
  caseAccessRefusedV1,
  caseOpenedV1,
  caseReviewHeldV1,
  caseViewedV1,
  clientReferredV1,
  consentGrantedV1,
  placementStartedV1,
  screeningAdviceSubmittedV1,
} from '@wcc/contracts';
import { testNamespace, useTestDatabase } from '@wcc/testing';
import { SubjectProtection, subjectKeysFromEnv } from './privacy/subject-protection';
import { fixture, story, type FixtureEvent } from '@wcc/exchange-log-domain';
import { auditorToken, connectedProducer, publish, startExchangeLogApp, tokenFor, untilRecords } from './testing/exchange-log-test-kit';

const db = useTestDatabase();
const ns = testNamespace();
let app: NestExpressApplication;
let baseUrl: string;
let producer: Producer;
let total = 0;

beforeAll(async () => {
  ({ app, baseUrl } = await startExchangeLogApp(db, ns));
  producer = await connectedProducer();
});

afterAll(async () => {
  await producer?.disconnect();
  await app?.close();
});

interface Row {
  position: string;
  name: string;
  sender: string;
  recipient: string;
  activity: string;
  status: string;
  basis: string;
  trace_id: string;
  parent_span_id: string | null;
}

async function rowsAfter(position: number): Promise<Row[]> {
  const result = await db.pool.query<Row>(
    `select position, name, sender_organisation_id as sender, recipient_organisation_type || ':' || recipient_organisation_id as recipient,
            processing_activity as activity, status_code as status, attributes->>'dpl.wcc.basis_status' as basis, trace_id, parent_span_id
       from disclosure_records where position > $1 order by position`,
    [position],
  );
  return result.rows;
}

/** Publishes one event and returns exactly the records it caused. */
async function crossing(event: FixtureEvent, expectedRecords: number): Promise<Row[]> {
  const before = total;
  await publish(producer, ns, event);
  total += expectedRecords;
  await untilRecords(db, total);
  const rows = await rowsAfter(before);
  const [, traceId, spanId] = event.traceparent.split('-');
  for (const row of rows) {
    // Each record leads back to the command that caused it.
    expect(row.trace_id).toBe(traceId);
    expect(row.parent_span_id).toBe(spanId);
  }
  return rows;
}

const brief = (rows: Row[]) => rows.map((r) => `${r.name} | ${r.sender} -> ${r.recipient} | ${r.activity} | ${r.status} | ${r.basis}`);

const RDAM = story.municipality;
const GGZ = story.careProvider;
const WSP = story.employerNetwork;
const ZK = story.insurer;

describe('a chain run', () => {
  it('records every crossing of the story, exactly', async () => {
    expect(brief(await crossing(fixture(caseOpenedV1, { municipalityId: RDAM }, { trace: 1 }), 1))).toEqual([
      `deliver CaseOpened | ${RDAM} -> chain:wcc-case-view | shared-case-view | OK | processor`,
    ]);
    const consent = fixture(
      consentGrantedV1,
      { consentId: story.consentId, purpose: 'care', organisationTypes: ['municipality'], dataCategories: ['administrative', 'care-summary'], validFrom: '2025-03-01', validTo: '2026-03-01' },
      { trace: 2 },
    );
    expect(brief(await crossing(consent, 1))).toEqual([`deliver ConsentGranted | ${RDAM} -> chain:wcc-case-view | shared-case-view | OK | processor`]);

    const careReferral = fixture(clientReferredV1, { referralId: story.careReferralId, fromOrganisationId: RDAM, toOrganisationId: GGZ, toOrganisationType: 'care-provider' }, { trace: 3 });
    expect(brief(await crossing(careReferral, 2))).toEqual([
      `deliver ClientReferred | ${RDAM} -> care-provider:${GGZ} | client-referral | OK | legal-task`,
      `deliver ClientReferred | ${RDAM} -> chain:wcc-case-view | shared-case-view | OK | processor`,
    ]);

    const advice = fixture(screeningAdviceSubmittedV1, { referralId: story.careReferralId, organisationId: GGZ }, { trace: 4 });
    expect(brief(await crossing(advice, 2))).toEqual([
      `deliver ScreeningAdviceSubmitted | ${GGZ} -> municipality:${RDAM} | screening-advice | OK | consent`,
      `deliver ScreeningAdviceSubmitted | ${GGZ} -> chain:wcc-case-view | shared-case-view | OK | processor`,
    ]);

    const matching = fixture(
      clientReferredV1,
      { referralId: story.matchingReferralId, fromOrganisationId: RDAM, toOrganisationId: WSP, toOrganisationType: 'employer-network', route: 'matching' },
      { trace: 5 },
    );
    expect(brief(await crossing(matching, 2))).toEqual([
      `deliver ClientReferred | ${RDAM} -> employer-network:${WSP} | client-referral | OK | legal-task`,
      `deliver ClientReferred | ${RDAM} -> chain:wcc-case-view | shared-case-view | OK | processor`,
    ]);

    const requested = fixture(careFundingRequestedV1, { fundingRequestId: story.fundingRequestId, organisationId: GGZ, insurerId: ZK }, { trace: 6 });
    expect(brief(await crossing(requested, 2))).toEqual([
      `deliver CareFundingRequested | ${GGZ} -> insurer:${ZK} | care-funding | OK | legal-task`,
      `deliver CareFundingRequested | ${GGZ} -> chain:wcc-case-view | shared-case-view | OK | processor`,
    ]);

    const granted = fixture(careFundingGrantedV1, { fundingRequestId: story.fundingRequestId, insurerId: ZK }, { trace: 7 });
    expect(brief(await crossing(granted, 2))).toEqual([
      `deliver CareFundingGranted | ${ZK} -> care-provider:${GGZ} | care-funding | OK | legal-task`,
      `deliver CareFundingGranted | ${ZK} -> chain:wcc-case-view | shared-case-view | OK | processor`,
    ]);

    const placed = fixture(placementStartedV1, { organisationId: WSP }, { trace: 8 });
    expect(brief(await crossing(placed, 3))).toEqual([
      `deliver PlacementStarted | ${WSP} -> municipality:${RDAM} | matching-and-placement | OK | legal-task`,
      `deliver PlacementStarted | ${WSP} -> insurer:${ZK} | work-outcome-for-insurer | OK | consent-missing`,
      `deliver PlacementStarted | ${WSP} -> chain:wcc-case-view | shared-case-view | OK | processor`,
    ]);

    const viewed = fixture(
      caseViewedV1,
      {
        viewerUserId: 'am-04',
        viewerOrganisationId: WSP,
        viewerOrganisationType: 'employer-network',
        viewerRole: 'account-manager',
        view: 'case-summary',
        dataCategoriesShown: ['administrative', 'work'],
        producingOrganisationIds: [RDAM, GGZ, WSP],
        consentIds: [story.consentId],
        itemsShown: 5,
      },
      { trace: 9 },
    );
    expect(brief(await crossing(viewed, 2))).toEqual([
      `view case-summary | ${RDAM} -> employer-network:${WSP} | shared-case-view | OK | consent`,
      `view case-summary | ${GGZ} -> employer-network:${WSP} | shared-case-view | OK | consent`,
    ]);
  });

  it('logs a refused view with status ERROR, naming who was refused what', async () => {
    const refused = fixture(
      caseAccessRefusedV1,
      {
        viewerUserId: 'am-04',
        viewerOrganisationId: WSP,
        viewerOrganisationType: 'employer-network',
        viewerRole: 'account-manager',
        refusedDataCategories: ['care-summary'],
        producingOrganisationIds: [GGZ],
        itemsWithheld: 1,
      },
      { trace: 10 },
    );
    const rows = await crossing(refused, 1);
    expect(brief(rows)).toEqual([`refuse view of case-timeline | ${GGZ} -> employer-network:${WSP} | shared-case-view | ERROR | consent-missing`]);
    const stored = await db.pool.query<{ attributes: Record<string, unknown> }>('select attributes from disclosure_records where position = $1', [rows[0]!.position]);
    expect(stored.rows[0]!.attributes).toMatchObject({
      'dpl.wcc.disclosure': 'access-refused',
      'dpl.wcc.viewer': { user_id: 'am-04', role: 'account-manager', view: 'case-timeline' },
      'dpl.wcc.data_categories': ['care-summary'],
      'dpl.nen7513.eventTypeCode': 'DCM 110110 Patient Record',
      'dpl.nen7513.users': [{ userID: 'am-04', alternateUserID: WSP, userIsRequestor: true, roleIDCode: 'account-manager' }],
    });
  });

  it("records another person's case separately", async () => {
    await crossing(
      fixture(
        caseOpenedV1,
        { caseId: story.otherCaseId, clientKey: story.otherClientKey, municipalityId: story.otherMunicipality },
        { trace: 11, source: `urn:nld:oin:${story.otherMunicipality}:systeem:municipality` },
      ),
      1,
    );
    const elsewhere = fixture(
      clientReferredV1,
      {
        caseId: story.otherCaseId,
        clientKey: story.otherClientKey,
        referralId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
        fromOrganisationId: story.otherMunicipality,
        toOrganisationId: 'ggz-elders',
        toOrganisationType: 'care-provider',
      },
      { trace: 12, source: `urn:nld:oin:${story.otherMunicipality}:systeem:municipality` },
    );
    expect(brief(await crossing(elsewhere, 2))[0]).toBe(`deliver ClientReferred | ${story.otherMunicipality} -> care-provider:ggz-elders | client-referral | OK | legal-task`);
  });

  it('records an MDT review as a disclosure to each partner organisation at the table, once per organisation', async () => {
    const delft = { source: `urn:nld:oin:${story.otherMunicipality}:systeem:municipality` };
    const other = { caseId: story.otherCaseId, clientKey: story.otherClientKey };
    const consentId = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
    const chainConsent = fixture(
      consentGrantedV1,
      { ...other, consentId, purpose: 'chain-coordination', organisationTypes: ['care-provider'], dataCategories: ['administrative', 'work'], validFrom: '2025-03-01', recipients: undefined },
      { trace: 13, ...delft },
    );
    // A consent goes to no partner's service (they read it in the case view): the case view only.
    expect(brief(await crossing(chainConsent, 1))).toEqual([`deliver ConsentGranted | ${story.otherMunicipality} -> chain:wcc-case-view | shared-case-view | OK | processor`]);

    const held = fixture(
      caseReviewHeldV1,
      {
        ...other,
        attendees: [
          { userId: 'regisseur-2', organisationId: story.otherMunicipality, organisationType: 'municipality' },
          { userId: 'psy-9', organisationId: 'ggz-elders', organisationType: 'care-provider' },
          { userId: 'ips-3', organisationId: 'ggz-elders', organisationType: 'care-provider' },
          { userId: 'am-04', organisationId: WSP, organisationType: 'employer-network' },
        ],
        dataCategoriesDiscussed: ['work'],
      },
      { trace: 14, ...delft },
    );
    const rows = await crossing(held, 3);
    expect(brief(rows)).toEqual([
      `deliver CaseReviewHeld | ${story.otherMunicipality} -> care-provider:ggz-elders | mdt-case-review | OK | consent`,
      `deliver CaseReviewHeld | ${story.otherMunicipality} -> employer-network:${WSP} | mdt-case-review | OK | consent-missing`,
      `deliver CaseReviewHeld | ${story.otherMunicipality} -> chain:wcc-case-view | shared-case-view | OK | processor`,
    ]);
    const stored = await db.pool.query<{ attributes: Record<string, unknown> }>('select attributes from disclosure_records where position = $1', [rows[0]!.position]);
    expect(stored.rows[0]!.attributes).toMatchObject({
      'dpl.core.processing_activity_id': 'urn:nld:workcarechain:verwerkingsactiviteit:mdt-case-review',
      'dpl.wcc.data_categories': ['identifying', 'administrative', 'work'],
      'dpl.wcc.consent_ids': [consentId],
    });
  });

  it('stores the data subject only encrypted, findable through the blind index, and NEN 7513 attributes on care data', async () => {
    const protection = new SubjectProtection(subjectKeysFromEnv());
    const all = await db.pool.query<{ data_subject_index: string; attributes: Record<string, unknown>; name: string }>(
      'select data_subject_index, attributes, name from disclosure_records order by position',
    );
    expect(JSON.stringify(all.rows)).not.toContain(story.clientKey);
    const mine = all.rows.filter((r) => r.data_subject_index === protection.blindIndex(story.clientKey));
    expect(mine).toHaveLength(18);
    for (const row of mine) expect(protection.decrypt(String(row.attributes['dpl.core.data_subject_id']))).toBe(story.clientKey);
    const advice = mine.find((r) => r.name === 'deliver ScreeningAdviceSubmitted' && r.attributes['dpl.wcc.basis_status'] === 'consent')!;
    expect(advice.attributes).toMatchObject({ 'dpl.nen7513.toestemmingsProfiel': story.consentId, 'dpl.nen7513.eventTypeCode': 'DCM 110106 Export' });
  });

  it("gives the municipality the person's overview: every organisation that received or viewed it, nobody else's records, and logs the request", async () => {
    const response = await fetch(`${baseUrl}/data-subject-overviews`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor(RDAM, 'municipality', ['client-manager'], 'km-7')}`,
        'content-type': 'application/json',
        traceparent: '00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbb-01',
      },
      body: JSON.stringify({ clientKey: story.clientKey }),
    });
    expect(response.status).toBe(201);
    total += 1;
    const overview = (await response.json()) as {
      requestRecordId: string;
      organisations: { organisationId: string; received: number; viewed: number; refused: number }[];
      entries: { organisation: { organisationId: string }; from: { organisationId: string } }[];
    };
    expect(overview.organisations.map((o) => [o.organisationId, o.received, o.viewed, o.refused]).sort()).toEqual(
      [
        ['wcc-case-view', 8, 0, 0],
        [GGZ, 2, 0, 0],
        [WSP, 1, 2, 1],
        [ZK, 2, 0, 0],
        [RDAM, 3, 0, 0],
      ].sort(),
    );
    expect(overview.entries).toHaveLength(19);
    const everyone = JSON.stringify(overview);
    expect(everyone).not.toContain('ggz-elders');
    expect(everyone).not.toContain(story.otherMunicipality);
    expect(everyone).not.toContain(story.clientKey);

    await untilRecords(db, total);
    const logged = await db.pool.query<{ name: string; recipient_organisation_id: string; trace_id: string; processing_activity: string; id: string }>(
      'select id, name, recipient_organisation_id, trace_id, processing_activity from disclosure_records order by position desc limit 1',
    );
    expect(logged.rows[0]).toEqual({
      id: overview.requestRecordId,
      name: 'provide data subject overview',
      recipient_organisation_id: RDAM,
      trace_id: 'a'.repeat(32),
      processing_activity: 'data-subject-access',
    });
  });

  it('refuses to change or remove a record: the table is append-only', async () => {
    await expect(db.pool.query(`update disclosure_records set status_code = 'ERROR' where position = 1`)).rejects.toThrow(/append-only: UPDATE is refused/);
    await expect(db.pool.query('delete from disclosure_records where position = 1')).rejects.toThrow(/append-only: DELETE is refused/);
    await expect(db.pool.query('truncate disclosure_records')).rejects.toThrow(/append-only: TRUNCATE is refused/);
    const verify = await fetch(`${baseUrl}/verification`, { headers: { authorization: `Bearer ${await auditorToken()}` } });
    expect(await verify.json()).toMatchObject({ ok: true, checked: total, head: { position: total } });
  });

  it('catches a record altered behind the trigger’s back and names it, over HTTP and from the command line', async () => {
    const target = await db.pool.query<{ id: string }>('select id from disclosure_records where position = 6');
    const client = await db.pool.connect();
    try {
      // A superuser bypassing the trigger: exactly what the hash chain is for.
      await client.query('set session_replication_role = replica');
      await client.query(`update disclosure_records set recipient_organisation_id = 'someone-else' where position = 6`);
      await client.query('set session_replication_role = origin');
    } finally {
      client.release();
    }

    const verify = await fetch(`${baseUrl}/verification`, { headers: { authorization: `Bearer ${await auditorToken()}` } });
    expect(await verify.json()).toEqual({ ok: false, checked: 5, firstBroken: { position: 6, id: target.rows[0]!.id, reason: expect.stringContaining('altered') as unknown } });

    const script = path.join(__dirname, 'verify-chain.ts');
    const run = promisify(execFile)(process.execPath, ['-r', '@swc-node/register', script], { env: { ...process.env, DATABASE_URL: db.url }, cwd: path.resolve(__dirname, '..', '..', '..') });
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(JSON.parse(failure!.stdout)).toMatchObject({ ok: false, firstBroken: { position: 6, id: target.rows[0]!.id } });
  });
});
