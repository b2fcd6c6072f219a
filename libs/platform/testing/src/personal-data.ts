// What "personal data on the bus" looks like to a test: a citizen service number (BSN,
// found by the elfproef), a field whose name says it holds a BSN, a person's name or
// clinical detail, or an ICD-10 code. Shared by the cross-service tests and the audit of
// everything the suite published.
//
// The numbers and codes are found by the chain's one detector for personal data in
// free text (@wcc/contracts, personal-data-in-text.ts), the same that refuses them at
// every service's HTTP edge.
import { randomInt } from 'node:crypto';
import { bsnLikeNumbersIn, icd10CodesIn, passesElfproef, privacyViolationOf } from '@wcc/contracts';

export { bsnLikeNumbersIn, passesElfproef };

/** A random nine-digit number that passes the elfproef (not a real person's, most likely; never use production data). */
export function generateBsn(): string {
  for (;;) {
    const first8 = String(randomInt(10_000_000, 100_000_000));
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(first8[i]) * (9 - i);
    // The check digit d9 ≡ sum (mod 11); 10 has no digit, so draw again.
    const check = sum % 11;
    if (check === 10) continue;
    const bsn = `${first8}${check}`;
    if (passesElfproef(bsn)) return bsn;
  }
}

/** Property names that say they hold a BSN, a person's name or clinical detail. */
const personalFieldName = /^bsn|bsn$|burgerservicenummer|^(full|first|last|sur|given|family|middle)?[_-]?name$|^(voor|achter)?naam$|diagnos|^dsm|^icd|clinical|^notes?$/i;
/** `clientBsn`, `BSN_hash`: BSN as a word of a camel-case or upper-case name (not `jobsNeeded`). */
const bsnWord = /Bsn|BSN/;

/** Why a property name is personal or clinical, or undefined when it is not. */
export function personalFieldNameReason(name: string): string | undefined {
  if (personalFieldName.test(name) || bsnWord.test(name)) return `field '${name}' is named like a BSN, a person's name or clinical detail`;
  const contractGuard = privacyViolationOf(name);
  return contractGuard === undefined ? undefined : `field '${name}': ${contractGuard}`;
}

export interface PersonalDataFinding {
  /** Where: 'key', 'header ce_type', 'value', or a JSON path such as 'value/data/0/reason'. */
  readonly where: string;
  readonly what: string;
}

/** Walks a parsed JSON value: property names and string values (ICD codes). Numbers are covered by the raw-text scan. */
function findInJson(value: unknown, path: string, findings: PersonalDataFinding[]): void {
  if (typeof value === 'string') {
    for (const code of icd10CodesIn(value)) findings.push({ where: path, what: `ICD-10-like code ${code}` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => findInJson(item, `${path}/${i}`, findings));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [name, child] of Object.entries(value)) {
      const reason = personalFieldNameReason(name);
      if (reason !== undefined) findings.push({ where: `${path}/${name}`, what: reason });
      findInJson(child, `${path}/${name}`, findings);
    }
  }
}

export interface WireMessageText {
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly value: string | null;
}

/**
 * Every sign of personal data in one Kafka message: BSN-like numbers anywhere in the key,
 * header values or the raw value; personal field names in headers and (when the value is
 * JSON) anywhere in the value; ICD-10-like codes in the key, header values and string
 * values. An empty list means none was found.
 */
export function personalDataIn(message: WireMessageText): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const texts: [string, string][] = [];
  if (message.key !== null) texts.push(['key', message.key]);
  for (const [name, raw] of Object.entries(message.headers)) {
    const reason = personalFieldNameReason(name);
    if (reason !== undefined) findings.push({ where: `header ${name}`, what: reason });
    for (const value of typeof raw === 'string' ? [raw] : raw) texts.push([`header ${name}`, value]);
  }
  for (const [where, text] of texts) {
    for (const bsn of bsnLikeNumbersIn(text)) findings.push({ where, what: `${bsn} passes the elfproef` });
    for (const code of icd10CodesIn(text)) findings.push({ where, what: `ICD-10-like code ${code}` });
  }
  if (message.value !== null) {
    // The raw text too, so a BSN inside a string value (or in a value that is not JSON) is found.
    for (const bsn of bsnLikeNumbersIn(message.value)) findings.push({ where: 'value', what: `${bsn} passes the elfproef` });
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value);
    } catch {
      for (const code of icd10CodesIn(message.value)) findings.push({ where: 'value', what: `ICD-10-like code ${code}` });
      return findings;
    }
    findInJson(parsed, 'value', findings);
  }
  return findings;
}
