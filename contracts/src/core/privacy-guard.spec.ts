import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { field } from './data-category';
import { defineIntegrationEvent, eventData } from './integration-event';
import { findPrivacyViolations, privacyViolationOf } from './privacy-guard';

describe('privacy guard', () => {
  it.each([
    'bsn',
    'BSN',
    'clientBsn',
    'bsn_hash',
    'burgerservicenummer',
    'citizenServiceNumber',
    'name',
    'Name',
    'firstName',
    'LASTNAME',
    'last_name',
    'fullName',
    'clientName',
    'attendeeNames',
    'achternaam',
    'diagnosis',
    'primaryDiagnosis',
    'diagnoseCode',
    'dsm',
    'dsm5Code',
    'icd10',
    'ICD',
    'clinicalNote',
    'clinical_notes',
    'dateOfBirth',
    'birthDate',
  ])('refuses %s', (propertyName) => {
    expect(privacyViolationOf(propertyName)).toBeDefined();
  });

  it.each(['clientKey', 'caseId', 'organisationName', 'employerName', 'jobsNeeded', 'birthYear', 'advisedRoute', 'reason', 'functionalLimitations', 'dataCategories'])('allows %s', (propertyName) => {
    expect(privacyViolationOf(propertyName)).toBeUndefined();
  });

  it('finds refused names in nested objects and array items', () => {
    const schema = Type.Object({
      attendees: Type.Array(Type.Object({ firstName: Type.String() })),
      advice: Type.Object({ icdCode: Type.String() }),
    });
    expect(findPrivacyViolations(schema).map((violation) => violation.path)).toEqual(['/attendees/items/firstName', '/advice/icdCode']);
  });

  it('makes defineIntegrationEvent throw at declaration, before any payload exists', () => {
    expect(() =>
      defineIntegrationEvent({
        name: 'ScreeningLeaked',
        revealsCareInvolvement: 'always',
        version: 1,
        producer: 'care-provider',
        topic: 'wcc.care-provider.case-events.v1',
        description: 'Must never exist.',
        schema: eventData({ diagnosis: field('care-summary', Type.String()) }),
        example: { caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71', clientKey: 'ck_7Qm2xV9pLr4TnB8s', occurredAt: '2025-03-03T09:15:00Z', diagnosis: 'F20' },
      }),
    ).toThrow(/field '\/diagnosis' is refused/);
  });
});
