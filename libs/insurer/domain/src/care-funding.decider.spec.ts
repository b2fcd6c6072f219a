// Given the events of a funding request, when a command arrives, then these events
// (or this refusal). Every command: success and its refusals.
import { describe, expect, it } from 'vitest';
import type { CommandMetadata } from '@wcc/domain-kit';
import { deciderSpec } from '@wcc/domain-kit/testing';
import type { CareFundingCommand } from './care-funding.commands';
import { careFundingDecider } from './care-funding.decider';
import type { CareFundingEvent } from './care-funding.events';
import { tariffOn, type TariffTable } from './tariffs';

const fundingRequestId = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const caseId = '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71';
const clientKey = 'ck_7Qm2xV9pLr4TnB8s';
const claimId = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';

const contractManager: CommandMetadata = {
  commandId: '00000000-0000-4000-8000-000000000001',
  now: '2025-04-30T16:00:00.000Z',
  correlationId: 'c-1',
  causationId: null,
  actor: { userId: 'cm-1', organisationId: 'achmea', organisationType: 'insurer' },
};
const otherInsurer: CommandMetadata = { ...contractManager, actor: { userId: 'cm-2', organisationId: 'cz', organisationType: 'insurer' } };
const careProvider: CommandMetadata = { ...contractManager, actor: { userId: 'system', organisationId: 'ggz-delfland', organisationType: 'care-provider' } };

const requested = (overrides: Partial<Extract<CareFundingEvent, { type: 'CareFundingRequestReceived' }>['data']> = {}): CareFundingEvent => ({
  type: 'CareFundingRequestReceived',
  data: {
    fundingRequestId,
    caseId,
    clientKey,
    insurerId: 'achmea',
    careProviderId: 'ggz-delfland',
    instrument: 'ips-intake',
    requestedUnits: 8,
    requestedAmountCents: 73_600,
    periodFrom: '2025-03-20',
    periodTo: '2025-09-30',
    ...overrides,
  },
});

const granted = (units = 8, amount = 73_600): CareFundingEvent => ({
  type: 'CareFundingGranted',
  data: {
    fundingRequestId,
    caseId,
    clientKey,
    insurerId: 'achmea',
    careProviderId: 'ggz-delfland',
    instrument: 'ips-intake',
    grantedUnits: units,
    grantedAmountCents: amount,
    unitPriceCents: 9_200,
    tariffVersion: '2015',
    periodFrom: '2025-03-20',
    periodTo: '2025-09-30',
    decidedBy: 'cm-1',
  },
});

const settled = (id: string, units: number): CareFundingEvent => ({
  type: 'CareClaimSettled',
  data: {
    fundingRequestId,
    caseId,
    clientKey,
    claimId: id,
    insurerId: 'achmea',
    instrument: 'ips-intake',
    units,
    amountCents: units * 9_200,
    periodFrom: '2025-04-01',
    periodTo: '2025-04-30',
    settledOn: '2025-04-30',
    remainingUnits: 8 - units,
    remainingAmountCents: (8 - units) * 9_200,
  },
});

// Most commands here come from the contract manager; the others name their actor.
const given = deciderSpec(careFundingDecider, { metadata: contractManager });

const grant = (data: Partial<Extract<CareFundingCommand, { type: 'GrantCareFunding' }>['data']> = {}): CareFundingCommand => ({
  type: 'GrantCareFunding',
  data: { grantedUnits: 8, periodFrom: '2025-03-20', periodTo: '2025-09-30', ...data },
});

const claim = (data: Partial<Extract<CareFundingCommand, { type: 'SubmitCareClaim' }>['data']> = {}): CareFundingCommand => ({
  type: 'SubmitCareClaim',
  data: {
    claimId,
    fundingRequestId,
    caseId,
    clientKey,
    insurerId: 'achmea',
    careProviderId: 'ggz-delfland',
    instrument: 'ips-intake',
    units: 4,
    amountCents: 36_800,
    periodFrom: '2025-04-01',
    periodTo: '2025-04-30',
    ...data,
  },
});

