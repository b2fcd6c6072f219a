import { caseOpenedV1, clientReferredV1, consentGrantedV1, screeningAdviceSubmittedV1 } from '@wcc/contracts';
import { describe, expect, it } from 'vitest';
import { chainEventOfFixture, fixture, story } from './testing/chain-fixtures';
import { learn, unknownCase } from './case-knowledge';
import { planEventDisclosures } from './disclosure-planning';
import { buildRecord, DATA_SUBJECT_ID_TYPE, disclosureRecordId } from './disclosure-record';

const subject = { ciphertext: 'v1.iv.tag.ciphertext', blindIndex: 'a'.repeat(64) };
const context = { recordedAt: Date.parse('2025-03-14T15:45:02.500Z'), resource: { name: 'wcc-exchange-log', version: '0.1.0' } };

const opened = fixture(caseOpenedV1, { municipalityId: story.municipality });
const referral = fixture(
  clientReferredV1,
  { referralId: story.careReferralId, fromOrganisationId: story.municipality, toOrganisationId: story.careProvider, toOrganisationType: 'care-provider' },
  { trace: 7 },
);
const consent = fixture(consentGrantedV1, {
  consentId: story.consentId,
  purpose: 'care',
  organisationTypes: ['municipality'],
  dataCategories: ['administrative', 'care-summary'],
  validFrom: '2025-03-01',
});
const advice = fixture(screeningAdviceSubmittedV1, { referralId: story.careReferralId, organisationId: story.careProvider }, { trace: 9 });

function intentsOf(...events: ReturnType<typeof fixture>[]) {
  const k = events.reduce((acc, f) => learn(acc, chainEventOfFixture(f)), unknownCase(story.caseId));
  return planEventDisclosures(chainEventOfFixture(events[events.length - 1]!), k);
}

describe('a disclosure record (Logboek Dataverwerkingen)', () => {
  it('carries the LDV fields, with the trace of the command that caused it', () => {
    const [toCareProvider] = intentsOf(opened, referral);
    const record = buildRecord(toCareProvider!, subject, context);
    const [, traceId, spanId] = referral.traceparent.split('-');
    expect(record).toMatchObject({
      id: disclosureRecordId(toCareProvider!.key),
      trace_id: traceId,
      parent_span_id: spanId,
      name: 'deliver ClientReferred',
      start_time: Date.parse(referral.time),
      end_time: context.recordedAt,
      status_code: 'OK',
      foreign_operation: { trace_id: traceId, span_id: spanId, entity: `urn:nld:oin:${story.municipality}:systeem:municipality` },
      resource: { attributes: { 'service.name': 'wcc-exchange-log', 'service.version': '0.1.0' } },
      data_subject_index: subject.blindIndex,
      case_id: story.caseId,
      disclosure_kind: 'delivered',
      sender_organisation_id: story.municipality,
      recipient_organisation_id: story.careProvider,
      recipient_organisation_type: 'care-provider',
      processing_activity: 'client-referral',
    });
    expect(record.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(record.span_id).not.toBe(spanId);
    expect(record.attributes).toMatchObject({
      'dpl.core.processing_activity_id': 'urn:nld:workcarechain:verwerkingsactiviteit:client-referral',
      'dpl.core.data_subject_id': subject.ciphertext,
      'dpl.core.data_subject_id_type': DATA_SUBJECT_ID_TYPE,
      'dpl.wcc.legal_basis': expect.arrayContaining(['AVG art. 6(1)(e)', 'Participatiewet art. 7']) as unknown,
      'dpl.wcc.basis_status': 'legal-task',
      'dpl.wcc.data_categories': ['identifying', 'administrative', 'care-summary'],
      'dpl.wcc.recipient': { organisation_id: story.careProvider, organisation_type: 'care-provider', role: 'controller', resolved: true },
      'dpl.wcc.cloudevent': { id: referral.id, type: clientReferredV1.type },
    });
  });

  it('never stores the client key in clear', () => {
    const [intent] = intentsOf(opened, referral);
    expect(JSON.stringify(buildRecord(intent!, subject, context))).not.toContain(story.clientKey);
  });

  it('adds the NEN 7513 attributes for care data, with the consent as toestemmingsProfiel', () => {
    const [toMunicipality] = intentsOf(opened, referral, consent, advice);
    const record = buildRecord(toMunicipality!, subject, context);
    expect(record.attributes).toMatchObject({
      'dpl.nen7513.eventTypeCode': 'DCM 110106 Export',
      'dpl.nen7513.users': [{ userID: story.municipality, userIsRequestor: false, roleIDCode: 'municipality', purposeOfUse: 'urn:nld:workcarechain:verwerkingsactiviteit:screening-advice' }],
      'dpl.nen7513.participants': [
        {
          participantObjectTypeCode: '1',
          participantObjectTypeCodeRole: '1',
          participantObjectDataLifeCycle: '11',
          participantObjectIDTypeCode: DATA_SUBJECT_ID_TYPE,
          participantObjectID: subject.ciphertext,
          participantObjectSensitivity: 'R',
        },
      ],
      'dpl.nen7513.toestemmingsProfiel': story.consentId,
      'dpl.wcc.consent_ids': [story.consentId],
    });
  });

  it('leaves the NEN 7513 attributes out when no care data crossed', () => {
    const opening = intentsOf(opened);
    const record = buildRecord(opening[0]!, subject, context);
    expect(Object.keys(record.attributes).filter((k) => k.startsWith('dpl.nen7513.'))).toEqual([]);
  });

  it('derives a trace id, and no foreign operation, when the cause carried no trace context', () => {
    const [intent] = intentsOf(opened, referral);
    const untraced = { ...intent!, cause: { ...intent!.cause, traceparent: 'garbage' } };
    const record = buildRecord(untraced, subject, context);
    expect(record.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(record.parent_span_id).toBeNull();
    expect(record.foreign_operation).toBeNull();
    expect(buildRecord(untraced, subject, context).trace_id).toBe(record.trace_id);
  });

  it('never ends before it starts, even when the producer’s clock is ahead', () => {
    const [intent] = intentsOf(opened, referral);
    const record = buildRecord(intent!, subject, { ...context, recordedAt: Date.parse(referral.time) - 5_000 });
    expect(record.end_time).toBe(record.start_time);
  });
});
