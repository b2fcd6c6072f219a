import { describe, expect, it } from 'vitest';
import type { ZrmScores } from './code-lists';
import type { CaseCommand } from './case.commands';
import { caseDecider } from './case.decider';
import type { CaseEvent } from './case.events';
import { caseView } from './case.view';
import type { ClientProfile } from './client.events';
import { commandMetadata, deciderSpec, NOW } from '@wcc/domain-kit/testing';

const given = deciderSpec(caseDecider);
const caseId = '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71';
const clientKey = 'ck_7Qm2xV9pLr4TnB8sAbCdEf';
const municipality = 'gemeente-rotterdam';
const at = NOW;
const ids = { caseId, clientKey, at };

const clientManager = commandMetadata({ userId: 'km-1', organisationId: municipality, organisationType: 'municipality' });
const otherMunicipality = commandMetadata({ userId: 'km-9', organisationId: 'gemeente-delft', organisationType: 'municipality' });
const careProvider = commandMetadata({ userId: 'system', organisationId: 'ggz-delfland', organisationType: 'care-provider' });
const otherCareProvider = commandMetadata({ userId: 'system', organisationId: 'ggz-elders', organisationType: 'care-provider' });
const employerNetwork = commandMetadata({ userId: 'system', organisationId: 'werkplein-rijnmond', organisationType: 'employer-network' });

const profile: ClientProfile = { birthYear: 1990, sex: 'female', education: 'low', benefitType: 'wwb', benefitMonthlyAmountCents: 123_456, housing: 'independent' };
const zrm: ZrmScores = {
  finances: 2,
  'daytime-activities': 2,
  housing: 4,
  'domestic-relations': 4,
  'mental-health': 2,
  'physical-health': 4,
  addiction: 5,
  'daily-living-skills': 4,
  'social-network': 3,
  'community-participation': 2,
  justice: 5,
};

const opened: CaseEvent = { type: 'CaseOpened', data: { ...ids, municipalityId: municipality, profile } };
const regie: CaseEvent = { type: 'RegieAssigned', data: { ...ids, owner: { userId: 'reg-1', organisationId: municipality } } };
const consentId = 'c2d9e8f1-3b4a-4c5d-8e6f-7a8b9c0d1e2f';
const consent: CaseEvent = {
  type: 'ConsentGranted',
  data: {
    ...ids,
    consentId,
    purpose: 'chain-coordination',
    organisationTypes: ['municipality', 'care-provider', 'employer-network'],
    dataCategories: ['administrative', 'work'],
    validFrom: '2025-03-01',
    validTo: '2026-03-01',
  },
};
const referralId = '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69';
const referral: CaseEvent = {
  type: 'ClientReferred',
  data: {
    ...ids,
    referralId,
    fromOrganisationId: municipality,
    toOrganisationId: 'ggz-delfland',
    toOrganisationType: 'care-provider',
    route: 'ggz-screening',
    reason: 'Screening advice requested.',
    replyDeadline: '2025-03-17',
  },
};
const matchingReferralId = '1f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69';
const matchingReferral: CaseEvent = {
  type: 'ClientReferred',
  data: {
    ...ids,
    referralId: matchingReferralId,
    fromOrganisationId: municipality,
    toOrganisationId: 'werkplein-rijnmond',
    toOrganisationType: 'employer-network',
    route: 'matching',
    reason: 'Ready for matching.',
    replyDeadline: '2025-03-17',
  },
};
const baseline: CaseEvent = { type: 'ParticipationMeasured', data: { ...ids, moment: 'baseline', measuredOn: '2025-03-03', ladderRung: 2, growthPotential: true, zrm } };
const droppedOut: CaseEvent = { type: 'DroppedOut', data: { ...ids, phase: 'assessment', reasonCode: 'motivation', droppedOutOn: '2025-03-03' } };
const closed: CaseEvent = { type: 'CaseClosed', data: { ...ids, reasonCode: 'completed' } };
const benefitEnded: CaseEvent = { type: 'BenefitEnded', data: { ...ids, reasonCode: 'employee', endedOn: '2025-03-31' } };
const placementId = '7a7a7a7a-1111-4222-8333-444455556666';
const placementTerms = {
  placementId,
  sequence: 1,
  employerId: '7d1c3c4e-2f7b-4c0a-9d55-1a2b3c4d5e6f',
  employerName: 'Bakkerij De Korenschoof',
  role: 'warehouse assistant',
  contractType: 'temporary-6-months',
  hoursPerWeek: 16,
  grossHourlyWageCents: 1_250,
  wageSubsidy: true,
  jobCoach: true,
  startDate: '2025-04-01',
};
const placementStarted: CaseEvent = { type: 'PlacementStarted', data: { ...ids, ...placementTerms, organisationId: 'werkplein-rijnmond' } };