describe('RegisterCareFundingRequest', () => {
  const register = (overrides = {}): CareFundingCommand => ({ type: 'RegisterCareFundingRequest', data: { ...requested(overrides).data } as never });

  it('given nothing, records the request as received', () => {
    given([]).when(register(), careProvider).then([requested()]);
  });

  it('given the request already received, changes nothing (redelivery)', () => {
    given([requested()]).when(register(), careProvider).then([]);
  });

  it('refuses a period that ends before it starts, naming the field', () => {
    given([])
      .when(register({ periodFrom: '2025-09-30', periodTo: '2025-03-20' }), careProvider)
      .thenRefused({ kind: 'domain-error', category: 'invalid', field: '/periodTo' });
  });
});

describe('GrantCareFunding', () => {
  it('given a request, grants 8 IPS intake sessions at €92 = €736 by default', () => {
    given([requested()]).when(grant()).then([granted()]);
  });

  it('grants fewer units than requested, for units × tariff', () => {
    const events = given([requested()]).when(grant({ grantedUnits: 5 })).events;
    expect(events).toMatchObject([{ type: 'CareFundingGranted', data: { grantedUnits: 5, grantedAmountCents: 46_000, tariffVersion: '2015' } }]);
  });

  it('refuses a grant above the tariff cap of 8 intake sessions, naming grantedUnits', () => {
    given([requested({ requestedUnits: 10, requestedAmountCents: 92_000 })])
      .when(grant({ grantedUnits: 10 }))
      .thenRefused({ kind: 'domain-error', category: 'invalid', code: 'above-tariff-cap', field: '/grantedUnits' });
  });

  it('refuses an amount above units × unit price, naming grantedAmountCents', () => {
    given([requested({ requestedAmountCents: 100_000 })])
      .when(grant({ grantedAmountCents: 80_000 }))
      .thenRefused({ category: 'invalid', code: 'above-tariff-cap', field: '/grantedAmountCents' });
  });

  it('refuses more units than the care provider requested', () => {
    given([requested({ requestedUnits: 4, requestedAmountCents: 36_800 })])
      .when(grant({ grantedUnits: 6 }))
      .thenRefused({ category: 'invalid', code: 'above-requested', field: '/grantedUnits' });
  });

  it('needs an explicit amount for a DBC care product, which has no unit price', () => {
    const dbc = [requested({ instrument: 'dbc-care-product', requestedUnits: 1, requestedAmountCents: 250_000 })];
    given(dbc)
      .when(grant({ grantedUnits: 1 }))
      .thenRefused({ category: 'invalid', code: 'amount-required', field: '/grantedAmountCents' });
    expect(given(dbc).when(grant({ grantedUnits: 1, grantedAmountCents: 240_000 })).events).toMatchObject([
      { type: 'CareFundingGranted', data: { instrument: 'dbc-care-product', grantedAmountCents: 240_000 } },
    ]);
  });

  it('refuses a period that ends before it starts', () => {
    given([requested()])
      .when(grant({ periodFrom: '2025-09-30', periodTo: '2025-03-20' }))
      .thenRefused({ category: 'invalid', field: '/periodTo' });
  });

  it('refuses an insurer the request is not addressed to (403)', () => {
    given([requested()]).when(grant(), otherInsurer).thenRefused({ category: 'forbidden', code: 'not-the-addressed-insurer' });
    given([requested()]).when(grant(), careProvider).thenRefused({ category: 'forbidden' });
  });

  it('refuses an unknown request (404) and a decided one (409)', () => {
    given([]).when(grant()).thenRefused({ category: 'not-found' });
    given([requested(), granted()])
      .when(grant({ grantedUnits: 7 }))
      .thenRefused({ category: 'conflict', code: 'care-funding-already-decided' });
  });
});

describe('GrantCareFunding again', () => {
  // A retry with its Idempotency-Key is answered by the command path with the first answer
  // (care-funding.http.int.spec.ts); what reaches the decider is a second decision.
  it('given a grant, the same grant again is a second decision: a conflict', () => {
    given([requested(), granted()]).when(grant()).thenRefused({ category: 'conflict', code: 'care-funding-already-decided' });
  });

  it('given a grant, a different grant is a conflict', () => {
    given([requested(), granted()])
      .when(grant({ grantedUnits: 6 }))
      .thenRefused({ category: 'conflict' });
    given([requested(), granted()])
      .when(grant(), { ...contractManager, actor: { ...contractManager.actor, userId: 'cm-9' } })
      .thenRefused({ category: 'conflict' });
  });
});

