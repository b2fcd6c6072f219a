// The helper's own spec: it passes what it should, and fails, saying why, what it should.
import { describe, expect, it } from 'vitest';
import { domainError, type Decider } from '../decider';
import { commandMetadata, deciderSpec } from './given-when-then';

type Counted = { type: 'Counted'; data: { by: number; at: string } };
type Count = { type: 'Count'; data: { by: number } };
/** A counter that refuses to count past 2, and records when it counted. */
const counter: Decider<Count, Counted, number> = {
  streamType: 'counter',
  initialState: () => 0,
  evolve: (n, e) => n + e.data.by,
  decide: (c, n, m) => (n + c.data.by > 2 ? domainError('conflict', 'too-many', 'Counts to 2 at most.', '/by') : [{ type: 'Counted', data: { by: c.data.by, at: m.now } }]),
};
const metadata = commandMetadata({ userId: 'u-1', organisationId: 'org-1', organisationType: 'municipality' });
const given = deciderSpec(counter, { metadata });
const once: Counted = { type: 'Counted', data: { by: 1, at: metadata.now } };
const count = (by: number): Count => ({ type: 'Count', data: { by } });

describe('deciderSpec', () => {
  it('folds the given events into the state the command is decided on', () => {
    expect(given([once, once]).state).toBe(2);
    given([once]).when(count(1)).then([once]);
    expect(given([once]).when(count(1)).events).toEqual([once]);
  });

  it('passes the metadata to the decider, the spec default unless the command brings its own', () => {
    const later = { ...metadata, now: '2025-03-04T09:00:00.000Z' };
    given([])
      .when(count(1), later)
      .then([{ type: 'Counted', data: { by: 1, at: later.now } }]);
    expect(() => deciderSpec(counter)([]).when(count(1))).toThrow('when(Count): no metadata');
  });

  it('matches a refusal by its code or by any part of it', () => {
    given([once, once]).when(count(1)).thenRefused('too-many');
    given([once, once]).when(count(1)).thenRefused({ category: 'conflict', field: '/by' });
    expect(given([once, once]).when(count(1)).result).toMatchObject({ kind: 'domain-error', code: 'too-many' });
  });

  it('fails then() on other events or a refusal, naming the scene and the refusal', () => {
    expect(() => given([]).when(count(1)).then([])).toThrow('given [] when Count');
    expect(() => given([once, once]).when(count(1)).then([once])).toThrow('given [Counted, Counted] when Count: expected events, got refusal conflict too-many: Counts to 2 at most.');
    expect(() => given([once, once]).when(count(1)).events).toThrow('got refusal conflict too-many');
  });

  it('fails thenRefused() on events or another refusal', () => {
    expect(() => given([]).when(count(1)).thenRefused('too-many')).toThrow('given [] when Count: expected refusal "too-many", got events [Counted]');
    expect(() => given([once, once]).when(count(1)).thenRefused({ category: 'invalid' })).toThrow('given [Counted, Counted] when Count');
  });
});
