// Out-of-order history. The topics are the chain's memory: a fresh exchange log that
// reads them from offset 0 must write the same records as the one that saw the story
// live, however its consumer interleaves the producers' topics. Three logs, real broker
// and Postgres: one live (each event recorded before the next is published), one
// replaying the live run's topics from the start, and one reading a copy of the story
// published in the worst order (every partner's history first, the municipality's last).
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chainTopics,
  careFundingGrantedV1,
  careFundingRequestedV1,
  caseOpenedV1,
  caseReviewHeldV1,
  caseViewedV1,
  clientReferredV1,
  consentGrantedV1,
  consentWithdrawnV1,
  employerNetworkReferralAcceptedV1,
  placementEndedV1,
  placementStartedV1,
  referralAcceptedV1,
  screeningAdviceSubmittedV1,
} from '@wcc/contracts';
import { partitionOfKey } from '@wcc/messaging';
import { createTopics, testKafka, testNamespace, useTestDatabase, type TestDatabase, type TestNamespace } from '@wcc/testing';
import { fixture, story, type FixtureEvent } from '@wcc/exchange-log-domain';
import { connectedProducer, publish, startExchangeLogApp, waitFor } from './testing/exchange-log-test-kit';

const RDAM = story.municipality;
const GGZ = story.careProvider;
const WSP = story.employerNetwork;
const ZK = story.insurer;
/** Other cases' events ahead of this one on its municipality partition. */
const BACKLOG = 2500;
const WORK_CONSENT = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const ids = Array.from({ length: 20 }, (_, i) => `7f3e2d1c-0b9a-4876-a543-21${String(i).padStart(10, '0')}`);

/** One client's trajectory, in the order it happened; fixed ids so every copy makes the same records. */
const history: readonly FixtureEvent[] = [
  fixture(caseOpenedV1, { municipalityId: RDAM, occurredAt: '2025-03-03T09:00:00Z' }, { id: ids[0], trace: 1 }),
  fixture(
    consentGrantedV1,
    {
      consentId: story.consentId,
      purpose: 'care',
      organisationTypes: ['municipality'],
      dataCategories: ['administrative', 'care-summary'],
      validFrom: '2025-03-01',
      recipients: undefined,
      occurredAt: '2025-03-03T09:01:00Z',
    },
    { id: ids[1], trace: 2 },
  ),
  fixture(
    clientReferredV1,
    { referralId: story.careReferralId, fromOrganisationId: RDAM, toOrganisationId: GGZ, toOrganisationType: 'care-provider', occurredAt: '2025-03-03T09:15:00Z' },
    { id: ids[2], trace: 3 },
  ),
  fixture(referralAcceptedV1, { referralId: story.careReferralId, organisationId: GGZ, occurredAt: '2025-03-05T11:00:00Z' }, { id: ids[3], trace: 4 }),
  fixture(screeningAdviceSubmittedV1, { referralId: story.careReferralId, organisationId: GGZ, occurredAt: '2025-03-14T15:45:00Z' }, { id: ids[4], trace: 5 }),
  fixture(careFundingRequestedV1, { fundingRequestId: story.fundingRequestId, organisationId: GGZ, insurerId: ZK, occurredAt: '2025-03-20T09:30:00Z' }, { id: ids[5], trace: 6 }),
  fixture(careFundingGrantedV1, { fundingRequestId: story.fundingRequestId, insurerId: ZK, occurredAt: '2025-03-20T10:00:00Z' }, { id: ids[6], trace: 7 }),
  // A second consent, for the work outcome the insurer hears of, granted after the funding.
  fixture(
    consentGrantedV1,
    {
      consentId: WORK_CONSENT,
      purpose: 'chain-coordination',
      organisationTypes: ['insurer'],
      dataCategories: ['administrative', 'work', 'financial'],
      validFrom: '2025-03-01',
      recipients: undefined,
      occurredAt: '2025-03-25T09:00:00Z',
    },
    { id: ids[7], trace: 8 },
  ),
  fixture(
    clientReferredV1,
    { referralId: story.matchingReferralId, fromOrganisationId: RDAM, toOrganisationId: WSP, toOrganisationType: 'employer-network', route: 'matching', occurredAt: '2025-03-26T09:00:00Z' },
    { id: ids[8], trace: 9 },
  ),
  fixture(employerNetworkReferralAcceptedV1, { referralId: story.matchingReferralId, organisationId: WSP, occurredAt: '2025-03-27T09:00:00Z' }, { id: ids[9], trace: 10 }),
  fixture(
    caseReviewHeldV1,
    {
      attendees: [
        { userId: 'regisseur-17', organisationId: RDAM, organisationType: 'municipality' },
        { userId: 'am-04', organisationId: WSP, organisationType: 'employer-network' },
      ],
      dataCategoriesDiscussed: ['work'],
      occurredAt: '2025-03-28T10:00:00Z',
    },
    { id: ids[10], trace: 11 },
  ),
  fixture(placementStartedV1, { organisationId: WSP, occurredAt: '2025-04-01T09:00:00Z' }, { id: ids[11], trace: 12 }),
  fixture(
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
      occurredAt: '2025-04-02T09:30:00Z',
    },
    { id: ids[12], trace: 13 },
  ),
  // Withdrawn before the placement ends: the insurer's copy of the end is no longer covered.
  fixture(consentWithdrawnV1, { consentId: WORK_CONSENT, purpose: 'chain-coordination', occurredAt: '2025-06-10T14:30:00Z' }, { id: ids[13], trace: 14 }),
  fixture(placementEndedV1, { organisationId: WSP, occurredAt: '2025-07-01T10:00:00Z' }, { id: ids[14], trace: 15 }),
];