describe('RefuseCareFunding', () => {
  const refuse: CareFundingCommand = { type: 'RefuseCareFunding', data: { reasonCode: 'not-covered', reason: 'Job coaching is funded by the municipality.' } };

  it('given a request, refuses it with the reason', () => {
    given([requested()])
      .when(refuse)
      .then([
        {
          type: 'CareFundingRefused',
          data: {
            fundingRequestId,
            caseId,
            clientKey,
            insurerId: 'achmea',
            careProviderId: 'ggz-delfland',
            instrument: 'ips-intake',
            reasonCode: 'not-covered',
            reason: 'Job coaching is funded by the municipality.',
            decidedBy: 'cm-1',
          },
        },
      ]);
  });

  it('given the same refusal by the same person, changes nothing', () => {
    const first = given([requested()]).when(refuse).events;
    given([requested(), ...first])
      .when(refuse)
      .then([]);
  });

  it('refuses a blank reason', () => {
    given([requested()])
      .when({ type: 'RefuseCareFunding', data: { reasonCode: 'other', reason: '  ' } })
      .thenRefused({ category: 'invalid', field: '/reason' });
  });

  it('refuses another insurer, an unknown request and a decided one', () => {
    given([requested()]).when(refuse, otherInsurer).thenRefused({ category: 'forbidden' });
    given([]).when(refuse).thenRefused({ category: 'not-found' });
    given([requested(), granted()]).when(refuse).thenRefused({ category: 'conflict' });
  });
});

