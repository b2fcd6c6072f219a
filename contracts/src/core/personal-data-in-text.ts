// Personal data typed into free text: what a professional may not write into a field
// that leaves their organisation (a referral reason, a decline reason, an employer name,
// a placement role). One detector for the whole chain: every service's HTTP edge refuses
// such a text (nest-kit's `outboundText`), the municipality adds the client's own name,
// and the tests' audit of the bus looks with the same functions.
//
// It reads shapes, not meaning. The choices below lean towards refusing what is almost
// certainly a BSN, a diagnosis code, an e-mail address or a phone number, and towards
// letting ordinary Dutch work text through: dates, amounts, hours, postcodes, road
// numbers and the company DSM are not findings. What it refuses wrongly, the
// professional rephrases; what it misses, reaches every partner.
//
// Refused although harmless, by choice: any letter and two digits standing alone (a
// Volvo V40, room B12, "A12" without a road word before it); an eight-digit number that
// passes the elfproef (one in eleven: an order number, an AGB code), but for compact
// dates and KvK numbers; at the municipality, a client's name that is also a word
// (Bakker, Roos). Let through although personal, by choice or by limit: phone numbers
// written 06-12-34-56-78 or with dots, 0800/0900 numbers, foreign numbers; BSNs grouped
// other than 123456782, 1234.56.782 or 123 456 782; codes glued to a word (ck-F20); DSM
// numeric codes without DSM or a diagnosis word before them; names of anyone but the
// client; addresses and birth dates.

/** 'care-word' only where free text reaches the employer network (see care-vocabulary.ts); personalDataInText never returns it. */
export const freeTextFindingKinds = ['bsn', 'icd-10', 'dsm', 'email', 'phone', 'known-name', 'care-word'] as const;
export type FreeTextFindingKind = (typeof freeTextFindingKinds)[number];

export interface FreeTextFinding {
  readonly kind: FreeTextFindingKind;
  /** The text found. Personal data itself: never echo it in an answer or a log. */
  readonly match: string;
  /** Where it starts in the text (0-based). */
  readonly index: number;
}

/** What each kind of finding means, for the person who typed it. */
export const freeTextFindingReasons: Readonly<Record<FreeTextFindingKind, { readonly en: string; readonly nl: string }>> = {
  bsn: {
    en: 'contains what looks like a BSN (8 or 9 digits that pass the elfproef)',
    nl: 'bevat wat lijkt op een BSN (8 of 9 cijfers die de elfproef doorstaan)',
  },
  'icd-10': {
    en: 'contains what looks like an ICD-10 diagnosis code (a letter and two digits, perhaps with a subcode)',
    nl: 'bevat wat lijkt op een ICD-10-diagnosecode (een letter en twee cijfers, eventueel met subcode)',
  },
  dsm: {
    en: 'contains a DSM classification (a DSM edition or a DSM diagnosis code)',
    nl: 'bevat een DSM-classificatie (een DSM-editie of een DSM-diagnosecode)',
  },
  email: { en: 'contains an e-mail address', nl: 'bevat een e-mailadres' },
  phone: { en: 'contains a Dutch phone number', nl: 'bevat een Nederlands telefoonnummer' },
  'known-name': { en: "contains the client's name", nl: 'bevat de naam van de cliënt' },
  'care-word': {
    en: 'names GGZ care, a mental-health condition, a diagnosis or an admission, which the employer network may not learn; describe the client in work terms',
    nl: 'noemt GGZ-zorg, een psychische aandoening, een diagnose of een opname, wat het werkgeversnetwerk niet mag weten; beschrijf de cliënt in termen van werk',
  },
};

// ---------------------------------------------------------------------------------
// BSN

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

/** UUIDs are identifiers, not numbers: their first group may be eight decimal digits. */
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The text with every UUID blanked out (same length, so indices still point into the original). */
function withoutUuids(text: string): string {
  return text.replace(uuid, (m) => ' '.repeat(m.length));
}

/**
 * Standalone runs of 8 or 9 digits, and the written forms 1234.56.782 and 123 456 782:
 * digits that are part of a longer number, a UUID or a token do not count.
 */
const bsnCandidate = /(?<![0-9A-Za-z.])(?:[0-9]{8,9}|[0-9]{4}\.[0-9]{2}\.[0-9]{3}|[0-9]{3} [0-9]{3} [0-9]{3})(?![0-9A-Za-z]|[.,][0-9])/g;

