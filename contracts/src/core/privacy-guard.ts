// Data minimisation enforced where events are declared: a property whose name says
// it carries a citizen service number, a person's name or clinical detail is refused
// before it can ever reach the bus. An employer never sees health data; the
// municipality sees the screening advice, not the diagnosis (DOMAIN.md).

/** Tokens that are forbidden wherever they appear in a property name. */
const forbiddenTokens = new Set([
  'bsn',
  'burgerservicenummer',
  'ssn',
  'diagnosis',
  'diagnoses',
  'diagnose',
  'diagnostic',
  'dsm',
  'icd',
  'naam',
  'voornaam',
  'achternaam',
  'surname',
  'initials',
  'voorletters',
  'geboortedatum',
]);

/** Token sequences that are forbidden wherever they appear in a property name. */
const forbiddenPhrases: readonly (readonly string[])[] = [
  ['clinical', 'note'],
  ['clinical', 'notes'],
  ['citizen', 'service', 'number'],
  ['birth', 'date'],
  ['date', 'of', 'birth'],
];

/** A `…name` property is only allowed when it names something other than a person. */
const nonPersonNameQualifiers = new Set(['organisation', 'organization', 'employer', 'municipality', 'team', 'project', 'product', 'instrument', 'role', 'vacancy', 'event', 'topic', 'channel']);

/** Splits `firstName`, `first_name`, `first-name`, `FIRSTNAME2` into lower-case words. */
export function wordsOf(propertyName: string): string[] {
  return propertyName
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= words.length; start++) {
    if (phrase.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}

/** Why a property name is refused, or undefined when it is acceptable. */
export function privacyViolationOf(propertyName: string): string | undefined {
  const words = wordsOf(propertyName);
  const joined = words.join('');
  const token = words.find((word) => forbiddenTokens.has(word));
  if (token !== undefined) return `'${token}' marks a citizen service number, a person's name or clinical detail`;
  // Catches run-together spellings such as `clientbsn` or `clinicalnote`; `bsn` only at a
  // word edge, so `jobsNeeded` stays allowed.
  if (words.some((word) => /^bsn|bsn$/.test(word)) || /burgerservicenummer|diagnos|clinicalnote|firstname|lastname|fullname|dateofbirth|birthdate/.test(joined)) {
    return `'${propertyName}' reads as a citizen service number, a person's name or clinical detail`;
  }
  const phrase = forbiddenPhrases.find((p) => containsPhrase(words, p));
  if (phrase !== undefined) return `'${phrase.join(' ')}' is personal or clinical detail`;
  const nameAt = words.findIndex((word) => word === 'name' || word === 'names');
  if (nameAt !== -1) {
    const qualifier = words[nameAt - 1];
    if (qualifier === undefined || !nonPersonNameQualifiers.has(qualifier)) {
      return `'${propertyName}' may carry a person's name; use the pseudonymous clientKey instead`;
    }
  }
  return undefined;
}

export interface PrivacyViolation {
  readonly path: string;
  readonly reason: string;
}

/** Walks an object schema (nested objects and array items too) for refused property names. */
export function findPrivacyViolations(schema: unknown, path = ''): PrivacyViolation[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const violations: PrivacyViolation[] = [];
  const properties = node['properties'];
  if (typeof properties === 'object' && properties !== null) {
    for (const [name, child] of Object.entries(properties)) {
      const reason = privacyViolationOf(name);
      if (reason !== undefined) violations.push({ path: `${path}/${name}`, reason });
      violations.push(...findPrivacyViolations(child, `${path}/${name}`));
    }
  }
  const items = node['items'];
  if (items !== undefined) violations.push(...findPrivacyViolations(items, `${path}/items`));
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
    const branches = node[keyword];
    if (Array.isArray(branches)) branches.forEach((branch, i) => violations.push(...findPrivacyViolations(branch, `${path}/${keyword}/${i}`)));
  }
  return violations;
}
