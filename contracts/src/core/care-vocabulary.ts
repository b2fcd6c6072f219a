// Words that say a client is in GGZ care, in free text that reaches the employer network
// (a referral reason for matching). The employer network may not learn that a client is in
// care (AVG art. 9; issue 12 item 3): not from an event's occurrence, not from a field, and
// not from a sentence a professional typed. What personalDataInText finds (a BSN, a
// diagnosis code, a name) is refused for every receiver; these words only where the text
// goes to the employer network — a care provider may of course read "GGZ" or "behandeling".
//
// The vocabulary, Dutch and English, matched case-insensitively as whole words or word
// beginnings (so inflections and compounds count: 'psychiatrische', 'angststoornis'):
//   care and its professions   GGZ, geestelijke gezondheidszorg, mental health, psychiater,
//                              psychiatrie/psychiatric/psychiatrist, psycholoog/psychologist,
//                              therapie/therapeut/therapy/therapist, EMDR, IPS (the GGZ's
//                              employment method; only the client's own consent may tell one
//                              employer network), behandeling/behandelaar/behandeltraject,
//                              treatment, medicatie/medication, antidepressiva/antidepressant,
//                              antipsychotica/antipsychotic
//   conditions                 psychose/psychosis/psychotisch/psychotic, depressie/depressief/
//                              depression/depressed, schizofrenie/schizophrenia, bipolair/bipolar,
//                              stoornis (angst-, persoonlijkheids-, …)/disorder, verslaving/
//                              verslaafd/addiction/addicted, trauma/PTSS/PTSD, autisme/autism,
//                              ADHD, burn-out, suïcide/suicide/zelfmoord
//   diagnosis and admission    diagnose/diagnosis/gediagnosticeerd/diagnosed, opname (crisis-,
//                              ziekenhuis-, klinische)/hospitalised
//
// It reads words, not meaning, and leans towards refusing: "behandeling van de aanvraag"
// or "opname van verlof" is refused too, and the professional rephrases ("afhandeling",
// "verlof opnemen"). Not on the list, by choice: 'ziek'/'sick' and 'gezondheid' (work
// capacity is discussed in those words), programme names that do not say GGZ (ExIT).
/** Abbreviations: whole words only (or the first part of a hyphenated compound, 'GGZ-instelling'), so 'ipsum' is not 'IPS'. */
const abbreviations: readonly string[] = ['ggz', 'ips', 'emdr', 'ptss', 'ptsd', 'adhd'];

const stems: readonly string[] = [
  'geestelijke gezondheid',
  'mental health',
  'psychiat',
  'psycholo',
  'psychose',
  'psychoses',
  'psychosis',
  'psychoti',
  'therap',
  'behandeling',
  'behandelaar',
  'behandeltraject',
  'treatment',
  'medicati',
  'antidepress',
  'antipsychot',
  'depressi',
  'depressed',
  'schizo',
  'bipola',
  'stoornis',
  'disorder',
  'verslav',
  'verslaafd',
  'addict',
  'trauma',
  'autis',
  'burn-out',
  'burnout',
  'suïcid',
  'suicid',
  'zelfmoord',
  'diagnos',
  'gediagnosticeerd',
  'opname',
  'hospitalis',
  'hospitaliz',
];

/** Compounds end in the word ('angststoornis', 'crisisopname'): these stems also count at the end of a longer word. */
const alsoAsCompoundEnd: readonly string[] = ['stoornis', 'opname', 'therapie', 'therapeut', 'psychose', 'depressie', 'verslaving', 'behandeling', 'trauma'];

const letter = '\\p{L}';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const pattern = new RegExp(
  [
    `(?<!${letter})(?:${abbreviations.map(escape).join('|')})(?:-[\\p{L}-]*)?(?!${letter})`,
    // A word beginning with a stem: not preceded by a letter, any letters (or hyphens) after.
    `(?<!${letter})(?:${stems.map(escape).join('|')})[\\p{L}-]*`,
    // A compound ending in one of the words.
    `${letter}+(?:${alsoAsCompoundEnd.map(escape).join('|')})(?:en|s)?(?!${letter})`,
  ].join('|'),
  'giu',
);

export interface CareWordFinding {
  readonly kind: 'care-word';
  /** The word found. */
  readonly match: string;
  /** Where it starts in the text (0-based). */
  readonly index: number;
}

/** Every word of the care vocabulary in a text, in the order they appear. */
export function careWordsIn(text: string): CareWordFinding[] {
  return [...text.matchAll(pattern)].map((m) => ({ kind: 'care-word' as const, match: m[0], index: m.index }));
}