/** 20240115: a date written without separators, 1900–2099. */
function isCompactDate(digits: string): boolean {
  const m = /^(19|20)([0-9]{2})([01][0-9])([0-3][0-9])$/.exec(digits);
  if (!m) return false;
  const [year, month, day] = [Number(`${m[1]}${m[2]}`), Number(m[3]), Number(m[4])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function bsnFindings(text: string): FreeTextFinding[] {
  const findings: FreeTextFinding[] = [];
  for (const m of withoutUuids(text).matchAll(bsnCandidate)) {
    const digits = m[0].replace(/[^0-9]/g, '');
    if (!passesElfproef(digits)) continue;
    if (digits.length === 8) {
      // One eight-digit number in eleven passes; a compact date or a KvK number is not a BSN that lost its zero.
      if (isCompactDate(digits)) continue;
      if (/kvk[\s-]*(?:nummer|nr\.?)?[\s:.]*$/i.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    }
    findings.push({ kind: 'bsn', match: m[0], index: m.index });
  }
  return findings;
}

/** Standalone numbers in the text that look like a BSN (see `personalDataInText`). */
export function bsnLikeNumbersIn(text: string): string[] {
  return bsnFindings(text).map((f) => f.match);
}

// ---------------------------------------------------------------------------------
// Diagnosis codes

/**
 * ICD-10 shape: one letter A–Z but U (reserved for special purposes), two digits, an
 * optional subcode after a dot (ICD-10-CM, which DSM-5 uses, allows letters there:
 * F32.A), standing alone. Upper case; in lower case only with a subcode (f32.1), since
 * a lower-case letter and two digits is too often something else.
 */
const icd10Candidate = /(?<![0-9A-Za-z_./-])(?:[A-TV-Z][0-9]{2}(?:\.[0-9A-Z]{1,4})?|[a-tv-z][0-9]{2}\.[0-9]{1,2})(?![0-9A-Za-z_]|[.,][0-9])/g;

/** Dutch roads are A- and N-numbers: "de A12", "via de N33" is a motorway, not leptospirosis. */
const roadBefore = /(?:^|[^\p{L}])(?:de|via|snelweg|rijksweg|autosnelweg|provinciale weg|afrit|afslag|knooppunt|langs|richting)\s+$/iu;

function icd10Findings(text: string): FreeTextFinding[] {
  const findings: FreeTextFinding[] = [];
  for (const m of withoutUuids(text).matchAll(icd10Candidate)) {
    const letter = m[0][0]!.toUpperCase();
    if ((letter === 'A' || letter === 'N') && roadBefore.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    findings.push({ kind: 'icd-10', match: m[0], index: m.index });
  }
  return findings;
}

/** ICD-10-shaped codes standing on their own in the text (F20, F32.1, G40, F43.10). */
export function icd10CodesIn(text: string): string[] {
  return icd10Findings(text).map((f) => f.match);
}

/**
 * DSM: an edition (DSM-5, DSM 5, DSM-IV, DSM-5-TR, DSM-IV-TR) is a classification of
 * mental disorders, so naming it says what was classified. "DSM" alone is also a company
 * (dsm-firmenich, a large employer in Limburg) and is not a finding, nor is "DSM 5" followed
 * by more words ("bij DSM 5 dagen per week"); "DSM 5" at the end of a phrase is.
 */
const dsmEdition = /(?<![\p{L}\p{N}])DSM(?:-?5|[- ]?(?:IV|V|III)| 5(?=\s*(?:$|[:;,.)\]])))(?:-?TR|-R)?(?![\p{L}\p{N}])/giu;
/**
 * DSM's numeric codes (ICD-9-CM: 296.23, 300.02, 309.81) are three digits, a dot and one
 * or two digits, which is also how an amount looks; they count only right after DSM or
 * a word for diagnosis ("diagnose 296.23", "DSM 300.02", "classificatie: 309.81").
 */
const dsmNumericCode =
  /(?<![\p{L}\p{N}])(?:DSM(?:[- ]?(?:5|IV|V|III)(?:-?TR|-R)?)?|diagnoses?|diagnosis|diagnostic|gediagnosticeerd|diagnosed|classificatie|classification)[\s:()-]{0,3}(?:code[\s:]{0,2})?([0-9]{3}\.[0-9]{1,2})(?![0-9]|[.,][0-9])/giu;

function dsmFindings(text: string): FreeTextFinding[] {
  const findings: FreeTextFinding[] = [];
  for (const m of text.matchAll(dsmEdition)) findings.push({ kind: 'dsm', match: m[0], index: m.index });
  for (const m of text.matchAll(dsmNumericCode)) {
    const code = m[1]!;
    findings.push({ kind: 'dsm', match: code, index: m.index + m[0].lastIndexOf(code) });
  }
  return findings;
}

// ---------------------------------------------------------------------------------
// Contact details

const emailAddress = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;

function emailFindings(text: string): FreeTextFinding[] {
  return [...text.matchAll(emailAddress)].map((m) => ({ kind: 'email' as const, match: m[0], index: m.index }));
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/**
 * The end of a Dutch phone number starting at `start`, or undefined. National: ten digits
 * starting 0 (not 00), the area code (2–4 digits, 06 for mobiles) optionally in
 * parentheses or followed by one hyphen, the rest in groups of at least two separated
 * by single spaces: 0612345678, 06-12345678, 06 1234 5678, 020-1234567, (020) 123 4567,
 * 0111-123456. International: +31 or 0031, optionally (0), then nine digits in groups
 * separated by spaces or hyphens: +31 6 1234 5678, +31612345678, 0031 20 1234567.
 * A date (01-02-2024 10:00) has more than one hyphen after the first group, so it is not one.
 */
function phoneEndAt(text: string, start: number): number | undefined {
  let pos = start;
  let international = false;
  if (text.startsWith('+31', pos)) {
    international = true;
    pos += 3;
  } else if (text.startsWith('0031', pos)) {
    international = true;
    pos += 4;
  }
  if (international) {
    if (text[pos] === ' ' || text[pos] === '-') pos++;
    if (text.startsWith('(0)', pos)) {
      pos += 3;
      if (text[pos] === ' ' || text[pos] === '-') pos++;
    }
    if (!isDigit(text[pos]) || text[pos] === '0') return undefined;
  }
  const needed = international ? 9 : 10;
  const openParen = !international && text[pos] === '(';
  if (openParen) pos++;
  if (!international && (text[pos] !== '0' || !isDigit(text[pos + 1]) || text[pos + 1] === '0')) return undefined;
  let count = 0;
  let group = 0;
  let hyphens = 0;
  for (;;) {
    const groupStart = pos;
    while (isDigit(text[pos])) pos++;
    const size = pos - groupStart;
    count += size;
    if (count > needed) return undefined;
    if (group === 0) {
      // The area code (or the whole number in one run); internationally the first group may be one digit (+31 6 …).
      const fitsArea = international ? size >= 1 && size <= 3 : size >= 2 && size <= 4;
      if (!fitsArea && count !== needed) return undefined;
      if (openParen) {
        if (text[pos] !== ')') return undefined;
        pos++;
        if (text[pos] === ' ') pos++;
        group++;
        continue;
      }
    } else if (size < 2 && !(international && size >= 1)) {
      return undefined;
    }
    if (count === needed) {
      // Not the start of a longer number or token: 0612345678x, 020-1234567.5, 0201234567,8.
      if (isWordChar(text[pos]) || ((text[pos] === '.' || text[pos] === ',') && isDigit(text[pos + 1]))) return undefined;
      return pos;
    }
    // The separator before the next group.
    if (text[pos] === ' ' && text[pos + 1] === '-' && text[pos + 2] === ' ' && group === 0) {
      pos += 3;
      hyphens++;
    } else if (text[pos] === '-' && (international || group === 0) && hyphens === 0) {
      pos++;
      hyphens++;
    } else if (text[pos] === '-' && international) {
      pos++;
    } else if (text[pos] === ' ') {
      pos++;
    } else {
      return undefined;
    }
    if (!isDigit(text[pos])) return undefined;
    group++;
  }
}

function phoneFindings(text: string): FreeTextFinding[] {
  const blanked = withoutUuids(text);
  const findings: FreeTextFinding[] = [];
  for (let i = 0; i < blanked.length; i++) {
    const c = blanked[i];
    if (c !== '0' && c !== '+' && c !== '(') continue;
    // Inside a number, a word, a date or an amount is no start: 1-020…, a0201…, 2024-06…
    const before = blanked[i - 1];
    if (isWordChar(before) || (before !== undefined && '+-/.,'.includes(before))) continue;
    // NL91 ABNA 0417 1643 00: the account number of an IBAN written in groups.
    if (/[A-Z]{4} $/.test(blanked.slice(Math.max(0, i - 5), i))) continue;
    const end = phoneEndAt(blanked, i);
    if (end === undefined) continue;
    findings.push({ kind: 'phone', match: text.slice(i, end), index: i });
    i = end - 1;
  }
  return findings;
}

/** Dutch phone numbers in the text (see `phoneEndAt` for the forms). */
export function dutchPhoneNumbersIn(text: string): string[] {
  return phoneFindings(text).map((f) => f.match);
}

// ---------------------------------------------------------------------------------
// A known person's name

/**
 * Name particles (tussenvoegsels and their neighbours' equivalents): "van der Berg" is
 * found by "Berg"; "van", "der" and "den" are everyday words and never refused alone.
 */
const nameParticles = new Set([
  'van',
  'der',
  'den',
  'de',
  'het',
  'ter',
  'ten',
  'te',
  'op',
  'in',
  'aan',
  'bij',
  'uit',
  'von',
  'vom',
  'zu',
  'le',
  'la',
  'les',
  'du',
  'da',
  'dos',
  'das',
  'del',
  'della',
  'di',
  'el',
  'al',
  'bin',
  'ben',
]);

/** Lower case without diacritics, so "José" and "jose" compare equal. */
function folded(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const nameWord = /\p{L}+(?:['’]\p{L}+)*/gu;

/** The words of a recorded name that count when they appear in a text: three letters or more, not a particle. */
export function significantNameWords(name: string): string[] {
  return [...new Set([...name.matchAll(nameWord)].map((m) => folded(m[0])).filter((w) => w.replace(/['’]/g, '').length >= 3 && !nameParticles.has(w)))];
}

/** Whole words of the text that are words of one of the names (first or last name; case and diacritics ignored). */
export function knownNamesIn(text: string, names: readonly string[]): FreeTextFinding[] {
  const wanted = new Set(names.flatMap(significantNameWords));
  if (wanted.size === 0) return [];
  return [...text.matchAll(nameWord)].filter((m) => wanted.has(folded(m[0]))).map((m) => ({ kind: 'known-name' as const, match: m[0], index: m.index }));
}

// ---------------------------------------------------------------------------------
// All of it

export interface PersonalDataInTextOptions {
  /** Names of the person the text is about (the municipality knows its client's); each word of three letters or more counts. */
  readonly knownNames?: readonly string[];
}

/** Every sign of personal data in one free text, in the order they appear. An empty list means none was found. */
export function personalDataInText(text: string, options: PersonalDataInTextOptions = {}): FreeTextFinding[] {
  return [
    ...bsnFindings(text),
    ...icd10Findings(text),
    ...dsmFindings(text),
    ...emailFindings(text),
    ...phoneFindings(text),
    ...(options.knownNames ? knownNamesIn(text, options.knownNames) : []),
  ].sort((a, b) => a.index - b.index);
}

export interface FreeTextIssue {
  readonly kind: FreeTextFindingKind;
  /** A sentence for the person who typed the text: the kind and where, never the value. */
  readonly reason: string;
  readonly reasonNl: string;
}

/**
 * One issue per kind of finding, saying where in the text (character positions, 1-based)
 * but never what: the value is personal data and answers end up in logs.
 */
export function freeTextIssuesOf(findings: readonly FreeTextFinding[]): FreeTextIssue[] {
  const byKind = new Map<FreeTextFindingKind, number[]>();
  for (const f of findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f.index + 1]);
  return freeTextFindingKinds
    .filter((kind) => byKind.has(kind))
    .map((kind) => {
      const at = byKind.get(kind)!;
      const positions = at.length === 1 ? `character ${at[0]}` : `characters ${at.slice(0, -1).join(', ')} and ${at.at(-1)}`;
      const positionsNl = at.length === 1 ? `teken ${at[0]}` : `de tekens ${at.slice(0, -1).join(', ')} en ${at.at(-1)}`;
      return {
        kind,
        reason: `${freeTextFindingReasons[kind].en} at ${positions}; free text in this field leaves your organisation, so leave personal data out`,
        reasonNl: `${freeTextFindingReasons[kind].nl} bij ${positionsNl}; vrije tekst in dit veld gaat naar andere organisaties, laat persoonsgegevens weg`,
      };
    });
}
