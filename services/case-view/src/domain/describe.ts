// One readable line per item, in Dutch and English, for the MDT timeline. The line is
// built only from the fields of the item's headline category and administrative ones,
// so whoever may see the item may read its line; a field the line cannot use is left
// out of it, never guessed.
import { keyOf, type CaseEntry } from './case-entry';
import { bool, num, records, str, strings, type EventData } from './data-readers';
import type { DataCategory } from './vocabulary';

export interface ReadableLine {
  readonly nl: string;
  readonly en: string;
}

/** The fields a line may be made of: those of the headline category and administrative ones. */
export function fieldsForLine(data: EventData, fieldCategories: Readonly<Record<string, DataCategory>>, headline: DataCategory): EventData {
  return Object.fromEntries(
    Object.entries(data).filter(([name]) => {
      const category = fieldCategories[name];
      return category === headline || category === 'administrative';
    }),
  );
}

const euroNl = (cents: number) => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;
const euroEn = (cents: number) => `€${(cents / 100).toFixed(2)}`;
/** Joins the parts that are known. */
const join = (...parts: (string | undefined | false)[]) => parts.filter((p): p is string => typeof p === 'string' && p !== '').join(', ');
const opt = (value: string | number | undefined, render: (v: string) => string) => (value === undefined ? undefined : render(String(value)));

const organisationTypeNl: Readonly<Record<string, string>> = {
  municipality: 'gemeente',
  'care-provider': 'zorgaanbieder',
  insurer: 'zorgverzekeraar',
  'employer-network': 'werkgeversdienstverlening',
};

