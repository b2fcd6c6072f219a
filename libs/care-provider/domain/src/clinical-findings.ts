// Clinical findings of a screening: classification codes and free-text notes. They
// stay in the care provider's own stream; no integration event carries them.

/** ICD-10 (WHO) or the DSM-5 classification (which uses ICD-10-CM codes, older editions ICD-9-CM numbers). */
export const DIAGNOSIS_CODE_SYSTEMS = ['icd-10', 'dsm-5'] as const;
export type DiagnosisCodeSystem = (typeof DIAGNOSIS_CODE_SYSTEMS)[number];

const ICD_10 = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;
const DSM_5 = /^([A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?|[0-9]{3}\.[0-9]{1,2})$/;

export function isDiagnosisCodeSystem(value: string): value is DiagnosisCodeSystem {
  return (DIAGNOSIS_CODE_SYSTEMS as readonly string[]).includes(value);
}

/** Shape check only (F32.1, F43.10, 296.21); whether the code exists is the classification's. */
export function isValidDiagnosisCode(system: DiagnosisCodeSystem, code: string): boolean {
  return (system === 'icd-10' ? ICD_10 : DSM_5).test(code);
}

export const CLINICAL_NOTES_MAX_LENGTH = 10_000;
