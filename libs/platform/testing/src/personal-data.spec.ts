import { describe, expect, it } from 'vitest';
import { bsnLikeNumbersIn, generateBsn, icdLikeCodesIn, passesElfproef, personalDataIn, personalFieldNameReason } from './personal-data';

describe('passesElfproef', () => {
  it.each(['111222333', '123456782', '999999990', '012345672', '12345672'])('accepts %s', (bsn) => {
    expect(passesElfproef(bsn)).toBe(true);
  });

  it.each(['111222334', '123456789', '000000000', '1234567', '1234567890', '12345678a'])('refuses %s', (candidate) => {
    expect(passesElfproef(candidate)).toBe(false);
  });

  it('generates nine-digit numbers that pass it', () => {
    for (let i = 0; i < 200; i++) {
      const bsn = generateBsn();
      expect(bsn).toMatch(/^[1-9][0-9]{8}$/);
      expect(passesElfproef(bsn)).toBe(true);
    }
  });
});

describe('finding personal data in text', () => {
  it('finds standalone BSNs, also with the leading zero lost, but not digits inside ids', () => {
    expect(bsnLikeNumbersIn('{"x":"123456782","amount":12345672}')).toEqual(['123456782', '12345672']);
    expect(bsnLikeNumbersIn('bsn=111222333;')).toEqual(['111222333']);
    expect(bsnLikeNumbersIn('1234567820 a123456782 123456782b')).toEqual([]);
    expect(bsnLikeNumbersIn('12345672-7652-4bd5-b131-9a8e6521c65b')).toEqual([]);
    expect(bsnLikeNumbersIn('00000000000000390900-00000000000000000068')).toEqual([]);
    expect(bsnLikeNumbersIn('123456789')).toEqual([]);
  });

  it('finds ICD-10 chapter F codes, not letters and digits inside identifiers', () => {
    expect(icdLikeCodesIn('Diagnose F20.0 en F32, eerder F43.10.')).toEqual(['F20.0', 'F32', 'F43.10']);
    expect(icdLikeCodesIn('ck_abF20x ck-F20_ ABF200 F2 F200')).toEqual([]);
  });

  it('names fields for a BSN, a person or clinical detail, and lets organisations’ names and plain fields pass', () => {
    for (const name of ['bsn', 'clientBsn', 'BSN_HASH', 'bsn_nummer', 'name', 'firstName', 'last_name', 'achternaam', 'diagnosis', 'diagnosisCode', 'dsm5', 'icd10', 'clinicalNote', 'notes']) {
      expect(personalFieldNameReason(name), name).toBeDefined();
    }
    for (const name of ['employerName', 'organisationId', 'clientKey', 'reason', 'advisedRoute', 'jobsNeeded', 'functionalLimitations']) {
      expect(personalFieldNameReason(name), name).toBeUndefined();
    }
  });

  it('checks the key, header names and values, and the value (raw and as JSON)', () => {
    const clean = { key: '6bb38a27-bbbf-4846-9076-8487d64cb971', headers: { ce_type: 'x', ce_id: '15311545-7652-4bd5-b131-9a8e6521c65b' }, value: '{"caseId":"6bb38a27-bbbf-4846-9076-8487d64cb971","hours":16}' };
    expect(personalDataIn(clean)).toEqual([]);
    expect(personalDataIn({ ...clean, key: '123456782' })).toEqual([{ where: 'key', what: '123456782 passes the elfproef' }]);
    expect(personalDataIn({ ...clean, headers: { ...clean.headers, x_bsn: 'x' } }).map((f) => f.where)).toEqual(['header x_bsn']);
    expect(personalDataIn({ ...clean, headers: { ...clean.headers, x_trace: ['ok', 'F20.0'] } })).toEqual([{ where: 'header x_trace', what: 'ICD-10-like code F20.0' }]);
    expect(personalDataIn({ ...clean, value: '{"a":{"items":[{"lastName":"Jansen"}]}}' })).toEqual([
      { where: 'value/a/items/0/lastName', what: expect.stringContaining("'lastName'") as unknown },
    ]);
    expect(personalDataIn({ ...clean, value: '{"reason":"F32.1 bevestigd"}' })).toEqual([{ where: 'value/reason', what: 'ICD-10-like code F32.1' }]);
    expect(personalDataIn({ ...clean, value: 'not json 123456782 F20' }).map((f) => f.what)).toEqual(['123456782 passes the elfproef', 'ICD-10-like code F20']);
  });
});