export function describeEntry(entry: Pick<CaseEntry, 'producer' | 'name' | 'data' | 'fieldCategories' | 'headlineCategory'>): ReadableLine {
  const d = fieldsForLine(entry.data, entry.fieldCategories, entry.headlineCategory);
  const org = str(d, 'organisationId', 'insurerId');
  switch (keyOf(entry)) {
    case 'municipality:ClientRegistered':
      return { nl: join(`Cliënt ingeschreven`, opt(str(d, 'municipalityId'), (m) => `gemeente ${m}`)), en: join('Client registered', opt(str(d, 'municipalityId'), (m) => `municipality ${m}`)) };
    case 'municipality:CaseOpened':
      return { nl: join('Traject geopend', opt(str(d, 'municipalityId'), (m) => `door ${m}`)), en: join('Case opened', opt(str(d, 'municipalityId'), (m) => `by ${m}`)) };
    case 'municipality:RegieAssigned':
      return {
        nl: join('Regie toegewezen', opt(str(d, 'ownerUserId'), (u) => `aan ${u}`), str(d, 'ownerOrganisationId')),
        en: join('Regie assigned', opt(str(d, 'ownerUserId'), (u) => `to ${u}`), str(d, 'ownerOrganisationId')),
      };
    case 'municipality:RegieTransferred':
      return {
        nl: join('Regie overgedragen', opt(str(d, 'fromUserId'), (u) => `van ${u}`), opt(str(d, 'toUserId'), (u) => `aan ${u}`)),
        en: join('Regie transferred', opt(str(d, 'fromUserId'), (u) => `from ${u}`), opt(str(d, 'toUserId'), (u) => `to ${u}`)),
      };
    case 'municipality:ConsentGranted':
      return {
        nl: join(
          `Toestemming gegeven (${str(d, 'purpose') ?? 'doel onbekend'})`,
          opt(strings(d, 'organisationTypes')?.join(', '), (t) => `voor ${t}`),
          opt(strings(d, 'dataCategories')?.join(', '), (c) => `gegevens: ${c}`),
          opt(str(d, 'validFrom'), (f) => `geldig vanaf ${f}`),
          opt(str(d, 'validTo'), (t) => `tot en met ${t}`),
        ),
        en: join(
          `Consent granted (${str(d, 'purpose') ?? 'purpose unknown'})`,
          opt(strings(d, 'organisationTypes')?.join(', '), (t) => `to ${t}`),
          opt(strings(d, 'dataCategories')?.join(', '), (c) => `data: ${c}`),
          opt(str(d, 'validFrom'), (f) => `valid from ${f}`),
          opt(str(d, 'validTo'), (t) => `until ${t}`),
        ),
      };
    case 'municipality:ConsentWithdrawn':
      return { nl: `Toestemming ingetrokken (${str(d, 'purpose') ?? 'doel onbekend'})`, en: `Consent withdrawn (${str(d, 'purpose') ?? 'purpose unknown'})` };
    case 'municipality:ClientReferred': {
      const to = str(d, 'toOrganisationId');
      const type = str(d, 'toOrganisationType');
      return {
        nl: join(`Verwezen${to ? ` naar ${to}` : ''}${type ? ` (${organisationTypeNl[type] ?? type})` : ''}`, opt(str(d, 'replyDeadline'), (t) => `antwoord uiterlijk ${t}`)),
        en: join(`Referred${to ? ` to ${to}` : ''}${type ? ` (${type})` : ''}`, opt(str(d, 'replyDeadline'), (t) => `reply due ${t}`)),
      };
    }
    case 'municipality:ParticipationMeasured': {
      const rung = num(d, 'ladderRung');
      const growth = bool(d, 'growthPotential');
      const moment = str(d, 'moment');
      return {
        nl: join(`Participatieladder gemeten${moment ? ` (${moment})` : ''}`, opt(rung, (r) => `trede ${r}`), growth === undefined ? undefined : growth ? 'met groeipotentieel' : 'zonder groeipotentieel'),
        en: join(`Participation ladder measured${moment ? ` (${moment})` : ''}`, opt(rung, (r) => `rung ${r}`), growth === undefined ? undefined : growth ? 'with growth potential' : 'no growth potential'),
      };
    }
    case 'municipality:BenefitAdjusted':
    case 'municipality:BenefitReapplied': {
      const amount = num(d, 'benefitMonthlyAmountCents');
      const reapplied = entry.name === 'BenefitReapplied';
      return {
        nl: join(reapplied ? 'Uitkering opnieuw aangevraagd' : 'Uitkering aangepast', str(d, 'benefitType'), amount === undefined ? undefined : `${euroNl(amount)} per maand`, opt(str(d, 'effectiveFrom', 'reappliedOn'), (t) => `per ${t}`)),
        en: join(reapplied ? 'Benefit re-applied for' : 'Benefit adjusted', str(d, 'benefitType'), amount === undefined ? undefined : `${euroEn(amount)} a month`, opt(str(d, 'effectiveFrom', 'reappliedOn'), (t) => `from ${t}`)),
      };
    }
    case 'municipality:BenefitEnded':
      return {
        nl: join('Uitkering beëindigd', opt(str(d, 'endedOn'), (t) => `per ${t}`), opt(str(d, 'reasonCode'), (r) => `reden ${r}`)),
        en: join('Benefit ended', opt(str(d, 'endedOn'), (t) => `on ${t}`), opt(str(d, 'reasonCode'), (r) => `reason ${r}`)),
      };
    case 'municipality:DroppedOut':
      return {
        nl: join('Uitgevallen', opt(str(d, 'phase'), (p) => `in fase ${p}`), opt(str(d, 'droppedOutOn'), (t) => `op ${t}`)),
        en: join('Dropped out', opt(str(d, 'phase'), (p) => `in phase ${p}`), opt(str(d, 'droppedOutOn'), (t) => `on ${t}`)),
      };
    case 'municipality:CaseClosed':
      return { nl: join('Traject gesloten', opt(str(d, 'reasonCode'), (r) => `reden ${r}`)), en: join('Case closed', opt(str(d, 'reasonCode'), (r) => `reason ${r}`)) };
    case 'municipality:CaseReviewScheduled':
      return {
        nl: join('MDT-overleg gepland', opt(str(d, 'scheduledFor'), (t) => `op ${t}`), opt(str(d, 'chairUserId'), (u) => `voorzitter ${u}`)),
        en: join('MDT case review scheduled', opt(str(d, 'scheduledFor'), (t) => `for ${t}`), opt(str(d, 'chairUserId'), (u) => `chaired by ${u}`)),
      };
    case 'municipality:CaseReviewHeld': {
      const attendees = records(d, 'attendees');
      const organisations = attendees ? [...new Set(attendees.map((a) => str(a, 'organisationId')).filter(Boolean))].join(', ') : undefined;
      const discussed = strings(d, 'dataCategoriesDiscussed')?.join(', ');
      return {
        nl: join('MDT-overleg gehouden', opt(str(d, 'heldOn'), (t) => `op ${t}`), opt(organisations, (o) => `met ${o}`), opt(discussed, (c) => `besproken: ${c}`), opt(num(d, 'decisionCount'), (n) => `${n} besluiten`)),
        en: join('MDT case review held', opt(str(d, 'heldOn'), (t) => `on ${t}`), opt(organisations, (o) => `with ${o}`), opt(discussed, (c) => `discussed: ${c}`), opt(num(d, 'decisionCount'), (n) => `${n} decisions`)),
      };
    }
    case 'municipality:CaseReviewCancelled':
      return { nl: join('MDT-overleg geannuleerd', opt(str(d, 'reasonCode'), (r) => `reden ${r}`)), en: join('MDT case review cancelled', opt(str(d, 'reasonCode'), (r) => `reason ${r}`)) };
    case 'municipality:ReviewActionAssigned':
      return {
        nl: join('MDT-actie toegewezen', opt(str(d, 'ownerUserId'), (o) => `aan ${o}`), str(d, 'ownerOrganisationId'), opt(str(d, 'dueDate'), (t) => `uiterlijk ${t}`)),
        en: join('MDT action assigned', opt(str(d, 'ownerUserId'), (o) => `to ${o}`), str(d, 'ownerOrganisationId'), opt(str(d, 'dueDate'), (t) => `due ${t}`)),
      };
    case 'municipality:ReviewActionClosed':
      return {
        nl: join('MDT-actie afgesloten', opt(str(d, 'closedOn'), (t) => `op ${t}`), opt(str(d, 'outcome'), (o) => `uitkomst ${o}`)),
        en: join('MDT action closed', opt(str(d, 'closedOn'), (t) => `on ${t}`), opt(str(d, 'outcome'), (o) => `outcome ${o}`)),
      };
    case 'care-provider:ReferralAccepted':
    case 'employer-network:ReferralAccepted':
      return {
        nl: join(`Verwijzing geaccepteerd${org ? ` door ${org}` : ''}`, opt(str(d, 'plannedStart'), (t) => `start ${t}`)),
        en: join(`Referral accepted${org ? ` by ${org}` : ''}`, opt(str(d, 'plannedStart'), (t) => `starting ${t}`)),
      };
    case 'care-provider:ReferralDeclined':
    case 'employer-network:ReferralDeclined':
      return {
        nl: join(`Verwijzing afgewezen${org ? ` door ${org}` : ''}`, opt(str(d, 'reasonCode'), (r) => `reden ${r}`)),
        en: join(`Referral declined${org ? ` by ${org}` : ''}`, opt(str(d, 'reasonCode'), (r) => `reason ${r}`)),
      };
    case 'care-provider:ScreeningStarted':
      return { nl: join(`Screening gestart${org ? ` door ${org}` : ''}`, opt(str(d, 'startedOn'), (t) => `op ${t}`)), en: join(`Screening started${org ? ` by ${org}` : ''}`, opt(str(d, 'startedOn'), (t) => `on ${t}`)) };
    case 'care-provider:ScreeningAdviceSubmitted': {
      const capacity = num(d, 'workCapacityHoursPerWeek');
      const contra = bool(d, 'contraIndications');
      return {
        nl: join('Screeningsadvies', opt(str(d, 'advisedRoute'), (r) => `route ${r}`), opt(capacity, (h) => `belastbaar ${h} uur per week`), contra === undefined ? undefined : contra ? 'met contra-indicaties' : 'geen contra-indicaties', opt(str(d, 'reviewDate'), (t) => `herbeoordeling ${t}`)),
        en: join('Screening advice', opt(str(d, 'advisedRoute'), (r) => `route ${r}`), opt(capacity, (h) => `can work ${h} hours a week`), contra === undefined ? undefined : contra ? 'with contra-indications' : 'no contra-indications', opt(str(d, 'reviewDate'), (t) => `review ${t}`)),
      };
    }
    case 'care-provider:IpsJobCoachAssigned':
      return { nl: join('IPS-jobcoach toegewezen', str(d, 'jobCoachId')), en: join('IPS job coach assigned', str(d, 'jobCoachId')) };
    case 'care-provider:IpsIntakeSessionHeld':
      return {
        nl: join(`IPS-intakegesprek${opt(num(d, 'sessionNumber'), (n) => ` ${n} van 8`) ?? ''} gehouden`, opt(str(d, 'heldOn'), (t) => `op ${t}`)),
        en: join(`IPS intake session${opt(num(d, 'sessionNumber'), (n) => ` ${n} of 8`) ?? ''} held`, opt(str(d, 'heldOn'), (t) => `on ${t}`)),
      };
    case 'care-provider:TreatmentEpisodeStarted':
      return { nl: join('Behandeling gestart', opt(str(d, 'startDate'), (t) => `op ${t}`)), en: join('Treatment episode started', opt(str(d, 'startDate'), (t) => `on ${t}`)) };
    case 'care-provider:TreatmentEpisodeEnded':
      return { nl: join('Behandeling beëindigd', opt(str(d, 'endDate'), (t) => `op ${t}`)), en: join('Treatment episode ended', opt(str(d, 'endDate'), (t) => `on ${t}`)) };
    case 'care-provider:CareFundingRequested': {
      const amount = num(d, 'requestedAmountCents');
      return {
        nl: join('Zorgfinanciering aangevraagd', opt(str(d, 'insurerId'), (i) => `bij ${i}`), str(d, 'instrument'), opt(num(d, 'requestedUnits'), (u) => `${u} eenheden`), amount === undefined ? undefined : euroNl(amount)),
        en: join('Care funding requested', opt(str(d, 'insurerId'), (i) => `from ${i}`), str(d, 'instrument'), opt(num(d, 'requestedUnits'), (u) => `${u} units`), amount === undefined ? undefined : euroEn(amount)),
      };
    }
    case 'care-provider:CareClaimSubmitted': {
      const amount = num(d, 'amountCents');
      return {
        nl: join('Zorgdeclaratie ingediend', str(d, 'instrument'), opt(num(d, 'units'), (u) => `${u} eenheden`), amount === undefined ? undefined : euroNl(amount)),
        en: join('Care claim submitted', str(d, 'instrument'), opt(num(d, 'units'), (u) => `${u} units`), amount === undefined ? undefined : euroEn(amount)),
      };
    }
    case 'employer-network:MatchingStatusChanged':
      return {
        nl: join(`Bemiddeling naar werk${org ? ` door ${org}` : ''}`, opt(str(d, 'status'), (s) => `status ${s}`)),
        en: join(`Matching${org ? ` by ${org}` : ''}`, opt(str(d, 'status'), (s) => `status ${s}`)),
      };
    case 'employer-network:PlacementStarted': {
      const sequence = num(d, 'sequence');
      const where = [str(d, 'role'), str(d, 'employerName')].filter(Boolean);
      return {
        nl: join(`Plaatsing${sequence ? ` ${sequence}` : ''} gestart`, where.length ? where.join(' bij ') : undefined, opt(num(d, 'hoursPerWeek'), (h) => `${h} uur per week`), str(d, 'contractType'), opt(str(d, 'startDate'), (t) => `per ${t}`)),
        en: join(`Placement${sequence ? ` ${sequence}` : ''} started`, where.length ? where.join(' at ') : undefined, opt(num(d, 'hoursPerWeek'), (h) => `${h} hours a week`), str(d, 'contractType'), opt(str(d, 'startDate'), (t) => `from ${t}`)),
      };
    }
    case 'employer-network:PlacementReviewed': {
      const working = bool(d, 'stillWorking');
      return {
        nl: join(`Plaatsing geëvalueerd${opt(num(d, 'reviewMonth'), (m) => ` na ${m} maanden`) ?? ''}`, working === undefined ? undefined : working ? 'werkt nog' : 'werkt niet meer', opt(num(d, 'hoursPerWeek'), (h) => `${h} uur per week`)),
        en: join(`Placement reviewed${opt(num(d, 'reviewMonth'), (m) => ` after ${m} months`) ?? ''}`, working === undefined ? undefined : working ? 'still working' : 'no longer working', opt(num(d, 'hoursPerWeek'), (h) => `${h} hours a week`)),
      };
    }
    case 'employer-network:PlacementEnded':
      return {
        nl: join('Plaatsing beëindigd', opt(str(d, 'endDate'), (t) => `op ${t}`), opt(str(d, 'reason'), (r) => `reden ${r}`)),
        en: join('Placement ended', opt(str(d, 'endDate'), (t) => `on ${t}`), opt(str(d, 'reason'), (r) => `reason ${r}`)),
      };
    case 'insurer:CareFundingGranted': {
      const amount = num(d, 'grantedAmountCents');
      return {
        nl: join(`Zorgfinanciering toegekend${org ? ` door ${org}` : ''}`, str(d, 'instrument'), opt(num(d, 'grantedUnits'), (u) => `${u} eenheden`), amount === undefined ? undefined : euroNl(amount)),
        en: join(`Care funding granted${org ? ` by ${org}` : ''}`, str(d, 'instrument'), opt(num(d, 'grantedUnits'), (u) => `${u} units`), amount === undefined ? undefined : euroEn(amount)),
      };
    }
    case 'insurer:CareFundingRefused':
      return { nl: join(`Zorgfinanciering geweigerd${org ? ` door ${org}` : ''}`, str(d, 'instrument'), opt(str(d, 'reasonCode'), (r) => `reden ${r}`)), en: join(`Care funding refused${org ? ` by ${org}` : ''}`, str(d, 'instrument'), opt(str(d, 'reasonCode'), (r) => `reason ${r}`)) };
    case 'insurer:CareClaimSettled': {
      const amount = num(d, 'amountCents');
      return {
        nl: join('Zorgdeclaratie uitbetaald', amount === undefined ? undefined : euroNl(amount), opt(str(d, 'settledOn'), (t) => `op ${t}`)),
        en: join('Care claim settled', amount === undefined ? undefined : euroEn(amount), opt(str(d, 'settledOn'), (t) => `on ${t}`)),
      };
    }
    case 'insurer:CareClaimRejected':
      return { nl: join('Zorgdeclaratie afgewezen', opt(str(d, 'reason'), (r) => `reden ${r}`)), en: join('Care claim rejected', opt(str(d, 'reason'), (r) => `reason ${r}`)) };
    default:
      return { nl: `${entry.name} (${organisationTypeNl[entry.producer] ?? entry.producer})`, en: `${entry.name} (${entry.producer})` };
  }
}
