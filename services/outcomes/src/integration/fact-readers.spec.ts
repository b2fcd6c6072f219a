import { describe, expect, it } from 'vitest';
import { consumedEvents, factReaders } from './fact-readers';

describe('fact readers', () => {
  it('has a reader or a stated reason for every event on the consumed topics', () => {
    const missing = consumedEvents.filter((d) => !factReaders.has(d.type)).map((d) => d.name);
    expect(missing).toEqual([]);
    expect(factReaders.size).toBe(consumedEvents.length);
  });

  it('reads each contract example into a fact that carries none of the free text or identities', () => {
    for (const definition of consumedEvents) {
      const reader = factReaders.get(definition.type)!;
      if (reader.kind === 'ignored') {
        expect(reader.why.length).toBeGreaterThan(5);
        continue;
      }
      const fact = reader.read(definition.example);
      const text = JSON.stringify(fact);
      for (const forbidden of ['reason":"W', 'employerName', 'role', 'Bakkerij', 'mental-health', 'jobCoachId']) expect(text).not.toContain(forbidden);
      expect(fact.type.length).toBeGreaterThan(0);
    }
  });
});
