// Upcasting is pure, so its edge cases are pinned here without a database; the
// contract suite proves both stores apply it on read.
import { describe, expect, it } from 'vitest';
import { MissingUpcasterError, upcast } from './upcasting';

const upcasters = {
  ParticipationLadderRungSet: {
    1: (data: unknown) => ({ rung: (data as { trede: number }).trede }),
    2: (data: unknown) => ({ ...(data as { rung: number }), source: 'intake' }),
  },
};

describe('upcast', () => {
  it('applies the chain step by step up to the declared current version', () => {
    expect(upcast('ParticipationLadderRungSet', 1, { trede: 3 }, { upcasters, currentSchemaVersions: { ParticipationLadderRungSet: 3 } })).toEqual({
      schemaVersion: 3,
      data: { rung: 3, source: 'intake' },
    });
    expect(upcast('ParticipationLadderRungSet', 2, { rung: 4 }, { upcasters, currentSchemaVersions: { ParticipationLadderRungSet: 2 } })).toEqual({
      schemaVersion: 2,
      data: { rung: 4 },
    });
  });

  it('follows the chain as far as it reaches when no current version is declared', () => {
    expect(upcast('ParticipationLadderRungSet', 1, { trede: 2 }, { upcasters })).toEqual({ schemaVersion: 3, data: { rung: 2, source: 'intake' } });
    expect(upcast('CaseOpened', 1, { id: 'c-1' }, { upcasters })).toEqual({ schemaVersion: 1, data: { id: 'c-1' } });
  });

  it('leaves data of the current version, or newer, untouched', () => {
    const data = { rung: 5, source: 'werkfit' };
    const result = upcast('ParticipationLadderRungSet', 3, data, { upcasters, currentSchemaVersions: { ParticipationLadderRungSet: 3 } });
    expect(result.data).toBe(data);
    expect(upcast('ParticipationLadderRungSet', 4, data, { upcasters, currentSchemaVersions: { ParticipationLadderRungSet: 3 } }).schemaVersion).toBe(4);
  });

  it('refuses to hand a reader an older shape than it expects when a step is missing', () => {
    const attempt = () =>
      upcast(
        'ParticipationLadderRungSet',
        1,
        { trede: 1 },
        { upcasters: { ParticipationLadderRungSet: { 1: upcasters.ParticipationLadderRungSet[1] } }, currentSchemaVersions: { ParticipationLadderRungSet: 3 } },
      );
    expect(attempt).toThrow(MissingUpcasterError);
    expect(attempt).toThrow('No upcaster for ParticipationLadderRungSet from schema version 2; readers expect version 3');
  });
});
