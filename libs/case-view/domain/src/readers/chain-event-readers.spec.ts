// One reader per event the case view folds: exactly the partners' events on their chain
// topics, and the map does not compile with one left out.
import { describe, expect, it } from 'vitest';
import { chainTopics, integrationEvents } from '@wcc/contracts';
import type { ChainEventReaders } from '../chain-event-reader';
import { isPartnerOrganisationType } from '../vocabulary';
import { chainEventReaders } from '.';

describe('the chain event readers', () => {
  it('read every event a partner publishes on its chain topic, and nothing else', () => {
    const folded = integrationEvents.filter((d) => isPartnerOrganisationType(d.producer) && (chainTopics as readonly string[]).includes(d.topic)).map((d) => `${d.producer}:${d.name}`);
    expect(Object.keys(chainEventReaders).sort()).toEqual([...new Set(folded)].sort());
  });

  it('have a care rule exactly where the contract leaves care involvement to the data', () => {
    for (const [key, reader] of Object.entries(chainEventReaders)) {
      const declared = integrationEvents.find((d) => `${d.producer}:${d.name}` === key)?.revealsCareInvolvement;
      expect(reader.care !== undefined, key).toBe(declared === 'depends-on-data');
    }
  });

  it('do not compile with a reader left out', () => {
    const { 'care-provider:ScreeningStarted': left, ...others } = chainEventReaders;
    // @ts-expect-error a chain event without a reader is a type error
    const incomplete: ChainEventReaders = others;
    expect(Object.keys(incomplete)).not.toContain('care-provider:ScreeningStarted');
    expect(left.headline).toBe('administrative');
  });
});