/** The worst order for a reader: each partner's whole history first, the municipality's last. */
const worstOrder: readonly FixtureEvent[] = ['case-view', 'insurer', 'employer-network', 'care-provider', 'municipality'].flatMap((producer) =>
  history.filter((e) => e.definition.producer === producer),
);

interface Row {
  id: string;
  name: string;
  sender: string;
  recipient: string;
  activity: string;
  status: string;
  basis: string;
  categories: string;
  consents: string;
}

async function recordsOf(db: TestDatabase): Promise<Row[]> {
  const result = await db.pool.query<Row>(
    `select id, name, sender_organisation_id as sender, recipient_organisation_type || ':' || recipient_organisation_id as recipient,
            processing_activity as activity, status_code as status, attributes->>'dpl.wcc.basis_status' as basis,
            attributes->>'dpl.wcc.data_categories' as categories, coalesce(attributes->>'dpl.wcc.consent_ids', '[]') as consents
       from disclosure_records where case_id = $1 order by id`,
    [story.caseId],
  );
  return result.rows;
}

async function pendingOf(db: TestDatabase): Promise<number> {
  const result = await db.pool.query<{ n: string }>('select count(*) as n from exchange_pending_events');
  return Number(result.rows[0]?.n ?? 0);
}

/** Waits until the log has taken in `events` messages and recorded them all. */
async function settled(db: TestDatabase, events: number): Promise<Row[]> {
  return waitFor(async () => {
    const inbox = await db.pool.query<{ n: string }>('select count(*) as n from inbox').catch(() => ({ rows: [{ n: '0' }] }));
    if (Number(inbox.rows[0]?.n ?? 0) < events || (await pendingOf(db)) > 0) return undefined;
    return recordsOf(db);
  }, `${events} events taken in and recorded`);
}

/** The same topics, another consumer group: a fresh reader of the whole history. */
function freshReaderOf(topics: TestNamespace): TestNamespace {
  const group = testNamespace();
  return { ...topics, groupPrefix: group.groupPrefix, group: (name) => group.group(name) };
}

