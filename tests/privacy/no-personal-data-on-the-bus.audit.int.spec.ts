// The audit tier runs after every other tier (scripts/test.mjs) and reads back what the
// whole suite put on the broker: every message the services published on a contract
// topic, under any test namespace. Not one may carry a BSN (elfproef), a field named
// for a BSN, a person's name or clinical detail, or an ICD-10 chapter F code; and every
// one must be a CloudEvent whose data fits its contract, on its contract's topic,
// keyed by its case id.
//
// Which topics: a service publishes on `${KAFKA_TOPIC_PREFIX}${contractTopic}` and the
// prefix is one namespace token (`t3f9a1c0-` from testNamespace(), or none in a real
// deployment). Only namespaced topics are audited: every test publishes under a
// namespace, so a bare contract topic (`wcc.municipality.case-events.v1`) holds what a
// person typed into `npm start`, not what this run produced — and `npm test` runs on a
// broker of its own anyway (scripts/test.mjs). The platform messaging library's own tests make sub-namespaced topics
// (`t3f9a1c0-malformed-wcc.municipality.case-events.v1`) on which they put broken
// messages on purpose, to prove the consumer dead-letters them; those, and every
// dead-letter twin (`….dlt`), are not what a service published and are left out
// (counted in the log line).
//
// Which messages: personal data is looked for in every message on those topics, whoever
// put it there. The contract checks apply to what a service's outbox relay published —
// a relay's CloudEvents always carry `ce_sequence` (the stored event's global position).
// Messages without it were produced by test kits playing a partner, some deliberately
// outside the contract to prove a consumer dead-letters them; those are counted, and any
// that do not fit are listed in the log, but they are inputs of tests, not output of the
// services.
import type { IHeaders } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { clientReferredV1, findIntegrationEvent, isContractTopic } from '@wcc/contracts';
import { decodeCloudEvent } from '@wcc/messaging';
import { personalDataIn, readTopicsToEnd, testKafka, type SnapshotMessage } from '@wcc/testing';

/** One namespace token and its dash, e.g. `t3f9a1c0-` or `cvsmoke-`. */
const namespacePrefix = /^[A-Za-z0-9_]+-$/;

/**
 * The contract topic a namespaced physical topic is — a listed topic, or an organisation's
 * own member of a listed audience topic ('…wcc.municipality.to-care-provider.ggz-delfland.v1')
 * — or undefined when it is not one (or not namespaced).
 */
function contractTopicOf(physical: string): string | undefined {
  const at = physical.indexOf('wcc.');
  if (at <= 0 || !namespacePrefix.test(physical.slice(0, at))) return undefined;
  const topic = physical.slice(at);
  return isContractTopic(topic) ? topic : undefined;
}

/** Published by an outbox relay: `ce_sequence` is the stored event's global position. */
function fromRelay(message: SnapshotMessage): boolean {
  const sequence = message.headers['ce_sequence'];
  return typeof sequence === 'string' && /^[0-9]{20}-[0-9]{20}$/.test(sequence);
}

/** Personal data in one message, as sentences. */
function personalDataProblemsOf(message: SnapshotMessage): string[] {
  return personalDataIn(message).map((f) => `personal data in ${f.where}: ${f.what}`);
}

