import { describe, expect, it } from 'vitest';
import { isDiagnosisCodeSystem, isValidDiagnosisCode } from './clinical-findings';
import { isIsoDate, localDateOf } from './dates';
import { FUNCTIONAL_LIMITATION_CODES, isAdvisedRoute, isFunctionalLimitationCode, isValidWorkCapacity } from './screening-advice';

describe('screening advice code lists', () => {
  it('knows the four advised routes and nothing else', () => {
    expect(['ips', 'reintegration', 'care-first', 'not-now'].every(isAdvisedRoute)).toBe(true);
    expect(isAdvisedRoute('diagnosis')).toBe(false);
  });
  it('accepts work capacity in half hours from 0 to 40', () => {
    expect([0, 12.5, 40].map(isValidWorkCapacity)).toEqual([true, true, true]);
    expect([-1, 40.5, 12.3, Number.NaN].map(isValidWorkCapacity)).toEqual([false, false, false, false]);
  });
  it('lists the six FML sections and items only under a listed section', () => {
    const sections = FUNCTIONAL_LIMITATION_CODES.filter((c) => !c.includes('.'));
    expect(sections).toEqual(['personal-functioning', 'social-functioning', 'physical-environment', 'dynamic-actions', 'static-postures', 'working-hours']);
    for (const item of FUNCTIONAL_LIMITATION_CODES.filter((c) => c.includes('.'))) expect(sections).toContain(item.split('.')[0]);
    expect(isFunctionalLimitationCode('social-functioning.cooperation')).toBe(true);
    expect(isFunctionalLimitationCode('toString')).toBe(false);
  });
});

describe('clinical code shapes', () => {
  it('accepts ICD-10 and DSM-5 codes and refuses words', () => {
    expect(isValidDiagnosisCode('icd-10', 'F32.1')).toBe(true);
    expect(isValidDiagnosisCode('icd-10', 'F20')).toBe(true);
    expect(isValidDiagnosisCode('dsm-5', '296.21')).toBe(true);
    expect(isValidDiagnosisCode('dsm-5', 'F43.10')).toBe(true);
    expect(isValidDiagnosisCode('icd-10', '296.21')).toBe(false);
    expect(isValidDiagnosisCode('icd-10', 'depression')).toBe(false);
    expect(isDiagnosisCodeSystem('snomed')).toBe(false);
  });
});

describe('dates', () => {
  it('takes today in Amsterdam, not UTC', () => {
    expect(localDateOf('2025-03-09T23:30:00Z')).toBe('2025-03-10');
    expect(localDateOf('2025-07-01T21:59:00Z')).toBe('2025-07-01');
  });
  it('knows real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-3-1')).toBe(false);
  });
});
