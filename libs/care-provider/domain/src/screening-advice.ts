// Code lists of the screening advice: the work-oriented part of a GGZ screening that
// may leave the care provider. Clinical findings (diagnoses, notes) are not in here.

/** Advised route after screening (screeningsadvies). */
export const ADVISED_ROUTES = ['ips', 'reintegration', 'care-first', 'not-now'] as const;
export type AdvisedRoute = (typeof ADVISED_ROUTES)[number];

export function isAdvisedRoute(value: string): value is AdvisedRoute {
  return (ADVISED_ROUTES as readonly string[]).includes(value);
}

/** Weekly work capacity must be a whole or half hour between 0 and 40. */
export function isValidWorkCapacity(hoursPerWeek: number): boolean {
  return Number.isFinite(hoursPerWeek) && hoursPerWeek >= 0 && hoursPerWeek <= 40 && Number.isInteger(hoursPerWeek * 2);
}

/** Version of the functional-limitation code list below; bump when codes are added. */
export const FUNCTIONAL_LIMITATION_CODE_LIST_VERSION = 'fml-2002-ggz.2';

/**
 * Functional limitations after the UWV Functionele Mogelijkhedenlijst (FML): what a
 * client can and cannot do at work, never why. Section codes for the six rubrics; item
 * codes (`<section>.<item>`) for the rubrics a GGZ screener assesses: I persoonlijk
 * functioneren, II sociaal functioneren and VI werktijden. The physical rubrics (III–V)
 * are the occupational physician's and stay at section level.
 */
export const FUNCTIONAL_LIMITATIONS = {
  'personal-functioning': 'I Persoonlijk functioneren',
  'social-functioning': 'II Sociaal functioneren',
  'physical-environment': 'III Aanpassing aan fysieke omgevingseisen',
  'dynamic-actions': 'IV Dynamische handelingen',
  'static-postures': 'V Statische houdingen',
  'working-hours': 'VI Werktijden',
  'personal-functioning.concentration': 'Concentreren van de aandacht',
  'personal-functioning.divided-attention': 'Verdelen van de aandacht',
  'personal-functioning.memory': 'Herinneren',
  'personal-functioning.insight-own-abilities': 'Inzicht in eigen kunnen',
  'personal-functioning.purposeful-action': 'Doelmatig handelen',
  'personal-functioning.independent-action': 'Zelfstandig handelen',
  'personal-functioning.pace': 'Handelingstempo',
  'personal-functioning.deadlines-and-peaks': 'Deadlines of productiepieken',
  'personal-functioning.personal-risk': 'Verhoogd persoonlijk risico',
  'social-functioning.following-rules': 'Zich aanpassen aan voorschriften',
  'social-functioning.adapting-to-change': 'Zich aanpassen aan veranderingen',
  'social-functioning.dealing-with-problems': 'Omgaan met problemen',
  'social-functioning.dealing-with-conflicts': 'Omgaan met conflicten',
  'social-functioning.cooperation': 'Samenwerken',
  'social-functioning.contact-with-colleagues': 'Contacten met collega’s',
  'social-functioning.managing-others': 'Leidinggeven',
  'social-functioning.emotional-problems-of-others': 'Emotionele problemen van anderen hanteren',
  'social-functioning.customer-contact': 'Klantcontacten',
  'working-hours.evening-work': 'Avondwerk',
  'working-hours.night-work': 'Nachtwerk',
  'working-hours.hours-per-day': 'Uren per dag',
  'working-hours.hours-per-week': 'Uren per week',
} as const satisfies Record<string, string>;

export type FunctionalLimitationCode = keyof typeof FUNCTIONAL_LIMITATIONS;

export const FUNCTIONAL_LIMITATION_CODES = Object.keys(FUNCTIONAL_LIMITATIONS) as FunctionalLimitationCode[];

export function isFunctionalLimitationCode(value: string): value is FunctionalLimitationCode {
  return Object.prototype.hasOwnProperty.call(FUNCTIONAL_LIMITATIONS, value);
}
