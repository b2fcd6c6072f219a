// What the municipality publishes: never a BSN or a name, health-related scores only
// as care summary, money as financial, and every event on the municipality topic.
import { describe, expect, it } from 'vitest';
import { findIntegrationEvent } from '../registry';
import { caseClosedV1, droppedOutV1 } from './case-lifecycle';
import { clientRegisteredV1 } from './client-registered';
import { municipalityEvents } from './index';
import { participationMeasuredV1 } from './participation-measured';

describe('municipality integration events', () => {
  it("are registered on the municipality case-events topic, but for the employer network's own copy of a referral", () => {
    for (const definition of municipalityEvents) {
      expect(findIntegrationEvent(definition.type)).toBe(definition);
      expect(definition.topic).toBe(definition.name === 'ClientReferredForMatching' ? 'wcc.municipality.to-employer-network.v1' : 'wcc.municipality.case-events.v1');
    }
    expect(municipalityEvents.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'ClientRegistered',
        'CaseOpened',
        'RegieAssigned',
        'RegieTransferred',
        'ParticipationMeasured',
        'BenefitAdjusted',
        'BenefitEnded',
        'BenefitReapplied',
        'DroppedOut',
        'CaseClosed',
      ]),
    );
  });

  it('ClientRegistered carries demographics and refuses a BSN as client key or an extra field', () => {
    expect(clientRegisteredV1.categories).toMatchObject({ birthYear: 'identifying', sex: 'identifying', education: 'work', benefitType: 'financial', benefitMonthlyAmountCents: 'financial' });
    expect(clientRegisteredV1.validate({ ...clientRegisteredV1.example, clientKey: '111222333' })).toMatchObject({ ok: false, issues: [{ path: '/clientKey' }] });
    expect(clientRegisteredV1.validate({ ...clientRegisteredV1.example, bsn: '111222333' })).toMatchObject({ ok: false });
    expect(clientRegisteredV1.validate({ ...clientRegisteredV1.example, fullName: 'Jan Jansen' })).toMatchObject({ ok: false });
  });

  it('ParticipationMeasured: ladder is work data, ZRM a care summary of exactly 11 domains scored 1–5', () => {
    expect(participationMeasuredV1.categories).toMatchObject({ ladderRung: 'work', growthPotential: 'work', zrm: 'care-summary' });
    const { zrm } = participationMeasuredV1.example;
    expect(Object.keys(zrm)).toHaveLength(11);
    expect(participationMeasuredV1.validate({ ...participationMeasuredV1.example, zrm: { ...zrm, finances: 6 } })).toMatchObject({ ok: false, issues: [{ path: '/zrm/finances' }] });
    const { justice: _missing, ...ten } = zrm;
    expect(participationMeasuredV1.validate({ ...participationMeasuredV1.example, zrm: ten })).toMatchObject({ ok: false });
    expect(participationMeasuredV1.validate({ ...participationMeasuredV1.example, ladderRung: 7 })).toMatchObject({ ok: false, issues: [{ path: '/ladderRung' }] });
  });

  it('DroppedOut publishes the reason code as care summary and no free text; CaseClosed only its code', () => {
    expect(droppedOutV1.categories['reasonCode']).toBe('care-summary');
    expect(droppedOutV1.validate({ ...droppedOutV1.example, reasonText: 'burn-out' })).toMatchObject({ ok: false });
    expect(Object.keys(caseClosedV1.categories).sort()).toEqual(['caseId', 'clientKey', 'occurredAt', 'reasonCode']);
  });
});
