import { describe, expect, it } from 'vitest';
import { commandMetadataFrom, continueTrace } from './command-metadata';

const user = { userId: 'u-1', organisationId: 'ggz-noord', organisationType: 'care-provider', roles: ['screener'] } as const;

describe('command metadata from a request', () => {
  it('continues an incoming W3C trace with a new span', () => {
    const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const { traceparent } = continueTrace(incoming);
    expect(traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(traceparent).not.toContain('00f067aa0ba902b7');
  });

  it('starts a new trace when the header is missing or malformed', () => {
    expect(continueTrace(undefined).traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(continueTrace('00-00000000000000000000000000000000-00f067aa0ba902b7-01').traceparent).not.toContain('0000000000000000000000000000000');
  });

  it('uses a UUID idempotency key as the command id and the actor from the token', () => {
    const key = '3b241101-e2bb-4255-8caf-4136c566a962';
    const meta = commandMetadataFrom({ headers: { 'idempotency-key': key } }, user, new Date('2026-11-22T10:00:00Z'));
    expect(meta).toMatchObject({
      commandId: key,
      correlationId: key,
      now: '2026-11-22T10:00:00.000Z',
      causationId: null,
      actor: { userId: 'u-1', organisationId: 'ggz-noord', organisationType: 'care-provider' },
    });
  });
});