describe('SubmitCareClaim', () => {
  it('given a grant, settles a valid claim and reports what is left', () => {
    given([requested(), granted()])
      .when(claim(), careProvider)
      .then([
        {
          type: 'CareClaimSettled',
          data: {
            fundingRequestId,
            caseId,
            clientKey,
            claimId,
            insurerId: 'achmea',
            careProviderId: 'ggz-delfland',
            instrument: 'ips-intake',
            units: 4,
            amountCents: 36_800,
            periodFrom: '2025-04-01',
            periodTo: '2025-04-30',
            settledOn: '2025-04-30',
            remainingUnits: 4,
            remainingAmountCents: 36_800,
          },
        },
      ]);
  });

  it('settles a claim that uses the grant exactly up', () => {
    const result = given([requested(), granted(), settled('a0000000-0000-4000-8000-000000000001', 4)]).when(claim(), careProvider).events;
    expect(result).toMatchObject([{ type: 'CareClaimSettled', data: { remainingUnits: 0, remainingAmountCents: 0 } }]);
  });

  it.each([
    ['unknown', []],
    ['requested but undecided', [requested()]],
    [
      'refused',
      [
        requested(),
        { type: 'CareFundingRefused', data: { fundingRequestId, caseId, clientKey, insurerId: 'achmea', instrument: 'ips-intake', reasonCode: 'not-covered', reason: 'r', decidedBy: 'cm-1' } },
      ],
    ],
  ] as [string, CareFundingEvent[]][])('rejects a claim against funding that is %s as not-granted', (_label, events) => {
    expect(given(events).when(claim(), careProvider).events).toMatchObject([{ type: 'CareClaimRejected', data: { claimId, reason: 'not-granted' } }]);
  });

  it('rejects a claim that, with what was settled, goes over the granted units (over-budget)', () => {
    const result = given([requested(), granted(), settled('a0000000-0000-4000-8000-000000000001', 6)]).when(claim(), careProvider).events;
    expect(result).toMatchObject([{ type: 'CareClaimRejected', data: { reason: 'over-budget', insurerId: 'achmea' } }]);
    expect((result[0]?.data as { detail: string }).detail).toContain('Settled 6 of 8');
  });

  it('rejects a claim over the granted amount even when units are left (over-budget)', () => {
    const result = given([requested(), granted(8, 50_000)]).when(claim({ units: 6, amountCents: 55_200 }), careProvider).events;
    expect(result).toMatchObject([{ type: 'CareClaimRejected', data: { reason: 'over-budget' } }]);
  });

  it('rejects a claim outside the granted period', () => {
    const result = given([requested(), granted()]).when(claim({ periodFrom: '2025-09-15', periodTo: '2025-10-15' }), careProvider).events;
    expect(result).toMatchObject([{ type: 'CareClaimRejected', data: { reason: 'outside-period' } }]);
  });

  it('rejects a claim addressed to another insurer or from another care provider as not-granted', () => {
    const state = given([requested(), granted()]);
    expect(state.when(claim({ insurerId: 'cz' }), careProvider).events).toMatchObject([{ data: { reason: 'not-granted', insurerId: 'cz' } }]);
    expect(state.when(claim({ careProviderId: 'ggz-elders' }), careProvider).events).toMatchObject([{ data: { reason: 'not-granted' } }]);
  });

  it('rejects a claim for another instrument, above tariff, or with a reversed period', () => {
    const state = given([requested(), granted()]);
    expect(state.when(claim({ instrument: 'job-coaching' }), careProvider).events).toMatchObject([{ data: { reason: 'instrument-mismatch' } }]);
    expect(state.when(claim({ units: 2, amountCents: 20_000 }), careProvider).events).toMatchObject([{ data: { reason: 'above-tariff' } }]);
    expect(state.when(claim({ periodFrom: '2025-05-01', periodTo: '2025-04-01' }), careProvider).events).toMatchObject([{ data: { reason: 'invalid-period' } }]);
  });

  it('answers a claim once: the same claim again changes nothing', () => {
    const first = given([requested(), granted()]).when(claim(), careProvider).events;
    given([requested(), granted(), ...first])
      .when(claim(), careProvider)
      .then([]);
  });

  it('does not count rejected claims against the budget', () => {
    const rejected = given([requested(), granted()]).when(claim({ claimId: 'b0000000-0000-4000-8000-000000000002', periodFrom: '2026-01-01', periodTo: '2026-01-31' }), careProvider).events;
    const result = given([requested(), granted(), ...rejected]).when(claim({ units: 8, amountCents: 73_600 }), careProvider).events;
    expect(result).toMatchObject([{ type: 'CareClaimSettled', data: { remainingUnits: 0 } }]);
  });
});

describe('tariffs', () => {
  it('IPS intake: €92 a session, at most 8 (€736)', () => {
    expect(tariffOn('ips-intake', '2025-01-01')).toEqual({ version: '2015', tariff: expect.objectContaining({ unitPriceCents: 9_200, maxUnits: 8 }) as unknown });
  });

  it('picks the version valid on the date, and none before the first', () => {
    const tables: TariffTable[] = [
      {
        version: 'a',
        validFrom: '2015-01-01',
        tariffs: {
          'ips-intake': { instrument: 'ips-intake', unit: 'session', unitPriceCents: 9_200, maxUnits: 8 },
          'job-coaching': { instrument: 'job-coaching', unit: 'hour', unitPriceCents: 9_200, maxUnits: 312 },
          'dbc-care-product': { instrument: 'dbc-care-product', unit: 'care-product', maxUnits: 1 },
        },
      },
      {
        version: 'b',
        validFrom: '2026-01-01',
        tariffs: {
          'ips-intake': { instrument: 'ips-intake', unit: 'session', unitPriceCents: 9_800, maxUnits: 8 },
          'job-coaching': { instrument: 'job-coaching', unit: 'hour', unitPriceCents: 9_500, maxUnits: 312 },
          'dbc-care-product': { instrument: 'dbc-care-product', unit: 'care-product', maxUnits: 1 },
        },
      },
    ];
    expect(tariffOn('ips-intake', '2025-12-31', tables)?.version).toBe('a');
    expect(tariffOn('ips-intake', '2026-01-01', tables)?.tariff.unitPriceCents).toBe(9_800);
    expect(tariffOn('ips-intake', '2014-12-31', tables)).toBeUndefined();
  });
});
