// The register of processing activities (verwerkingsregister, AVG art. 30) of the
// chain's information exchange, as data. Every disclosure record points into it with
// `dpl.core.processing_activity_id`, so "why, and on which basis" is answered by the
// register, not by whatever the logging code happened to write. Retention periods are
// the chain's proposal; the privacy officers (FG) own the final figures.
import type { ConsentPurpose, DataCategory } from '@wcc/contracts';
import type { LocalisedText } from './labels';

export const processingActivityIds = [
  'client-referral',
  'referral-feedback',
  'screening-advice',
  'care-progress',
  'care-funding',
  'matching-and-placement',
  'work-outcome-for-insurer',
  'consent-registration',
  'case-monitoring',
  'mdt-case-review',
  'shared-case-view',
  'data-subject-access',
] as const;
export type ProcessingActivityId = (typeof processingActivityIds)[number];

/** `dpl.core.processing_activity_id` is this URI; GET /processing-activities/{id} resolves it. */
export const processingActivityUriPrefix = 'urn:nld:workcarechain:verwerkingsactiviteit:';

export function processingActivityUri(id: ProcessingActivityId): string {
  return `${processingActivityUriPrefix}${id}`;
}

export interface LegalBasis {
  /** The AVG (GDPR) grounds, e.g. 'AVG art. 6(1)(e)'. */
  readonly avg: readonly string[];
  /** The sector law giving the task or duty, e.g. 'Participatiewet art. 7'. */
  readonly law: readonly string[];
  readonly explanation: LocalisedText;
}

export interface ProcessingActivity {
  readonly id: ProcessingActivityId;
  readonly uri: string;
  readonly name: LocalisedText;
  readonly purpose: LocalisedText;
  /** The organisation type responsible (verwerkingsverantwoordelijke). */
  readonly controller: LocalisedText;
  readonly legalBasis: LegalBasis;
  /**
   * Present when disclosures under this activity rest on the client's consent: the
   * consent purpose that must cover them (ConsentGranted.purpose).
   */
  readonly consentPurpose?: ConsentPurpose;
  readonly dataCategories: readonly DataCategory[];
  /** ISO 8601 duration and what it counts from. */
  readonly retention: { readonly period: string; readonly explanation: LocalisedText };
}