describe('case decider', () => {
  describe('OpenCase', () => {
    const open: CaseCommand = { type: 'OpenCase', data: { caseId, clientKey, clientMunicipalityId: municipality, profile } };
    it('opens a case for a client of the caller municipality', () => {
      given([]).when(open, clientManager).then([opened]);
    });
    it('refuses a client registered in another municipality', () => {
      given([]).when(open, otherMunicipality).thenRefused({ category: 'forbidden', code: 'other-municipality' });
    });
    it('refuses to open the same case twice', () => {
      given([opened]).when(open, clientManager).thenRefused({ category: 'conflict', code: 'case-exists' });
    });
  });

  describe('any command on a case that does not exist', () => {
    it('is not found', () => {
      given([])
        .when({ type: 'AssignRegie', data: { userId: 'reg-1' } }, clientManager)
        .thenRefused({ category: 'not-found', code: 'case-not-found' });
    });
  });

  describe('AssignRegie', () => {
    it('makes a user of the municipality the accountable owner', () => {
      given([opened])
        .when({ type: 'AssignRegie', data: { userId: 'reg-1' } }, clientManager)
        .then([regie]);
    });
    it('refuses a second active owner', () => {
      given([opened, regie])
        .when({ type: 'AssignRegie', data: { userId: 'reg-2' } }, clientManager)
        .thenRefused({ category: 'conflict', code: 'regie-already-assigned' });
    });
    it('refuses users of another municipality', () => {
      given([opened])
        .when({ type: 'AssignRegie', data: { userId: 'reg-1' } }, otherMunicipality)
        .thenRefused({ category: 'forbidden', code: 'other-municipality' });
    });
    it('refuses on a closed case', () => {
      given([opened, closed])
        .when({ type: 'AssignRegie', data: { userId: 'reg-1' } }, clientManager)
        .thenRefused({ category: 'conflict', code: 'case-closed' });
    });
  });

  describe('TransferRegie', () => {
    const transfer: CaseCommand = { type: 'TransferRegie', data: { toUserId: 'reg-2', reason: 'Caseload rebalanced' } };
    it('moves regie from the current owner and records both', () => {
      given([opened, regie])
        .when(transfer, clientManager)
        .then([
          {
            type: 'RegieTransferred',
            data: { ...ids, from: { userId: 'reg-1', organisationId: municipality }, to: { userId: 'reg-2', organisationId: municipality }, reason: 'Caseload rebalanced' },
          },
        ]);
    });
    it('refuses when nobody holds regie yet', () => {
      given([opened]).when(transfer, clientManager).thenRefused({ category: 'conflict', code: 'regie-not-assigned' });
    });
    it('refuses a transfer to the current owner', () => {
      given([opened, regie])
        .when({ type: 'TransferRegie', data: { toUserId: 'reg-1', reason: 'x' } }, clientManager)
        .thenRefused({ category: 'conflict', code: 'regie-same-owner' });
    });
    it('keeps one owner and the whole history in the case file', () => {
      const transferred: CaseEvent = {
        type: 'RegieTransferred',
        data: { ...ids, from: { userId: 'reg-1', organisationId: municipality }, to: { userId: 'reg-2', organisationId: municipality }, reason: 'r' },
      };
      const state = given([opened, regie, transferred]).state;
      if (state.status === 'new') expect.fail('case expected');
      expect(state.regie.owner).toEqual({ userId: 'reg-2', organisationId: municipality, since: at });
      expect(state.regie.history).toHaveLength(2);
    });
  });

  describe('GrantConsent', () => {
    const grant = (validTo?: string): CaseCommand => ({
      type: 'GrantConsent',
      data: {
        consentId,
        purpose: 'chain-coordination',
        organisationTypes: ['municipality', 'care-provider', 'employer-network'],
        dataCategories: ['administrative', 'work'],
        validFrom: '2025-03-01',
        ...(validTo === undefined ? {} : { validTo }),
      },
    });
    it('records the consent with purpose, scope and validity', () => {
      given([opened]).when(grant('2026-03-01'), clientManager).then([consent]);
    });
    it('refuses a validity that ends before it starts, naming validTo', () => {
      given([opened]).when(grant('2025-02-01'), clientManager).thenRefused({ category: 'invalid', code: 'consent-period-reversed', field: '/validTo' });
    });
    it('refuses the same consent id twice', () => {
      given([opened, consent]).when(grant(), clientManager).thenRefused({ category: 'conflict', code: 'consent-exists' });
    });
    const named = (recipients: { organisationId: string; organisationType: 'municipality' | 'care-provider' | 'insurer' | 'employer-network' }[]): CaseCommand => {
      const command = grant();
      return { ...command, data: { ...(command as Extract<CaseCommand, { type: 'GrantConsent' }>).data, recipients } } as CaseCommand;
    };
    it('records named recipient organisations', () => {
      const recipients = [{ organisationId: 'ggz-delfland', organisationType: 'care-provider' as const }];
      const { validTo: _untilWithdrawn, ...scope } = consent.data;
      given([opened])
        .when(named(recipients), clientManager)
        .then([{ type: 'ConsentGranted', data: { ...scope, recipients } }]);
    });
    it("records the client's choice to tell named employer networks about IPS, and refuses it without them or with others", () => {
      const network = { organisationId: 'werkplein-rijnmond', organisationType: 'employer-network' as const };
      const ips = (recipients: Parameters<typeof named>[0]): CaseCommand => {
        const command = named(recipients);
        return { ...command, data: { ...(command as Extract<CaseCommand, { type: 'GrantConsent' }>).data, disclosesIpsParticipation: true } } as CaseCommand;
      };
      const { validTo: _untilWithdrawn, ...scope } = consent.data;
      given([opened])
        .when(ips([network]), clientManager)
        .then([{ type: 'ConsentGranted', data: { ...scope, recipients: [network], disclosesIpsParticipation: true } }]);
      const refusal = { category: 'invalid', code: 'ips-disclosure-needs-named-employer-networks', field: '/disclosesIpsParticipation' } as const;
      given([opened])
        .when(ips([network, { organisationId: 'ggz-delfland', organisationType: 'care-provider' }]), clientManager)
        .thenRefused(refusal);
      const command = grant();
      given([opened])
        .when({ ...command, data: { ...(command as Extract<CaseCommand, { type: 'GrantConsent' }>).data, disclosesIpsParticipation: true } } as CaseCommand, clientManager)
        .thenRefused(refusal);
    });
    it('refuses a recipient of a type the consent does not list, and one named twice, naming the field', () => {
      given([opened])
        .when(named([{ organisationId: 'achmea', organisationType: 'insurer' }]), clientManager)
        .thenRefused({ category: 'invalid', code: 'recipient-outside-organisation-types', field: '/recipients/0/organisationType' });
      const twice = { organisationId: 'ggz-delfland', organisationType: 'care-provider' as const };
      given([opened])
        .when(named([twice, twice]), clientManager)
        .thenRefused({ category: 'invalid', code: 'recipient-repeated', field: '/recipients/1/organisationId' });
    });
  });

  describe('WithdrawConsent', () => {
    const withdraw: CaseCommand = { type: 'WithdrawConsent', data: { consentId } };
    const withdrawn: CaseEvent = {
      type: 'ConsentWithdrawn',
      data: { ...ids, consentId, purpose: 'chain-coordination', organisationTypes: ['municipality', 'care-provider', 'employer-network'], dataCategories: ['administrative', 'work'] },
    };
    it('withdraws and repeats the scope, also on a closed case', () => {
      given([opened, consent, closed]).when(withdraw, clientManager).then([withdrawn]);
    });
    it('refuses an unknown consent and a second withdrawal', () => {
      given([opened]).when(withdraw, clientManager).thenRefused({ category: 'not-found', code: 'consent-not-found' });
      given([opened, consent, withdrawn]).when(withdraw, clientManager).thenRefused({ category: 'conflict', code: 'consent-already-withdrawn' });
    });
  });

  describe('ReferClient', () => {
    const refer = (overrides: Partial<Extract<CaseCommand, { type: 'ReferClient' }>['data']> = {}): CaseCommand => ({
      type: 'ReferClient',
      data: {
        referralId,
        toOrganisationId: 'ggz-delfland',
        toOrganisationType: 'care-provider',
        route: 'ggz-screening',
        reason: 'Screening advice requested.',
        replyDeadline: '2025-03-17',
        ...overrides,
      },
    });
    it('refers to a care provider for screening when consent covers it', () => {
      given([opened, consent]).when(refer(), clientManager).then([referral]);
    });
    it('refuses without a valid consent for the receiving organisation type', () => {
      given([opened]).when(refer(), clientManager).thenRefused({ category: 'conflict', code: 'consent-required' });
    });
    it('refuses when the consent names other organisations of the type, not the one referred to', () => {
      const namingAnother = { ...consent, data: { ...consent.data, recipients: [{ organisationId: 'ggz-elders', organisationType: 'care-provider' as const }] } } as CaseEvent;
      given([opened, namingAnother]).when(refer(), clientManager).thenRefused({ category: 'conflict', code: 'consent-required' });
      const namingIt = { ...consent, data: { ...consent.data, recipients: [{ organisationId: 'ggz-delfland', organisationType: 'care-provider' as const }] } } as CaseEvent;
      given([opened, namingIt]).when(refer(), clientManager).then([referral]);
    });
    it('refuses a consent that has been withdrawn or has not started yet', () => {
      const withdrawn: CaseEvent = {
        type: 'ConsentWithdrawn',
        data: { ...ids, consentId, purpose: 'chain-coordination', organisationTypes: ['care-provider'], dataCategories: ['work'] },
      };
      given([opened, consent, withdrawn]).when(refer(), clientManager).thenRefused({ code: 'consent-required', category: 'conflict' });
      const future = { ...consent, data: { ...consent.data, validFrom: '2025-04-01' } };
      given([opened, future]).when(refer(), clientManager).thenRefused({ code: 'consent-required', category: 'conflict' });
    });
    it('refuses a care route towards the employer network (health data)', () => {
      given([opened, consent])
        .when(refer({ toOrganisationId: 'werkplein-rijnmond', toOrganisationType: 'employer-network', route: 'first-psychosis' }), clientManager)
        .thenRefused({ category: 'invalid', code: 'route-not-for-employer-network', field: '/route' });
    });
    it('refuses a deadline in the past', () => {
      given([opened, consent])
        .when(refer({ replyDeadline: '2025-03-02' }), clientManager)
        .thenRefused({ category: 'invalid', code: 'reply-deadline-in-past', field: '/replyDeadline' });
    });
    it('refuses a second pending referral to the same organisation', () => {
      given([opened, consent, referral])
        .when(refer({ referralId: '2f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69' }), clientManager)
        .thenRefused({ category: 'conflict', code: 'referral-pending' });
    });
    it('refuses after dropout', () => {
      given([opened, consent, droppedOut]).when(refer(), clientManager).thenRefused({ category: 'conflict', code: 'case-dropped-out' });
    });
  });

  describe('partner answers', () => {
    it('records an acceptance by the organisation the referral went to', () => {
      given([opened, consent, referral])
        .when({ type: 'RecordReferralAccepted', data: { referralId, plannedStart: '2025-03-12' } }, careProvider)
        .then([{ type: 'ReferralAccepted', data: { ...ids, referralId, plannedStart: '2025-03-12', organisationId: 'ggz-delfland' } }]);
    });
    it('records a decline with its reason', () => {
      given([opened, consent, referral])
        .when({ type: 'RecordReferralDeclined', data: { referralId, reasonCode: 'no-capacity', reason: 'Full' } }, careProvider)
        .then([{ type: 'ReferralDeclined', data: { ...ids, referralId, reasonCode: 'no-capacity', reason: 'Full', organisationId: 'ggz-delfland' } }]);
    });
    it('refuses an answer from another organisation, to an unknown referral, or a second answer', () => {
      const accept: CaseCommand = { type: 'RecordReferralAccepted', data: { referralId } };
      given([opened, consent, referral]).when(accept, otherCareProvider).thenRefused({ category: 'forbidden', code: 'referral-of-other-organisation' });
      given([opened, consent]).when(accept, careProvider).thenRefused({ category: 'not-found', code: 'referral-not-found' });
      const accepted: CaseEvent = { type: 'ReferralAccepted', data: { ...ids, referralId, organisationId: 'ggz-delfland' } };
      given([opened, consent, referral, accepted])
        .when({ type: 'RecordReferralDeclined', data: { referralId, reasonCode: 'other', reason: 'x' } }, careProvider)
        .thenRefused({ category: 'conflict', code: 'referral-already-answered' });
    });

    const advice: CaseCommand = {
      type: 'RecordScreeningAdvice',
      data: {
        adviceId: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4',
        referralId,
        advisedRoute: 'ips',
        workCapacityHoursPerWeek: 16,
        functionalLimitations: ['working-hours'],
        contraIndications: false,
        reviewDate: '2025-06-14',
      },
    };
    it('records screening advice, which also answers a pending referral', () => {
      const adviceEvent: CaseEvent = { type: 'ScreeningAdviceReceived', data: { ...ids, ...(advice.data as object), organisationId: 'ggz-delfland' } } as CaseEvent;
      given([opened, consent, referral]).when(advice, careProvider).then([adviceEvent]);
      const state = given([opened, consent, referral, adviceEvent]).state;
      if (state.status === 'new') expect.fail('case expected');
      expect(state.referrals[0]?.status).toBe('accepted');
      expect(caseView(state, NOW).latestAdvice?.advisedRoute).toBe('ips');
    });
    it('refuses advice after a declined referral', () => {
      const declined: CaseEvent = { type: 'ReferralDeclined', data: { ...ids, referralId, organisationId: 'ggz-delfland', reasonCode: 'other', reason: 'x' } };
      given([opened, consent, referral, declined]).when(advice, careProvider).thenRefused({ category: 'conflict', code: 'referral-declined' });
    });
  });

  describe('placements from the employer network', () => {
    it('records a placement from the network the case was referred to', () => {
      given([opened, consent, matchingReferral]).when({ type: 'RecordPlacementStarted', data: placementTerms }, employerNetwork).then([placementStarted]);
    });
    it('refuses a placement from a network without a referral', () => {
      given([opened, consent]).when({ type: 'RecordPlacementStarted', data: placementTerms }, employerNetwork).thenRefused({ category: 'forbidden', code: 'placement-without-referral' });
    });
    it('records the end of a placement once', () => {
      const end: CaseCommand = { type: 'RecordPlacementEnded', data: { placementId, endDate: '2025-09-30', reason: 'contract-not-renewed' } };
      const ended: CaseEvent = { type: 'PlacementEnded', data: { ...ids, placementId, endDate: '2025-09-30', reason: 'contract-not-renewed', organisationId: 'werkplein-rijnmond' } };
      given([opened, consent, matchingReferral, placementStarted]).when(end, employerNetwork).then([ended]);
      given([opened, consent, matchingReferral, placementStarted, ended]).when(end, employerNetwork).thenRefused({ category: 'conflict', code: 'placement-already-ended' });
      given([opened]).when(end, employerNetwork).thenRefused({ category: 'not-found', code: 'placement-not-found' });
    });
  });

  describe('RecordParticipation', () => {
    const measure = (moment: 'baseline' | '6-months' | '12-months', measuredOn = '2025-03-03'): CaseCommand => ({
      type: 'RecordParticipation',
      data: { moment, measuredOn, ladderRung: 2, growthPotential: true, zrm },
    });
    it('records the baseline ladder rung and ZRM scores', () => {
      given([opened]).when(measure('baseline'), clientManager).then([baseline]);
    });
    it('refuses a follow-up before the baseline, and a moment twice', () => {
      given([opened]).when(measure('6-months'), clientManager).thenRefused({ category: 'conflict', code: 'baseline-missing' });
      given([opened, baseline]).when(measure('baseline'), clientManager).thenRefused({ category: 'conflict', code: 'measurement-already-recorded' });
    });
    it('refuses a measurement dated in the future', () => {
      given([opened]).when(measure('baseline', '2025-03-04'), clientManager).thenRefused({ category: 'invalid', code: 'date-in-future', field: '/measuredOn' });
    });
  });

  describe('benefit', () => {
    it('AdjustBenefit changes type or amount of a running benefit', () => {
      given([opened])
        .when({ type: 'AdjustBenefit', data: { benefitType: 'wwb', monthlyAmountCents: 100_000, effectiveFrom: '2025-04-01', reason: 'partial earnings' } }, clientManager)
        .then([{ type: 'BenefitAdjusted', data: { ...ids, benefitType: 'wwb', monthlyAmountCents: 100_000, effectiveFrom: '2025-04-01', reason: 'partial earnings' } }]);
    });
    it('AdjustBenefit refuses an ended benefit and a change that changes nothing', () => {
      const adjust: CaseCommand = { type: 'AdjustBenefit', data: { benefitType: 'wwb', monthlyAmountCents: 100_000, effectiveFrom: '2025-04-01', reason: 'r' } };
      given([opened, benefitEnded]).when(adjust, clientManager).thenRefused({ category: 'conflict', code: 'benefit-not-active' });
      given([opened])
        .when({ type: 'AdjustBenefit', data: { benefitType: 'wwb', monthlyAmountCents: 123_456, effectiveFrom: '2025-04-01', reason: 'r' } }, clientManager)
        .thenRefused({ category: 'conflict', code: 'benefit-unchanged' });
    });
    it('EndBenefit records the reason code', () => {
      given([opened])
        .when({ type: 'EndBenefit', data: { reasonCode: 'employee', endedOn: '2025-03-31' } }, clientManager)
        .then([benefitEnded]);
    });
    it("EndBenefit needs a text for 'other' and a running benefit", () => {
      given([opened])
        .when({ type: 'EndBenefit', data: { reasonCode: 'other', endedOn: '2025-03-31' } }, clientManager)
        .thenRefused({ category: 'invalid', code: 'reason-text-required', field: '/reasonText' });
      given([opened, benefitEnded])
        .when({ type: 'EndBenefit', data: { reasonCode: 'study', endedOn: '2025-03-31' } }, clientManager)
        .thenRefused({ category: 'conflict', code: 'benefit-not-active' });
    });
    it('ReapplyBenefit after the benefit ended', () => {
      given([opened, benefitEnded])
        .when({ type: 'ReapplyBenefit', data: { benefitType: 'wwb', monthlyAmountCents: 120_000, reappliedOn: '2025-10-01' } }, clientManager)
        .then([{ type: 'BenefitReapplied', data: { ...ids, benefitType: 'wwb', monthlyAmountCents: 120_000, reappliedOn: '2025-10-01' } }]);
    });
    it('ReapplyBenefit refuses while a benefit is running', () => {
      given([opened])
        .when({ type: 'ReapplyBenefit', data: { benefitType: 'wwb', monthlyAmountCents: 120_000, reappliedOn: '2025-10-01' } }, clientManager)
        .thenRefused({ category: 'conflict', code: 'benefit-active' });
    });
  });

  describe('RecordDropout and CloseCase', () => {
    it('records a dropout with phase and reason', () => {
      given([opened])
        .when({ type: 'RecordDropout', data: { phase: 'assessment', reasonCode: 'motivation', droppedOutOn: '2025-03-03' } }, clientManager)
        .then([droppedOut]);
    });
    it("refuses a second dropout and 'other' without text", () => {
      given([opened, droppedOut])
        .when({ type: 'RecordDropout', data: { phase: 'assessment', reasonCode: 'motivation', droppedOutOn: '2025-03-03' } }, clientManager)
        .thenRefused({ category: 'conflict', code: 'case-dropped-out' });
      given([opened])
        .when({ type: 'RecordDropout', data: { phase: 'assessment', reasonCode: 'other', droppedOutOn: '2025-03-03' } }, clientManager)
        .thenRefused({ category: 'invalid', code: 'reason-text-required', field: '/reasonText' });
    });
    it('closes a case, also after dropout, but only once', () => {
      given([opened, droppedOut])
        .when({ type: 'CloseCase', data: { reasonCode: 'completed' } }, clientManager)
        .then([closed]);
      given([opened, closed])
        .when({ type: 'CloseCase', data: { reasonCode: 'completed' } }, clientManager)
        .thenRefused({ category: 'conflict', code: 'case-closed' });
    });
  });

  describe('caseView', () => {
    it('flags a pending referral as overdue the day after its deadline, computed against now', () => {
      const state = given([opened, consent, referral]).state;
      if (state.status === 'new') expect.fail('case expected');
      expect(caseView(state, '2025-03-17T22:59:00Z').referrals[0]?.overdue).toBe(false); // 23:59 in Amsterdam, still the 17th
      expect(caseView(state, '2025-03-17T23:00:00Z').referrals[0]?.overdue).toBe(true); // 00:00 on the 18th
      expect(caseView(state, '2025-03-18T12:00:00Z').overdueReferrals).toBe(1);
    });
    it('does not flag an answered referral', () => {
      const accepted: CaseEvent = { type: 'ReferralAccepted', data: { ...ids, referralId, organisationId: 'ggz-delfland' } };
      const state = given([opened, consent, referral, accepted]).state;
      if (state.status === 'new') expect.fail('case expected');
      expect(caseView(state, '2025-05-01T12:00:00Z').referrals[0]).toMatchObject({ status: 'accepted', overdue: false });
    });
  });
});
