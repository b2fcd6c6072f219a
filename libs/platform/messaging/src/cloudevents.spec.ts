import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@wcc/event-store';
import { cloudEventFrom, cloudEventSource, decodeCloudEvent, decodeSequence, encodeCloudEvent, encodeSequence, integrationEventId, type CloudEvent } from './cloudevents';

const domainEvent: Pick<RecordedEvent, 'id' | 'globalPosition' | 'metadata'> = {
  id: '0b0f5f3e-6a55-4d1e-9a59-3f0e1c7c2a11',
  globalPosition: { transactionId: 7345n, position: 12n },
  metadata: {
    occurredAt: '2025-03-04T09:15:00.000Z',
    correlationId: 'corr-1',
    causationId: 'cmd-1',
    actor: { userId: 'u-1', organisationId: 'gemeente-utrecht', organisationType: 'municipality' },
    trace: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'wcc=1' },
  },
};

const source = cloudEventSource({ organisation: '00000001002220647000', system: 'wcc-municipality' });

function referred(): CloudEvent<{ caseId: string; referredAt: string }> {
  return cloudEventFrom({
    source,
    type: 'nl.workcarechain.municipality.client-referred.v1',
    data: { caseId: 'case-42', referredAt: '2025-03-04' },
    from: domainEvent,
  });
}

describe('CloudEvents (NL GOV profile, Kafka binary mode)', () => {
  it('builds the NL GOV source URN and refuses segments that would break it', () => {
    expect(source).toBe('urn:nld:oin:00000001002220647000:systeem:wcc-municipality');
    expect(() => cloudEventSource({ organisation: 'a:b', system: 'x' })).toThrow(/organisation/);
    expect(() => cloudEventSource({ organisation: '1', system: 'with space' })).toThrow(/system/);
  });

  it('derives the same id for the same domain event and type, and a different one otherwise', () => {
    const id = integrationEventId(domainEvent.id, 'nl.workcarechain.a.v1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(integrationEventId(domainEvent.id, 'nl.workcarechain.a.v1')).toBe(id);
    expect(integrationEventId(domainEvent.id, 'nl.workcarechain.b.v1')).not.toBe(id);
    expect(integrationEventId(domainEvent.id, 'nl.workcarechain.a.v1', 1)).not.toBe(id);
    expect(integrationEventId('another-event', 'nl.workcarechain.a.v1')).not.toBe(id);
  });

  it('encodes the global position so that string order is log order', () => {
    const positions = [
      { transactionId: 9n, position: 100n },
      { transactionId: 10n, position: 3n },
      { transactionId: 10n, position: 20n },
      { transactionId: 18446744073709551615n, position: 1n },
    ];
    const encoded = positions.map(encodeSequence);
    expect([...encoded].sort()).toEqual(encoded);
    expect(encoded[1]).toBe('00000000000000000010-00000000000000000003');
    expect(encoded.map(decodeSequence)).toEqual(positions);
    expect(decodeSequence('10-3')).toBeUndefined();
  });

  it('maps the domain event into every attribute and leaves subject out by default', () => {
    const event = referred();
    expect(event).toEqual({
      specversion: '1.0',
      id: integrationEventId(domainEvent.id, 'nl.workcarechain.municipality.client-referred.v1'),
      source,
      type: 'nl.workcarechain.municipality.client-referred.v1',
      time: '2025-03-04T09:15:00.000Z',
      datacontenttype: 'application/json',
      sequence: '00000000000000007345-00000000000000000012',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      tracestate: 'wcc=1',
      correlationid: 'corr-1',
      causationid: domainEvent.id,
      data: { caseId: 'case-42', referredAt: '2025-03-04' },
    });
    expect('subject' in event).toBe(false);
  });

  it('writes attributes as ce_ headers, content-type, the case id as key and the data as the value', () => {
    const message = encodeCloudEvent(referred(), 'case-42');
    expect(message.key).toBe('case-42');
    expect(JSON.parse(String(message.value))).toEqual({ caseId: 'case-42', referredAt: '2025-03-04' });
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: referred().id,
      ce_source: source,
      ce_type: 'nl.workcarechain.municipality.client-referred.v1',
      ce_time: '2025-03-04T09:15:00.000Z',
      ce_sequence: '00000000000000007345-00000000000000000012',
      ce_traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      ce_tracestate: 'wcc=1',
      ce_correlationid: 'corr-1',
      ce_causationid: domainEvent.id,
      'content-type': 'application/json',
    });
  });

  it('round-trips through Buffers as kafkajs delivers them, keeping unknown extensions', () => {
    const event: CloudEvent = { ...referred(), subject: 'case-42', dataschema: 'https://example.org/s.json', extensions: { partitionkey: 'case-42' } };
    const message = encodeCloudEvent(event, 'case-42');
    const delivered = {
      value: Buffer.from(String(message.value)),
      headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, Buffer.from(String(v))])),
    };
    expect(decodeCloudEvent(delivered)).toEqual({ ok: true, event });
  });

  it('refuses an extension name the spec does not allow', () => {
    expect(() => encodeCloudEvent({ ...referred(), extensions: { 'Bad-Name': 'x' } }, 'k')).toThrow(/extension attribute name/);
  });

  describe('says why a message is not a readable CloudEvent', () => {
    const good = encodeCloudEvent(referred(), 'case-42');
    const headers = good.headers as Record<string, string>;
    const without = (name: string) => Object.fromEntries(Object.entries(headers).filter(([k]) => k !== name));
    const cases: [string, Parameters<typeof decodeCloudEvent>[0], RegExp][] = [
      ['missing id', { headers: without('ce_id'), value: good.value }, /ce_id is missing/],
      ['missing type', { headers: without('ce_type'), value: good.value }, /ce_type is missing/],
      ['wrong spec version', { headers: { ...headers, ce_specversion: '0.3' }, value: good.value }, /only CloudEvents 1\.0/],
      ['bad time', { headers: { ...headers, ce_time: 'yesterday' }, value: good.value }, /ce_time .*RFC 3339/],
      ['not JSON content type', { headers: { ...headers, 'content-type': 'text/plain' }, value: good.value }, /content-type is "text\/plain"/],
      ['missing content type', { headers: without('content-type'), value: good.value }, /content-type is missing/],
      ['no value', { headers, value: null }, /no value/],
      ['broken JSON', { headers, value: Buffer.from('{"caseId": ') }, /not valid JSON/],
      ['repeated header', { headers: { ...headers, ce_id: ['a', 'b'] }, value: good.value }, /ce_id appears more than once/],
    ];
    it.each(cases)('%s', (_name, message, reason) => {
      const decoded = decodeCloudEvent(message);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.reason).toMatch(reason);
    });

    it('accepts a charset parameter on the content type', () => {
      expect(decodeCloudEvent({ headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, value: good.value }).ok).toBe(true);
    });
  });
});