describe('exchange log over out-of-order history', () => {
  const liveDb = useTestDatabase();
  const replayDb = useTestDatabase();
  const worstDb = useTestDatabase();
  const liveTopics = testNamespace();
  const worstTopics = testNamespace();
  const apps: NestExpressApplication[] = [];
  let producer: Producer;

  const kafka = testKafka('exchange-log-replay-test');

  beforeAll(async () => {
    producer = await connectedProducer();
  });

  async function partitionsOf(topic: string): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions.length;
    } finally {
      await admin.disconnect();
    }
  }

  afterAll(async () => {
    await producer?.disconnect();
    for (const app of apps.reverse()) await app.close();
  });

  async function start(db: TestDatabase, ns: TestNamespace): Promise<void> {
    apps.push((await startExchangeLogApp(db, ns)).app);
  }

  let live: Row[] = [];

  it('live: records each event once the case’s history before it is read', async () => {
    await start(liveDb, liveTopics);
    for (const [i, event] of history.entries()) {
      await publish(producer, liveTopics, event);
      await settled(liveDb, i + 1);
    }
    live = await recordsOf(liveDb);
    const brief = live.map((r) => `${r.name} -> ${r.recipient} | ${r.basis}`);
    // The crossings that depend on other producers' events: the referrer, the insurer of the case, the consents' times.
    expect(brief).toEqual(
      expect.arrayContaining([
        `deliver ReferralAccepted -> municipality:${RDAM} | legal-task`,
        `deliver ScreeningAdviceSubmitted -> municipality:${RDAM} | consent`,
        `deliver CareFundingGranted -> care-provider:${GGZ} | legal-task`,
        `deliver PlacementStarted -> insurer:${ZK} | consent`,
        `deliver PlacementEnded -> insurer:${ZK} | consent-missing`,
        `deliver CaseReviewHeld -> employer-network:${WSP} | consent-missing`,
      ]),
    );
    expect(live.filter((r) => r.recipient.endsWith(':unresolved'))).toEqual([]);
  });

  it('a fresh log replaying the live run’s topics from offset 0 writes the same records', async () => {
    await start(replayDb, freshReaderOf(liveTopics));
    const replayed = await settled(replayDb, history.length);
    expect(replayed).toEqual(live);
  });

  it('a log reading every partner’s history before the municipality’s writes the same records', async () => {
    // Other cases' openings ahead of this case's on its municipality partition: the reader
    // takes in the partners' small topics long before it reaches this case's referral.
    await createTopics(
      kafka,
      chainTopics.map((t) => worstTopics.topic(t)),
    );
    const partitionCount = await partitionsOf(worstTopics.topic(caseOpenedV1.topic));
    const sharing = partitionOfKey(story.caseId, partitionCount);
    const backlog: FixtureEvent[] = [];
    for (let n = 0; backlog.length < BACKLOG; n++) {
      const caseId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      if (partitionOfKey(caseId, partitionCount) === sharing) backlog.push(fixture(caseOpenedV1, { caseId, clientKey: `ck_backlog${String(n).padStart(8, '0')}`, municipalityId: RDAM }));
    }
    for (let i = 0; i < backlog.length; i += 200) await Promise.all(backlog.slice(i, i + 200).map((e) => publish(producer, worstTopics, e)));
    for (const event of worstOrder) await publish(producer, worstTopics, event);
    await start(worstDb, worstTopics);
    const partnerEvents = history.filter((e) => e.definition.producer !== 'municipality');
    // The partners' events were taken in while this case's municipality history was still unread…
    const takenInEarly = await waitFor(async () => {
      const seen = await worstDb.pool.query<{ event_id: string }>('select event_id from exchange_pending_events where case_id = $1', [story.caseId]).catch(() => ({ rows: [] }));
      const inbox = await worstDb.pool.query<{ n: string }>(`select count(*) as n from inbox where topic like '%municipality%'`).catch(() => ({ rows: [{ n: '0' }] }));
      return seen.rows.length > 0 && Number(inbox.rows[0]?.n ?? 0) < BACKLOG ? seen.rows.length : undefined;
    }, 'a partner event taken in before the municipality backlog was read');
    expect(takenInEarly).toBeGreaterThan(0);
    expect(partnerEvents.length).toBeGreaterThan(0);
    // …and still the records are the live run's.
    const worst = await settled(worstDb, history.length + BACKLOG);
    expect(worst).toEqual(live);
    console.log(
      `[exchange-log replay] ${history.length} events, ${live.length} records; replay from offset 0 and a read with ${takenInEarly} partner event(s) ahead of a ${BACKLOG}-event municipality backlog: identical (ids, receivers, bases, categories, consents)`,
    );
  });
});
