// The mapping is where clinical detail would leak: every domain event maps to valid
// integration events or to none, and ClinicalFindingsRecorded always to none.
import { describe, expect, it } from 'vitest';
import { ADVISED_ROUTES, CARE_FUNDING_INSTRUMENTS, DECLINE_REASONS, DISCHARGE_REASONS, FUNCTIONAL_LIMITATION_CODES, TREATMENT_END_REASONS } from '@wcc/care-provider-domain';
import { advisedRoutes, careFundingInstruments, clientReferredV1, declineReasons, dischargeReasons, functionalLimitationCodes, treatmentEndReasons } from '@wcc/contracts';
import type { RecordedEvent } from '@wcc/event-store';
import { careProviderMapping, type CareProviderDomainEvent } from './care-provider.mapping';

const ref = { referralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69', caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71', clientKey: 'ck_7Qm2xV9pLr4TnB8s', organisationId: 'ggz-delfland' };
const funding = { ...ref, fundingRequestId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', insurerId: 'achmea' };
const claim = { ...funding, claimId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e' };

const samples: CareProviderDomainEvent[] = [
  { type: 'ReferralReceived', data: { ...ref, fromOrganisationId: 'gemeente-rotterdam', route: 'ggz-screening', reason: 'x', replyDeadline: '2025-03-17', referredAt: '2025-03-03T09:15:00Z' } },
  { type: 'ReferralAccepted', data: { ...ref, plannedStart: '2025-03-12' } },
  { type: 'ReferralDeclined', data: { ...ref, reasonCode: 'no-capacity', reason: 'Full.' } },
  { type: 'ScreeningStarted', data: { ...ref, startedOn: '2025-03-07' } },
  { type: 'ClinicalFindingsRecorded', data: { ...ref, findingsId: 'f', diagnoses: [{ system: 'icd-10', code: 'F32.1' }], notes: 'Low mood.' } },
  {
    type: 'ScreeningAdviceSubmitted',
    data: {
      ...ref,
      adviceId: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4',
      advisedRoute: 'ips',
      workCapacityHoursPerWeek: 16,
      functionalLimitations: ['working-hours'],
      contraIndications: false,
      reviewDate: '2025-06-14',
    },
  },
  { type: 'IpsJobCoachAssigned', data: { ...ref, jobCoachId: 'coach-1' } },
  { type: 'IpsIntakeSessionRecorded', data: { ...ref, sessionNumber: 8, heldOn: '2025-03-27' } },
  { type: 'TreatmentEpisodeStarted', data: { ...ref, episodeId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a', startDate: '2025-03-18' } },
  { type: 'TreatmentEpisodeEnded', data: { ...ref, episodeId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a', endDate: '2025-09-30', endReason: 'completed' } },
  { type: 'ClientDischarged', data: { ...ref, dischargedOn: '2025-10-01', reasonCode: 'care-completed' } },
  { type: 'CareFundingRequested', data: { ...funding, instrument: 'ips-intake', units: 8, amountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' } },
  { type: 'CareFundingGranted', data: { ...funding, grantedUnits: 8, grantedAmountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' } },
  { type: 'CareFundingRefused', data: { ...funding, reasonCode: 'other', reason: 'No.' } },
  { type: 'CareClaimSubmitted', data: { ...claim, instrument: 'ips-intake', units: 8, amountCents: 73_600, periodFrom: '2025-04-01', periodTo: '2025-06-30' } },
  { type: 'CareClaimSettled', data: { ...claim, amountCents: 73_600, settledOn: '2025-07-02' } },
  { type: 'CareClaimRejected', data: { ...claim, reason: 'over-budget', detail: 'x' } },
];

function recorded(event: CareProviderDomainEvent): RecordedEvent {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { occurredAt: '2025-03-10T09:00:00.000Z', correlationId: 'c', causationId: null, actor: { userId: 'u', organisationId: 'ggz-delfland', organisationType: 'care-provider' } },
    streamId: 'referral-x',
    streamVersion: 1,
    globalPosition: { transactionId: 1n, position: 1n },
    recordedAt: '2025-03-10T09:00:00.000Z',
  };
}

describe('care-provider integration mapping', () => {
  it.each(samples.map((s) => [s.type, s] as const))('%s maps to integration events that fit their contracts', (_type, sample) => {
    for (const message of careProviderMapping(recorded(sample))) {
      const checked = message.definition.validate(message.data);
      expect(checked.ok, JSON.stringify(checked)).toBe(true);
      expect(message.definition.producer).toBe('care-provider');
      expect(message.definition.caseIdOf(message.data)).toBe(ref.caseId);
    }
  });

  it('addresses answers to the referring municipality and funding requests to the named insurer, on their own topics only', () => {
    const answer = { ...ref, referringOrganisationId: 'gemeente-rotterdam' };
    const topicsOf = (sample: CareProviderDomainEvent) => careProviderMapping(recorded(sample)).map((m) => m.definition.topicsOf(m.data as never));
    expect(topicsOf({ type: 'ReferralAccepted', data: answer })).toEqual([['wcc.care-provider.case-events.v1', 'wcc.care-provider.to-municipality.gemeente-rotterdam.v1']]);
    expect(topicsOf({ type: 'ReferralDeclined', data: { ...answer, reasonCode: 'no-capacity', reason: 'Full.' } })).toEqual([
      ['wcc.care-provider.case-events.v1', 'wcc.care-provider.to-municipality.gemeente-rotterdam.v1'],
    ]);
    const advice = samples.find((s) => s.type === 'ScreeningAdviceSubmitted')!;
    expect(topicsOf({ ...advice, data: { ...advice.data, referringOrganisationId: 'gemeente-amsterdam' } })).toEqual([
      ['wcc.care-provider.case-events.v1', 'wcc.care-provider.to-municipality.gemeente-amsterdam.v1'],
    ]);
    // An answer stored before the referrer was kept is addressed to no one: the chain topic only.
    expect(topicsOf({ type: 'ReferralAccepted', data: ref })).toEqual([['wcc.care-provider.case-events.v1']]);
    expect(topicsOf(samples.find((s) => s.type === 'CareFundingRequested')!)).toEqual([['wcc.care-provider.case-events.v1', 'wcc.care-provider.to-insurer.achmea.v1']]);
  });

  it('passes the job of a job-coaching request to the insurer, and nothing else about it', () => {
    const job = { hoursPerWeek: 24, contractMonths: 12, startDate: '2025-03-17' };
    const coaching: CareProviderDomainEvent = {
      type: 'CareFundingRequested',
      data: { ...funding, instrument: 'job-coaching', units: 40, amountCents: 368_000, periodFrom: '2025-04-01', periodTo: '2025-09-30', job },
    };
    const [message, ...more] = careProviderMapping(recorded(coaching));
    expect(more).toEqual([]);
    expect(message?.definition.validate(message.data)).toMatchObject({ ok: true });
    expect(message?.data).toMatchObject({ instrument: 'job-coaching', job });
    expect(message?.definition.categories['job']).toBe('work');
    // A request without a job (any other instrument) carries no job field at all.
    expect(careProviderMapping(recorded(samples.find((s) => s.type === 'CareFundingRequested')!))[0]?.data).not.toHaveProperty('job');
  });

  it('keeps clinical findings private: ClinicalFindingsRecorded maps to no integration event', () => {
    const findings = samples.find((s) => s.type === 'ClinicalFindingsRecorded')!;
    expect(careProviderMapping(recorded(findings))).toEqual([]);
  });

  it('publishes what the chain needs and no more', () => {
    const published = samples.flatMap((s) => careProviderMapping(recorded(s)).map((m) => [s.type, m.definition.name]));
    expect(published).toEqual([
      ['ReferralAccepted', 'ReferralAccepted'],
      ['ReferralDeclined', 'ReferralDeclined'],
      ['ScreeningStarted', 'ScreeningStarted'],
      ['ScreeningAdviceSubmitted', 'ScreeningAdviceSubmitted'],
      ['IpsJobCoachAssigned', 'IpsJobCoachAssigned'],
      ['IpsIntakeSessionRecorded', 'IpsIntakeSessionHeld'],
      ['TreatmentEpisodeStarted', 'TreatmentEpisodeStarted'],
      ['TreatmentEpisodeEnded', 'TreatmentEpisodeEnded'],
      ['ClientDischarged', 'ClientDischarged'],
      ['CareFundingRequested', 'CareFundingRequested'],
      ['CareClaimSubmitted', 'CareClaimSubmitted'],
    ]);
  });

  it('ignores event types it does not know', () => {
    expect(careProviderMapping({ ...recorded(samples[0]!), type: 'SomethingElse' })).toEqual([]);
  });

  it('uses the code lists the contracts publish', () => {
    expect([...ADVISED_ROUTES]).toEqual([...advisedRoutes]);
    expect([...FUNCTIONAL_LIMITATION_CODES]).toEqual([...functionalLimitationCodes]);
    expect([...DECLINE_REASONS]).toEqual([...declineReasons]);
    expect([...TREATMENT_END_REASONS]).toEqual([...treatmentEndReasons]);
    expect([...DISCHARGE_REASONS]).toEqual([...dischargeReasons]);
    expect([...CARE_FUNDING_INSTRUMENTS]).toEqual([...careFundingInstruments]);
    expect(clientReferredV1.schema.properties['toOrganisationType']).toMatchObject({ enum: expect.arrayContaining(['care-provider']) as unknown });
  });
});