/** Everything wrong with one message as a contract event, as sentences. */
function contractProblemsOf(message: SnapshotMessage, contractTopic: string): string[] {
  const problems: string[] = [];
  const decoded = decodeCloudEvent({ headers: message.headers as IHeaders, value: message.value });
  if (!decoded.ok) return [...problems, `not a CloudEvent: ${decoded.reason}`];
  const { type, data } = decoded.event;
  const definition = findIntegrationEvent(type);
  if (!definition) return [...problems, `type ${type} is declared by no contract`];
  if (!definition.appearsOn(contractTopic)) problems.push(`${type} belongs on ${definition.topics.join(' or ')}, not ${contractTopic}`);
  const checked = definition.validate(data);
  if (!checked.ok) problems.push(`${type} does not fit its contract: ${checked.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  // On an audience topic only what this occurrence's data addresses to that organisation (or, where it goes to every one, that partner type).
  else if (definition.appearsOn(contractTopic) && !definition.topicsOf(checked.value).includes(contractTopic)) problems.push(`${type} with this data is not addressed to ${contractTopic}`);
  else if (message.key !== definition.caseIdOf(checked.value)) problems.push(`${type} is keyed ${message.key ?? 'null'}, not by its case id`);
  return problems;
}

describe('no personal data on the bus', () => {
  it('finds no BSN, name or clinical detail, and only contract-valid events, in anything the services published', async () => {
    const kafka = testKafka('privacy-audit');
    const admin = kafka.admin();
    await admin.connect();
    const everyTopic = await admin.listTopics().finally(() => admin.disconnect());

    const audited = everyTopic.flatMap((topic) => {
      const contractTopic = contractTopicOf(topic);
      return contractTopic === undefined ? [] : [{ topic, contractTopic }];
    });
    const leftOut = everyTopic.filter((t) => !t.startsWith('__') && contractTopicOf(t) === undefined);
    const bare = leftOut.filter((t) => isContractTopic(t));
    const nested = leftOut.filter((t) => !t.endsWith('.dlt') && !bare.includes(t) && t.includes('wcc.') && isContractTopic(t.slice(t.indexOf('wcc.'))));

    const snapshot = await readTopicsToEnd(
      kafka,
      audited.map((a) => a.topic),
      { timeoutMs: 240_000 },
    );
    const contractTopicOfPhysical = new Map(audited.map((a) => [a.topic, a.contractTopic]));
    const at = (message: SnapshotMessage) => `${message.topic}[${message.partition}]@${message.offset}`;
    const relayed = snapshot.messages.filter(fromRelay);
    const injected = snapshot.messages.filter((m) => !fromRelay(m));
    const problems = [
      ...snapshot.messages.flatMap((message) => personalDataProblemsOf(message).map((p) => `${at(message)}: ${p}`)),
      ...relayed.flatMap((message) => contractProblemsOf(message, contractTopicOfPhysical.get(message.topic)!).map((p) => `${at(message)}: ${p}`)),
    ];
    const injectedOutsideContract = injected.flatMap((message) => contractProblemsOf(message, contractTopicOfPhysical.get(message.topic)!).map((p) => `${at(message)}: ${p}`));
    const topicsWithMessages = new Set(snapshot.messages.map((m) => m.topic)).size;
    const types = new Set(relayed.map((m) => String(m.headers['ce_type'])));
    console.log(
      `[privacy audit] ${everyTopic.length} topics on the broker; ${audited.length} contract topics audited (${topicsWithMessages} with messages, ` +
        `${snapshot.partitions} partitions); ${snapshot.messages.length} messages scanned for personal data, ${relayed.length} of them published by ` +
        `services' relays and checked against their contracts (${types.size} event types), ${injected.length} produced by test kits ` +
        `(${injectedOutsideContract.length} deliberately outside the contract); ${leftOut.length} topics left out ` +
        `(${leftOut.filter((t) => t.endsWith('.dlt')).length} dead-letter, ${nested.length} library-test sub-namespaces, ${bare.length} un-namespaced, the rest no contract topic); ` +
        `${problems.length} problem(s)`,
    );
    if (injectedOutsideContract.length > 0) console.log(`[privacy audit] test inputs outside the contract (not failures):\n${injectedOutsideContract.slice(0, 20).join('\n')}`);

    expect(snapshot.unfinished, 'partitions not read to their end in time').toEqual([]);
    // Nothing scanned proves nothing: the earlier tiers publish on these topics, so an empty
    // broker means the audit ran alone. Run `npx vitest run --project int` first.
    expect(relayed.length, 'no messages published by services on the broker to audit: run the int tier first').toBeGreaterThan(0);
    expect(problems.slice(0, 50), `${problems.length} problem(s)`).toEqual([]);
  });

  it('would notice a BSN, a name field, a diagnosis and a message outside its contract', () => {
    const valid = {
      key: '4d5a7c1e-2f3b-4c6d-8e9f-0a1b2c3d4e5f',
      headers: {
        ce_specversion: '1.0',
        ce_id: 'x',
        ce_source: 'urn:test',
        ce_type: 'nl.workcarechain.care-provider.referral-declined.v1',
        ce_sequence: '00000000000000001234-00000000000000000001',
        'content-type': 'application/json',
      },
      value: JSON.stringify({
        caseId: '4d5a7c1e-2f3b-4c6d-8e9f-0a1b2c3d4e5f',
        clientKey: 'ck_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
        occurredAt: '2026-01-05T10:00:00.000Z',
        referralId: '9d5a7c1e-2f3b-4c6d-8e9f-0a1b2c3d4e5f',
        organisationId: 'ggz-altrecht',
        reasonCode: 'other',
        reason: 'Elders in zorg.',
      }),
    };
    const topic = 'wcc.care-provider.case-events.v1';
    const message = (offset: string, value = valid.value): SnapshotMessage => ({ ...valid, value, topic, partition: 0, offset });
    const all = (m: SnapshotMessage, contractTopic = topic) => [...personalDataProblemsOf(m), ...contractProblemsOf(m, contractTopic)].join('\n');
    expect(fromRelay(message('0'))).toBe(true);
    expect(all(message('0'))).toBe('');
    expect(all(message('1', valid.value.replace('Elders in zorg.', 'BSN 111222333')))).toMatch(/111222333 passes the elfproef/);
    // A BSN that lost its leading zero in a number field.
    expect(all(message('2', valid.value.replace('"reasonCode"', '"amount":12345672,"reasonCode"')))).toMatch(/12345672 passes the elfproef/);
    expect(all(message('3', valid.value.replace('Elders in zorg.', 'Diagnose F32.1')))).toMatch(/ICD-10-like code F32.1/);
    const withName = all(message('4', valid.value.replace('"reasonCode"', '"lastName":"Jansen","reasonCode"')));
    expect(withName).toMatch(/field 'lastName' is named like/);
    expect(withName).toMatch(/does not fit its contract/);
    expect(all(message('5'), 'wcc.municipality.case-events.v1')).toMatch(/belongs on wcc.care-provider.case-events.v1 or wcc.care-provider.to-municipality.v1/);
    // A referral to the employer network on a care provider's own topic: misrouted.
    const delfland = 'wcc.municipality.to-care-provider.ggz-delfland.v1';
    const toEmployer = { ...clientReferredV1.example, toOrganisationType: 'employer-network', toOrganisationId: 'wsp-rijnmond', route: 'matching' };
    const misrouted: SnapshotMessage = { ...message('9', JSON.stringify(toEmployer)), key: toEmployer.caseId, topic: delfland, headers: { ...valid.headers, ce_type: clientReferredV1.type } };
    expect(all(misrouted, delfland)).toMatch(/with this data is not addressed to wcc.municipality.to-care-provider.ggz-delfland.v1/);
    expect(all({ ...misrouted, value: JSON.stringify(clientReferredV1.example) }, delfland)).toBe('');
    // A referral to one care provider on another's topic, or on the declared topic every care provider could read: misrouted.
    const nhn = 'wcc.municipality.to-care-provider.ggz-nhn.v1';
    expect(all({ ...misrouted, value: JSON.stringify(clientReferredV1.example), topic: nhn }, nhn)).toMatch(/with this data is not addressed to wcc.municipality.to-care-provider.ggz-nhn.v1/);
    expect(all({ ...misrouted, value: JSON.stringify(clientReferredV1.example) }, 'wcc.municipality.to-care-provider.v1')).toMatch(/belongs on .*not wcc.municipality.to-care-provider.v1/);
    expect(contractTopicOf(`t1a2b3c4d-${nhn}`)).toBe(nhn);
    expect(all({ ...message('6'), key: 'another-key' })).toMatch(/not by its case id/);
    expect(all(message('7', '{"caseId": "'))).toMatch(/does not fit|JSON/);
    // UUIDs whose first group is eight digits are not BSNs.
    expect(all(message('8', valid.value.replace('9d5a7c1e-', '12345672-')))).toBe('');
    expect(contractTopicOf('t1a2b3c4d-wcc.municipality.case-events.v1')).toBe('wcc.municipality.case-events.v1');
    // A deployment's (or `npm start`'s) own topic is not this run's output.
    expect(contractTopicOf('wcc.municipality.case-events.v1')).toBeUndefined();
    expect(contractTopicOf('t1a2b3c4d-wcc.municipality.case-events.v1.dlt')).toBeUndefined();
    expect(contractTopicOf('t1a2b3c4d-malformed-wcc.municipality.case-events.v1')).toBeUndefined();
  });
});