const activities: readonly Omit<ProcessingActivity, 'uri'>[] = [
  {
    id: 'client-referral',
    name: { nl: 'Verwijzing van een cliënt naar zorg of werkgeversdienstverlening', en: 'Referring a client to care or the employer network' },
    purpose: {
      nl: 'Een partner in de keten laten screenen, behandelen of bemiddelen als onderdeel van de ondersteuning bij arbeidsinschakeling.',
      en: 'Letting a chain partner screen, treat or match the client as part of support towards work.',
    },
    controller: { nl: 'gemeente', en: 'municipality' },
    legalBasis: {
      avg: ['AVG art. 6(1)(e)', 'AVG art. 9(2)(a)'],
      law: ['Participatiewet art. 7', 'Participatiewet art. 10', 'Wet SUWI art. 62'],
      explanation: {
        nl: 'Publieke taak van de gemeente (ondersteuning bij arbeidsinschakeling); de verwijsroute naar GGZ-screening rust op uitdrukkelijke toestemming.',
        en: "The municipality's public task (support towards work); the route to a mental-health screening rests on explicit consent.",
      },
    },
    dataCategories: ['identifying', 'administrative', 'care-summary'],
    retention: { period: 'P7Y', explanation: { nl: 'zeven jaar na afsluiten van de casus', en: 'seven years after the case is closed' } },
  },
  {
    id: 'referral-feedback',
    name: { nl: 'Terugkoppeling op een verwijzing', en: 'Feedback on a referral' },
    purpose: {
      nl: 'De verwijzer laten weten of de verwijzing is aanvaard of afgewezen en waarom (rapport 002 §3.4.1).',
      en: 'Telling the referrer whether the referral was accepted or declined and why (report 002 §3.4.1).',
    },
    controller: { nl: 'zorgaanbieder of werkgeversdienstverlening', en: 'care provider or employer network' },
    legalBasis: {
      avg: ['AVG art. 6(1)(e)'],
      law: ['Participatiewet art. 7', 'Wet SUWI art. 62'],
      explanation: { nl: 'Uitvoering van de verwijzing binnen de publieke taak van de gemeente.', en: "Carrying out the referral within the municipality's public task." },
    },
    dataCategories: ['identifying', 'administrative'],
    retention: { period: 'P7Y', explanation: { nl: 'zeven jaar na afsluiten van de casus', en: 'seven years after the case is closed' } },
  },
  {
    id: 'screening-advice',
    name: { nl: 'Werkgericht screeningsadvies van de GGZ aan de gemeente', en: 'Work-oriented screening advice from mental-health care to the municipality' },
    purpose: {
      nl: 'Route, belastbaarheid en functionele beperkingen delen zodat de gemeente een passend traject kan kiezen; nooit de diagnose.',
      en: 'Sharing route, work capacity and functional limitations so the municipality can choose a fitting trajectory; never the diagnosis.',
    },
    controller: { nl: 'zorgaanbieder', en: 'care provider' },
    legalBasis: {
      avg: ['AVG art. 6(1)(a)', 'AVG art. 9(2)(a)'],
      law: ['WGBO art. 7:457 BW (beroepsgeheim, doorbreking met toestemming)'],
      explanation: {
        nl: 'Gezondheidsgegevens onder beroepsgeheim: alleen met uitdrukkelijke toestemming van de cliënt.',
        en: "Health data under professional secrecy: only with the client's explicit consent.",
      },
    },
    consentPurpose: 'care',
    dataCategories: ['identifying', 'administrative', 'care-summary'],
    retention: { period: 'P7Y', explanation: { nl: 'zeven jaar na afsluiten van de casus', en: 'seven years after the case is closed' } },
  },
  {
    id: 'care-progress',
    name: { nl: 'Voortgang van zorg en IPS melden aan de regievoerder', en: 'Reporting care and IPS progress to the case director' },
    purpose: {
      nl: 'De gemeente weet dat screening, IPS-intake of behandeling loopt of is beëindigd, zonder inhoud van de zorg.',
      en: 'The municipality knows that screening, IPS intake or treatment is running or has ended, without the content of the care.',
    },
    controller: { nl: 'zorgaanbieder', en: 'care provider' },
    legalBasis: {
      avg: ['AVG art. 6(1)(a)', 'AVG art. 9(2)(a)'],
      law: ['WGBO art. 7:457 BW'],
      explanation: { nl: 'Gegevens over zorg: alleen met uitdrukkelijke toestemming.', en: 'Data about care: only with explicit consent.' },
    },
    consentPurpose: 'care',
    dataCategories: ['identifying', 'administrative', 'care-summary'],
    retention: { period: 'P7Y', explanation: { nl: 'zeven jaar na afsluiten van de casus', en: 'seven years after the case is closed' } },
  },
  {
    id: 'care-funding',
    name: { nl: 'Financiering en declaratie van zorg', en: 'Funding and claiming care' },
    purpose: {
      nl: 'De zorgverzekeraar beslist over financiering van IPS-intake, zorgproducten en jobcoaching en betaalt declaraties.',
      en: 'The health insurer decides on funding IPS intake, care products and job coaching and pays claims.',
    },
    controller: { nl: 'zorgaanbieder en zorgverzekeraar', en: 'care provider and health insurer' },
    legalBasis: {
      avg: ['AVG art. 6(1)(c)', 'AVG art. 9(2)(h)'],
      law: ['Zorgverzekeringswet art. 11 en 87', 'Wet marktordening gezondheidszorg art. 68'],
      explanation: {
        nl: 'Wettelijke plicht tot declareren en controleren van verzekerde zorg.',
        en: 'Legal duty to claim and check insured care.',
      },
    },
    // 'work': a job-coaching request states the job's contract hours, length and start (report 002 §5.1.4 funds by them).
    dataCategories: ['identifying', 'administrative', 'work', 'financial'],
    retention: { period: 'P7Y', explanation: { nl: 'zeven jaar (fiscale bewaarplicht)', en: 'seven years (tax retention duty)' } },
  },
  {
    id: 'matching-and-placement',
    name: { nl: 'Bemiddeling en plaatsing bij een werkgever', en: 'Matching and placement with an employer' },
    purpose: {
      nl: 'De gemeente volgt bemiddeling, plaatsingen en baanverlies en past de uitkering aan.',
      en: 'The municipality follows matching, placements and job loss and adjusts the benefit.',
    },
    controller: { nl: 'werkgeversdienstverlening', en: 'employer network' },
    legalBasis: {
      avg: ['AVG art. 6(1)(c)', 'AVG art. 6(1)(e)'],
      law: ['Participatiewet art. 7', 'Participatiewet art. 17 (inlichtingenplicht)', 'Wet SUWI art. 9'],
      explanation: {
        nl: 'Publieke taak en wettelijke plicht: inkomsten uit werk bepalen de hoogte van de uitkering.',
        en: 'Public task and legal duty: income from work determines the benefit.',
      },
    },
    dataCategories: ['identifying', 'administrative', 'work', 'financial'],
    retention: { period: 'P7Y', explanation: { nl: 'zeven jaar na afsluiten van de casus', en: 'seven years after the case is closed' } },
  },
  {
    id: 'work-outcome-for-insurer',
    name: { nl: 'Werkuitkomst aan de zorgverzekeraar', en: 'Work outcome for the health insurer' },
    purpose: {
      nl: 'De zorgverzekeraar ziet of gefinancierde cliënten werk vonden, voor de maatschappelijke kosten-batenanalyse.',
      en: 'The health insurer sees whether funded clients found work, for the social cost-benefit analysis.',
    },
    controller: { nl: 'werkgeversdienstverlening', en: 'employer network' },
    legalBasis: {
      avg: ['AVG art. 6(1)(a)'],
      law: [],
      explanation: { nl: 'Alleen met toestemming van de cliënt voor ketensamenwerking.', en: "Only with the client's consent for chain coordination." },
    },
    consentPurpose: 'chain-coordination',
    dataCategories: ['identifying', 'administrative', 'work', 'financial'],
    retention: { period: 'P5Y', explanation: { nl: 'vijf jaar na de plaatsing', en: 'five years after the placement' } },
  },
  {
    id: 'consent-registration',
    name: { nl: 'Registratie van toestemming', en: 'Registering consent' },
    purpose: {
      nl: 'Partners weten welke gegevens zij voor welk doel mogen ontvangen en wanneer toestemming is ingetrokken.',
      en: 'Partners know which data they may receive for which purpose and when consent was withdrawn.',
    },
    controller: { nl: 'gemeente', en: 'municipality' },
    legalBasis: {
      avg: ['AVG art. 6(1)(c)', 'AVG art. 7(1)'],
      law: [],
      explanation: {
        nl: 'De verantwoordelijke moet toestemming kunnen aantonen en intrekking direct laten werken.',
        en: 'The controller must be able to demonstrate consent and make withdrawal take effect at once.',
      },
    },
    dataCategories: ['identifying', 'administrative'],
    retention: { period: 'P7Y', explanation: { nl: 'zeven jaar na intrekking of afloop', en: 'seven years after withdrawal or expiry' } },
  },
  {
    id: 'case-monitoring',
    name: { nl: 'Monitoring van het traject', en: 'Monitoring the trajectory' },
    purpose: {
      nl: 'Partners volgen participatieladder, uitval en afsluiting van de casus om het traject af te stemmen.',
      en: 'Partners follow the participation ladder, dropout and case closure to align the trajectory.',
    },
    controller: { nl: 'gemeente', en: 'municipality' },
    legalBasis: {
      avg: ['AVG art. 6(1)(e)'],
      law: ['Participatiewet art. 7', 'Wet SUWI art. 62'],
      explanation: { nl: 'Publieke taak van de gemeente (regie op het traject).', en: "The municipality's public task (direction of the trajectory)." },
    },
    dataCategories: ['identifying', 'administrative', 'work'],
    retention: { period: 'P7Y', explanation: { nl: 'zeven jaar na afsluiten van de casus', en: 'seven years after the case is closed' } },
  },
  {
    id: 'mdt-case-review',
    name: { nl: 'Multidisciplinair casusoverleg (MDT) en de acties daaruit', en: 'Multidisciplinary case review (MDT) and the actions agreed in it' },
    purpose: {
      nl: 'De regievoerende gemeente bespreekt de casus met de professionals van de ketenpartners aan tafel (interdisciplinair overleg, rapport 002 §2.3), legt vast wie er was en welke gegevenscategorieën zijn besproken, en volgt de afgesproken acties op. Besluit- en actieteksten blijven bij de gemeente.',
      en: 'The municipality holding regie discusses the case with the chain partners’ professionals at the table (interdisciplinary meeting, report 002 §2.3), records who attended and which data categories were discussed, and follows up the agreed actions. Decision and action texts stay at the municipality.',
    },
    controller: { nl: 'gemeente', en: 'municipality' },
    legalBasis: {
      avg: ['AVG art. 6(1)(e)', 'AVG art. 9(2)(a)'],
      law: ['Participatiewet art. 7', 'Wet SUWI art. 62', 'WGBO art. 7:457 BW (beroepsgeheim, doorbreking met toestemming)'],
      explanation: {
        nl: 'Regie op het traject is een publieke taak van de gemeente; gegevens van de cliënt delen met een partner aan tafel rust op uitdrukkelijke toestemming voor ketensamenwerking die op de dag van het overleg die partnersoort en elke besproken categorie dekt (rapport 002 §3.2.6). Zorgsamenvattingen nooit met de werkgeversdienstverlening aan tafel.',
        en: "Directing the trajectory is the municipality's public task; sharing the client's data with a partner at the table rests on explicit chain-coordination consent covering, on the day of the meeting, that partner type and every category discussed (report 002 §3.2.6). Care summaries never with the employer network at the table.",
      },
    },
    consentPurpose: 'chain-coordination',
    dataCategories: ['identifying', 'administrative', 'work', 'care-summary', 'financial'],
    retention: { period: 'P7Y', explanation: { nl: 'zeven jaar na afsluiten van de casus', en: 'seven years after the case is closed' } },
  },
  {
    id: 'shared-case-view',
    name: { nl: 'Gedeeld casusbeeld voor het multidisciplinair team', en: 'Shared case view for the multidisciplinary team' },
    purpose: {
      nl: 'De ketenvoorziening verwerkt alle ketenberichten als verwerker en toont elke professional alleen wat rol en toestemming toelaten.',
      en: 'The chain facility processes every chain message as a processor and shows each professional only what role and consent allow.',
    },
    controller: { nl: 'ketenpartners gezamenlijk (verwerker: ketenvoorziening)', en: 'the chain partners jointly (processor: chain facility)' },
    legalBasis: {
      avg: ['AVG art. 6(1)(e)', 'AVG art. 9(2)(a)', 'AVG art. 28'],
      law: ['Wet SUWI art. 62', 'Participatiewet art. 7'],
      explanation: {
        nl: 'Verwerking in opdracht (verwerkersovereenkomst); tonen van zorggegevens alleen met toestemming.',
        en: 'Processing on instruction (processing agreement); showing care data only with consent.',
      },
    },
    consentPurpose: 'chain-coordination',
    dataCategories: ['identifying', 'administrative', 'work', 'care-summary', 'financial'],
    retention: { period: 'P7Y', explanation: { nl: 'zeven jaar na afsluiten van de casus', en: 'seven years after the case is closed' } },
  },
  {
    id: 'data-subject-access',
    name: { nl: 'Inzage door de betrokkene (AVG art. 15)', en: 'Access by the data subject (GDPR art. 15)' },
    purpose: {
      nl: 'De cliënt via de gemeente laten zien wie zijn of haar gegevens ontving of bekeek, wanneer, waarom en op welke grond.',
      en: 'Showing the client, through the municipality, who received or viewed their data, when, why and on which basis.',
    },
    controller: { nl: 'gemeente', en: 'municipality' },
    legalBasis: {
      avg: ['AVG art. 6(1)(c)', 'AVG art. 15'],
      law: [],
      explanation: { nl: 'Wettelijke plicht om inzage te geven.', en: 'Legal duty to give access.' },
    },
    dataCategories: ['identifying', 'administrative'],
    retention: { period: 'P7Y', explanation: { nl: 'zeven jaar na het verzoek', en: 'seven years after the request' } },
  },
];

export const processingActivities: readonly ProcessingActivity[] = Object.freeze(activities.map((activity) => Object.freeze({ ...activity, uri: processingActivityUri(activity.id) })));

const byId = new Map(processingActivities.map((activity) => [activity.id, activity]));

export function isProcessingActivityId(value: string): value is ProcessingActivityId {
  return (processingActivityIds as readonly string[]).includes(value);
}

export function processingActivity(id: ProcessingActivityId): ProcessingActivity {
  const activity = byId.get(id);
  if (!activity) throw new Error(`Processing activity ${id} is not in the register`);
  return activity;
}

/** The register entry a `dpl.core.processing_activity_id` URI points to. */
export function processingActivityByUri(uri: string): ProcessingActivity | undefined {
  const id = uri.startsWith(processingActivityUriPrefix) ? uri.slice(processingActivityUriPrefix.length) : '';
  return isProcessingActivityId(id) ? byId.get(id) : undefined;
}
