import { describe, expect, it } from 'vitest';
import { generateBsn, passesElfproef, personalDataIn, personalFieldNameReason } from './personal-data';

describe('generateBsn', () => {
  it('generates nine-digit numbers that pass the elfproef', () => {
    for (let i = 0; i < 200; i++) {
      const bsn = generateBsn();
      expect(bsn).toMatch(/^[1-9][0-9]{8}$/);
      expect(passesElfproef(bsn)).toBe(true);
    }
  });
});

// The numbers and codes themselves are the contracts' detector's (personal-data-in-text.spec.ts).
describe('finding personal data in messages', () => {
  it('names fields for a BSN, a person or clinical detail, and lets organisations’ names and plain fields pass', () => {
    for (const name of ['bsn', 'clientBsn', 'BSN_HASH', 'bsn_nummer', 'name', 'firstName', 'last_name', 'achternaam', 'diagnosis', 'diagnosisCode', 'dsm5', 'icd10', 'clinicalNote', 'notes']) {
      expect(personalFieldNameReason(name), name).toBeDefined();
    }
    for (const name of ['employerName', 'organisationId', 'clientKey', 'reason', 'advisedRoute', 'jobsNeeded', 'functionalLimitations']) {
      expect(personalFieldNameReason(name), name).toBeUndefined();
    }
  });

  it('checks the key, header names and values, and the value (raw and as JSON)', () => {
    const clean = {
      key: '6bb38a27-bbbf-4846-9076-8487d64cb971',
      headers: { ce_type: 'x', ce_id: '15311545-7652-4bd5-b131-9a8e6521c65b' },
      value: '{"caseId":"6bb38a27-bbbf-4846-9076-8487d64cb971","hours":16}',
    };
    expect(personalDataIn(clean)).toEqual([]);
    expect(personalDataIn({ ...clean, key: '123456782' })).toEqual([{ where: 'key', what: '123456782 passes the elfproef' }]);
    expect(personalDataIn({ ...clean, headers: { ...clean.headers, x_bsn: 'x' } }).map((f) => f.where)).toEqual(['header x_bsn']);
    expect(personalDataIn({ ...clean, headers: { ...clean.headers, x_trace: ['ok', 'F20.0'] } })).toEqual([{ where: 'header x_trace', what: 'ICD-10-like code F20.0' }]);
    expect(personalDataIn({ ...clean, value: '{"a":{"items":[{"lastName":"Jansen"}]}}' })).toEqual([{ where: 'value/a/items/0/lastName', what: expect.stringContaining("'lastName'") as unknown }]);
    expect(personalDataIn({ ...clean, value: '{"reason":"F32.1 bevestigd"}' })).toEqual([{ where: 'value/reason', what: 'ICD-10-like code F32.1' }]);
    expect(personalDataIn({ ...clean, value: '{"reason":"epilepsie, G40"}' })).toEqual([{ where: 'value/reason', what: 'ICD-10-like code G40' }]);
    expect(personalDataIn({ ...clean, value: 'not json 123456782 F20' }).map((f) => f.what)).toEqual(['123456782 passes the elfproef', 'ICD-10-like code F20']);
  });
});
