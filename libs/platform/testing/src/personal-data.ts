// What "personal data on the bus" looks like to a test: a citizen service number (BSN,
// found by the elfproef), a field whose name says it holds a BSN, a person's name or
// clinical detail, or an ICD-10 chapter F code (mental and behavioural disorders).
// Shared by the cross-service tests and the audit of everything the suite published.
//
// The elfproef is repeated here rather than imported from @wcc/municipality-domain: this
// library is scope:shared and may not depend on one context's domain.
import { randomInt } from 'node:crypto';
import { privacyViolationOf } from '@wcc/contracts';

/**
 * The BSN elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a non-zero multiple of 11.
 * Eight digits are read with a leading zero, the way a BSN loses it in a number field.
 */
export function passesElfproef(candidate: string): boolean {
  const digits = candidate.length === 8 ? `0${candidate}` : candidate;
  if (!/^[0-9]{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum !== 0 && sum % 11 === 0;
}

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

/** UUIDs are identifiers, not numbers: their first group may be eight decimal digits. */
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Standalone eight- and nine-digit numbers in the text that pass the elfproef. Digits that
 * are part of a longer number, a UUID, a hex or base64 token do not count (they are
 * preceded or followed by a letter or digit, or they are a UUID's first group).
 */
export function bsnLikeNumbersIn(text: string): string[] {
  return [...text.replace(uuid, ' ').matchAll(/(?<![0-9A-Za-z])[0-9]{8,9}(?![0-9A-Za-z])/g)].map((m) => m[0]).filter((n) => passesElfproef(n));
}

/** ICD-10 chapter F codes (F20, F20.0, F32.10) standing on their own in the text. */
export function icdLikeCodesIn(text: string): string[] {
  return [...text.replace(uuid, ' ').matchAll(/(?<![0-9A-Za-z_-])F[0-9]{2}(?:\.[0-9]{1,2})?(?![0-9A-Za-z_])/g)].map((m) => m[0]);
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
    for (const code of icdLikeCodesIn(value)) findings.push({ where: path, what: `ICD-10-like code ${code}` });
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
    for (const code of icdLikeCodesIn(text)) findings.push({ where, what: `ICD-10-like code ${code}` });
  }
  if (message.value !== null) {
    // The raw text too, so a BSN inside a string value (or in a value that is not JSON) is found.
    for (const bsn of bsnLikeNumbersIn(message.value)) findings.push({ where: 'value', what: `${bsn} passes the elfproef` });
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value);
    } catch {
      for (const code of icdLikeCodesIn(message.value)) findings.push({ where: 'value', what: `ICD-10-like code ${code}` });
      return findings;
    }
    findInJson(parsed, 'value', findings);
  }
  return findings;
}
