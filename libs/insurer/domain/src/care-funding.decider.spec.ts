// Given the events of a funding request, when a command arrives, then these events
// (or this refusal). Every command: success and its refusals.
import { describe, expect, it } from 'vitest';
import type { CommandMetadata } from '@wcc/domain-kit';
import { deciderSpec } from '@wcc/domain-kit/testing';
import type { CareFundingCommand } from './care-funding.commands';
import { careFundingDecider } from './care-funding.decider';
import type { CareFundingEvent } from './care-funding.events';
import { jobCoachingRule002 } from '@wcc/shared-kernel';
import { TARIFF_TABLES, tariffOn, type TariffTable } from './tariffs';

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
    tariffVersion: '2015.2',
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
    expect(events).toMatchObject([{ type: 'CareFundingGranted', data: { grantedUnits: 5, grantedAmountCents: 46_000, tariffVersion: '2015.2' } }]);
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
    expect(tariffOn('ips-intake', '2025-01-01')).toEqual({ version: '2015.2', tariff: expect.objectContaining({ unitPriceCents: 9_200, maxUnits: 8 }) as unknown });
  });

  it('job coaching: €92 an hour, capped by report 002 §5.1.4 (the shared rule), no longer by a flat 312 hours', () => {
    expect(tariffOn('job-coaching', '2015-01-01')).toEqual({
      version: '2015.2',
      tariff: { instrument: 'job-coaching', unit: 'hour', unitPriceCents: 9_200, jobCoachingRule: jobCoachingRule002 },
    });
  });

  it('never applies a superseded version, but keeps it for the grants that recorded it', () => {
    const superseded = TARIFF_TABLES.find((t) => t.version === '2015');
    expect(superseded).toMatchObject({ supersededBy: '2015.2', tariffs: { 'job-coaching': { maxUnits: 312 } } });
    expect(tariffOn('job-coaching', '2025-06-01')?.version).toBe('2015.2');
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

// Report 002 §5.1.4: at most 15% / 7.5% / 6% of the contract hours in years 1 / 2 / 3 of the
// job, for contracts of at least 6 months and 12 hours a week, at €92 an hour. Weeks are the
// period's days / 7; the cap is whole hours, rounded down.
describe('job coaching (report 002 §5.1.4)', () => {
  const job = { hoursPerWeek: 24, contractMonths: 12, startDate: '2026-01-05' };
  // 2026-01-05 … 2026-07-05: 182 days, 26 weeks.
  const period = { periodFrom: '2026-01-05', periodTo: '2026-07-05' };
  const coaching = (overrides: Partial<Extract<CareFundingEvent, { type: 'CareFundingRequestReceived' }>['data']> = {}) =>
    requested({ instrument: 'job-coaching', requestedUnits: 120, requestedAmountCents: 120 * 9_200, ...period, job, ...overrides });
  const register = (event: CareFundingEvent): CareFundingCommand => ({ type: 'RegisterCareFundingRequest', data: { ...event.data } as never });
  const refusedOnArrival = (reasonCode: string) => ({
    type: 'CareFundingRefused',
    data: { fundingRequestId, caseId, clientKey, insurerId: 'achmea', careProviderId: 'ggz-delfland', instrument: 'job-coaching', reasonCode, decidedBy: 'tariff:2015.2' },
  });

  describe('on arrival', () => {
    it('records a request for an eligible job and leaves it to the contract manager', () => {
      given([]).when(register(coaching()), careProvider).then([coaching()]);
    });

    it('takes exactly 12 hours a week and exactly 6 months as enough', () => {
      const boundary = coaching({ job: { ...job, hoursPerWeek: 12, contractMonths: 6 } });
      given([]).when(register(boundary), careProvider).then([boundary]);
    });

    it('refuses a contract of 11 hours a week at once (contract-hours-too-low), saying the limit and the source', () => {
      const small = coaching({ job: { ...job, hoursPerWeek: 11 } });
      const events = given([]).when(register(small), careProvider).events;
      expect(events).toMatchObject([small, refusedOnArrival('contract-hours-too-low')]);
      expect((events[1]?.data as { reason: string }).reason).toBe(
        'Job coaching is funded for a contract of at least 12 hours a week; this contract has 11. (report 002 (Monitor Voorbeeldprojecten, 2016) §5.1.4)',
      );
    });

    it('refuses a 5-month contract at once (contract-too-short)', () => {
      const short = coaching({ job: { ...job, contractMonths: 5 } });
      const events = given([]).when(register(short), careProvider).events;
      expect(events).toMatchObject([short, refusedOnArrival('contract-too-short')]);
      expect((events[1]?.data as { reason: string }).reason).toContain('at least 6 months; this contract runs 5');
    });

    it('refuses a request that does not state the job (job-details-missing)', () => {
      const { job: _none, ...withoutJob } = coaching().data as Extract<CareFundingEvent, { type: 'CareFundingRequestReceived' }>['data'];
      const events = given([]).when({ type: 'RegisterCareFundingRequest', data: withoutJob }, careProvider).events;
      expect(events).toMatchObject([{ type: 'CareFundingRequestReceived' }, refusedOnArrival('job-details-missing')]);
      expect((events[1]?.data as { reason: string }).reason).toContain('hours per week, contract length in months and start date');
    });

    it('refuses a period wholly outside the first three years of the job (outside-coaching-years)', () => {
      const old = coaching({ job: { ...job, startDate: '2022-01-01' } });
      expect(given([]).when(register(old), careProvider).events).toMatchObject([old, refusedOnArrival('outside-coaching-years')]);
    });

    it('asks nothing of the job for other instruments', () => {
      given([]).when(register(requested()), careProvider).then([requested()]);
    });

    it('given the request refused on arrival, its redelivery changes nothing and a grant is a conflict', () => {
      const small = coaching({ job: { ...job, hoursPerWeek: 11 } });
      const history = given([]).when(register(small), careProvider).events;
      given(history).when(register(small), careProvider).then([]);
      given(history)
        .when(grant({ grantedUnits: 10, ...period }))
        .thenRefused({ category: 'conflict', code: 'care-funding-already-decided' });
    });
  });

  describe('the grant', () => {
    it('year 1, 24 h/week, 26 weeks: 15% × 24 × 26 = 93.6 hours, so at most 93 (rounded down), at €92', () => {
      const events = given([coaching()]).when(grant({ grantedUnits: 93, ...period })).events;
      expect(events).toMatchObject([
        { type: 'CareFundingGranted', data: { instrument: 'job-coaching', grantedUnits: 93, grantedAmountCents: 93 * 9_200, unitPriceCents: 9_200, tariffVersion: '2015.2', ...period } },
      ]);
      expect(given([coaching()]).when(grant({ grantedUnits: 94, ...period })).result).toEqual({
        kind: 'domain-error',
        category: 'invalid',
        code: 'above-tariff-cap',
        field: '/grantedUnits',
        message: 'Tariff 2015.2 funds at most 93 hour(s) of job-coaching for this job from 2026-01-05 to 2026-07-05: 15% of 24 h/week × 26.0 weeks in year 1 of the job, rounded down; 94 asked.',
      });
    });

    it('year 2 at 7.5%: 0.075 × 24 × 26 = 46.8, so at most 46', () => {
      const secondYear = coaching({ job: { ...job, startDate: '2025-01-05' } });
      expect(given([secondYear]).when(grant({ grantedUnits: 46, ...period })).events).toMatchObject([{ type: 'CareFundingGranted', data: { grantedUnits: 46 } }]);
      given([secondYear])
        .when(grant({ grantedUnits: 47, ...period }))
        .thenRefused({ code: 'above-tariff-cap', field: '/grantedUnits' });
    });

    it('a period across the anniversary: each part at its year’s share (86 days at 15%, 96 at 7.5%: (3.6 × 86 + 1.8 × 96) / 7 = 68.9, so 68)', () => {
      const across = coaching({ job: { ...job, startDate: '2025-04-01' } });
      expect(given([across]).when(grant({ grantedUnits: 68, ...period })).events).toMatchObject([{ type: 'CareFundingGranted', data: { grantedUnits: 68 } }]);
      given([across])
        .when(grant({ grantedUnits: 69, ...period }))
        .thenRefused({ code: 'above-tariff-cap' });
    });

    it('rounds an exact whole number of hours as that number: 12 h/week for 25 weeks at 15% is 45, not 44', () => {
      // In binary floating point 0.15 × 12 × 25 comes to 44.99999999999999.
      const twelveHours = coaching({ job: { ...job, hoursPerWeek: 12 } });
      const twentyFiveWeeks = { periodFrom: '2026-01-05', periodTo: '2026-06-28' };
      expect(given([twelveHours]).when(grant({ grantedUnits: 45, ...twentyFiveWeeks })).events).toMatchObject([{ type: 'CareFundingGranted', data: { grantedUnits: 45 } }]);
    });

    it('caps by the granted period, not the requested one', () => {
      // 13 weeks (2026-01-05 … 2026-04-05, 91 days) of year 1: 0.15 × 24 × 13 = 46.8, so 46.
      const quarter = { periodFrom: '2026-01-05', periodTo: '2026-04-05' };
      expect(given([coaching()]).when(grant({ grantedUnits: 46, ...quarter })).events).toMatchObject([{ type: 'CareFundingGranted', data: { grantedUnits: 46 } }]);
      given([coaching()])
        .when(grant({ grantedUnits: 47, ...quarter }))
        .thenRefused({ code: 'above-tariff-cap' });
    });

    it('refuses a granted period outside the years of the job, naming periodFrom', () => {
      given([coaching()])
        .when(grant({ grantedUnits: 10, periodFrom: '2029-02-01', periodTo: '2029-06-30' }))
        .thenRefused({ category: 'invalid', code: 'outside-coaching-years', field: '/periodFrom' });
    });

    it('given a job-coaching request received before the job was asked for, refuses to grant it (conflict) and lets the manager refuse it', () => {
      const { job: _none, ...stored } = coaching().data as Extract<CareFundingEvent, { type: 'CareFundingRequestReceived' }>['data'];
      const before: CareFundingEvent = { type: 'CareFundingRequestReceived', data: stored };
      given([before])
        .when(grant({ grantedUnits: 10, ...period }))
        .thenRefused({ category: 'conflict', code: 'job-details-missing' });
      expect(given([before]).when({ type: 'RefuseCareFunding', data: { reasonCode: 'job-details-missing', reason: 'Please state the job and ask again.' } }).events).toMatchObject([
        { type: 'CareFundingRefused', data: { reasonCode: 'job-details-missing', decidedBy: 'cm-1' } },
      ]);
    });
  });

  it('still folds a job-coaching grant recorded under tariff 2015 (flat cap, no job) and settles claims against it', () => {
    const { job: _none, ...stored } = coaching().data as Extract<CareFundingEvent, { type: 'CareFundingRequestReceived' }>['data'];
    const oldGrant: CareFundingEvent = {
      type: 'CareFundingGranted',
      data: {
        fundingRequestId,
        caseId,
        clientKey,
        insurerId: 'achmea',
        instrument: 'job-coaching',
        grantedUnits: 200,
        grantedAmountCents: 200 * 9_200,
        unitPriceCents: 9_200,
        tariffVersion: '2015',
        ...period,
        decidedBy: 'cm-1',
      },
    };
    const history = given([{ type: 'CareFundingRequestReceived', data: stored }, oldGrant]);
    expect(history.state).toMatchObject({ status: 'granted', grant: { grantedUnits: 200, tariffVersion: '2015' } });
    const settled = history.when(claim({ instrument: 'job-coaching', units: 150, amountCents: 150 * 9_200, periodFrom: '2026-02-01', periodTo: '2026-02-28' }), careProvider).events;
    expect(settled).toMatchObject([{ type: 'CareClaimSettled', data: { units: 150, remainingUnits: 50 } }]);
  });
});
