// The municipality's events: the case, its regie, the client's consent, referrals, the
// participatieladder, the benefit, dropout and closure, and the MDT case reviews it
// chairs. A municipality event that names no municipality belongs to the case's.
import { dateInAmsterdam } from '@wcc/domain-kit';
import type { ChainEventReader, ReadersOf, ViewedData } from '../chain-event-reader';
import type { CaseFacts } from '../case-parties';
import type { SummaryFold } from '../case-summary';
import { euroEn, euroNl, join, opt, organisationTypeNl } from '../readable-line';

const careType = 'care-provider';

/** Produced by the municipality the event names, else by the case's. */
const ofMunicipality =
  <D>(named: (d: D) => string | undefined) =>
  (d: D, facts: CaseFacts) =>
    named(d) ?? facts.municipalityId;
const caseMunicipality = (_d: unknown, facts: CaseFacts) => facts.municipalityId;

/** Mean of the 11 ZRM domain scores, to two decimals. */
function zrmAverageOf(zrm: Readonly<Record<string, number | undefined>> | undefined): number | null {
  if (!zrm) return null;
  const scores = Object.values(zrm).filter((v): v is number => typeof v === 'number');
  return scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
}

/** A grant and a withdrawal fold into one consent; a withdrawal wins whatever order they came in. */
function foldConsent(
  s: SummaryFold,
  d: ViewedData<'municipality:ConsentGranted' | 'municipality:ConsentWithdrawn'>,
  granted: boolean,
  validity: { readonly validFrom?: string; readonly validTo?: string },
) {
  if (!d.consentId) return;
  const known = s.consents.get(d.consentId);
  s.consents.set(d.consentId, {
    consentId: d.consentId,
    purpose: d.purpose ?? known?.purpose ?? null,
    organisationTypes: d.organisationTypes ?? known?.organisationTypes ?? [],
    dataCategories: d.dataCategories ?? known?.dataCategories ?? [],
    validFrom: granted ? (validity.validFrom ?? null) : (known?.validFrom ?? null),
    validTo: granted ? (validity.validTo ?? null) : (known?.validTo ?? null),
    status: granted && known?.status !== 'withdrawn' ? 'granted' : 'withdrawn',
  });
}

function foldBenefit(s: SummaryFold, d: ViewedData<'municipality:BenefitAdjusted' | 'municipality:BenefitReapplied'>) {
  s.benefit = { benefitType: d.benefitType ?? null, monthlyAmountCents: d.benefitMonthlyAmountCents ?? null, status: 'running', endReasonCode: null };
}

function describeBenefit(d: ViewedData<'municipality:BenefitAdjusted' | 'municipality:BenefitReapplied'>, what: { readonly nl: string; readonly en: string }, from: string | undefined) {
  const amount = d.benefitMonthlyAmountCents;
  return {
    nl: join(
      what.nl,
      d.benefitType,
      amount === undefined ? undefined : `${euroNl(amount)} per maand`,
      opt(from, (t) => `per ${t}`),
    ),
    en: join(
      what.en,
      d.benefitType,
      amount === undefined ? undefined : `${euroEn(amount)} a month`,
      opt(from, (t) => `from ${t}`),
    ),
  };
}

/** An MDT review reveals care when a care provider sat at its table or owns one of its actions. */
const inReviewWithCare = {
  reveals: (d: { readonly reviewId?: string }, facts: { readonly reviewsWithCare: ReadonlySet<string> }) => facts.reviewsWithCare.has(d.reviewId ?? ''),
};
/** An action reveals care only when a care provider owns it (the review it came from stays hidden from whoever may not see that). */
const actionOwnedByCare = {
  reveals: (d: { readonly actionId?: string }, facts: { readonly careActions: ReadonlySet<string> }) => facts.careActions.has(d.actionId ?? ''),
};

/** Registration and opening name the case's municipality: it produced them, and it is the first member of the team. */
const ofTheCaseMunicipality: Pick<ChainEventReader<'municipality:ClientRegistered' | 'municipality:CaseOpened'>, 'parties' | 'team'> = {
  parties: {
    producedBy: ofMunicipality((d) => d.municipalityId),
    learn: (facts, d) => void (facts.municipalityId ??= d.municipalityId ?? null),
  },
  team: (team, d, entry) => team.join(d.municipalityId, 'municipality', 'case-municipality', entry.occurredAt),
};

const consentGranted: ChainEventReader<'municipality:ConsentGranted'> = {
  headline: 'administrative',
  describe: (d) => ({
    nl: join(
      `Toestemming gegeven (${d.purpose ?? 'doel onbekend'})`,
      opt(d.organisationTypes?.join(', '), (t) => `voor ${t}`),
      opt(d.dataCategories?.join(', '), (c) => `gegevens: ${c}`),
      opt(d.validFrom, (f) => `geldig vanaf ${f}`),
      opt(d.validTo, (t) => `tot en met ${t}`),
    ),
    en: join(
      `Consent granted (${d.purpose ?? 'purpose unknown'})`,
      opt(d.organisationTypes?.join(', '), (t) => `to ${t}`),
      opt(d.dataCategories?.join(', '), (c) => `data: ${c}`),
      opt(d.validFrom, (f) => `valid from ${f}`),
      opt(d.validTo, (t) => `until ${t}`),
    ),
  }),
  summarise: (s, d) => foldConsent(s, d, true, d),
  parties: { producedBy: caseMunicipality },
  // A consent that names care providers says the client is (to be) in care.
  care: { reveals: (d) => (d.organisationTypes ?? []).includes(careType) || (d.recipients ?? []).some((r) => r.organisationType === careType) },
};

export const municipalityReaders: ReadersOf<'municipality'> = {
  'municipality:ClientRegistered': {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        'Cliënt ingeschreven',
        opt(d.municipalityId, (m) => `gemeente ${m}`),
      ),
      en: join(
        'Client registered',
        opt(d.municipalityId, (m) => `municipality ${m}`),
      ),
    }),
    summarise(s, d) {
      s.municipalityId ??= d.municipalityId ?? null;
      if (d.benefitType !== undefined || d.benefitMonthlyAmountCents !== undefined) {
        s.benefit = { benefitType: d.benefitType ?? null, monthlyAmountCents: d.benefitMonthlyAmountCents ?? null, status: 'running', endReasonCode: null };
      }
      s.advanceTo('registered');
    },
    ...ofTheCaseMunicipality,
  },
  'municipality:CaseOpened': {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        'Traject geopend',
        opt(d.municipalityId, (m) => `door ${m}`),
      ),
      en: join(
        'Case opened',
        opt(d.municipalityId, (m) => `by ${m}`),
      ),
    }),
    summarise(s, d) {
      s.municipalityId = d.municipalityId ?? s.municipalityId;
      s.advanceTo('registered');
    },
    ...ofTheCaseMunicipality,
  },
  'municipality:RegieAssigned': {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        'Regie toegewezen',
        opt(d.ownerUserId, (u) => `aan ${u}`),
        d.ownerOrganisationId,
      ),
      en: join(
        'Regie assigned',
        opt(d.ownerUserId, (u) => `to ${u}`),
        d.ownerOrganisationId,
      ),
    }),
    summarise(s, d, entry) {
      s.regie = { ownerUserId: d.ownerUserId ?? null, ownerOrganisationId: d.ownerOrganisationId ?? null, since: entry.occurredAt };
    },
    parties: {
      producedBy: ofMunicipality((d) => d.ownerOrganisationId),
      learn: (facts, d) => void (facts.municipalityId ??= d.ownerOrganisationId ?? null),
    },
    team: (team, d, entry) => team.join(d.ownerOrganisationId, 'municipality', 'regie', entry.occurredAt),
  },
  'municipality:RegieTransferred': {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        'Regie overgedragen',
        opt(d.fromUserId, (u) => `van ${u}`),
        opt(d.toUserId, (u) => `aan ${u}`),
      ),
      en: join(
        'Regie transferred',
        opt(d.fromUserId, (u) => `from ${u}`),
        opt(d.toUserId, (u) => `to ${u}`),
      ),
    }),
    summarise(s, d, entry) {
      s.regie = { ownerUserId: d.toUserId ?? null, ownerOrganisationId: d.toOrganisationId ?? null, since: entry.occurredAt };
    },
    parties: { producedBy: ofMunicipality((d) => d.toOrganisationId) },
    team(team, d, entry) {
      if (d.fromOrganisationId !== d.toOrganisationId) team.leave(d.fromOrganisationId, entry.occurredAt, 'regie-transferred');
      team.join(d.toOrganisationId, 'municipality', 'regie', entry.occurredAt);
    },
  },
  'municipality:ConsentGranted': consentGranted,
  'municipality:ConsentWithdrawn': {
    headline: 'administrative',
    describe: (d) => ({ nl: `Toestemming ingetrokken (${d.purpose ?? 'doel onbekend'})`, en: `Consent withdrawn (${d.purpose ?? 'purpose unknown'})` }),
    summarise: (s, d) => foldConsent(s, d, false, {}),
    parties: { producedBy: caseMunicipality },
    care: { reveals: (d) => (d.organisationTypes ?? []).includes(careType) },
  },
  'municipality:ClientReferred': {
    headline: 'administrative',
    describe(d) {
      const to = d.toOrganisationId;
      const type = d.toOrganisationType;
      return {
        nl: join(
          `Verwezen${to ? ` naar ${to}` : ''}${type ? ` (${organisationTypeNl[type] ?? type})` : ''}`,
          opt(d.replyDeadline, (t) => `antwoord uiterlijk ${t}`),
        ),
        en: join(
          `Referred${to ? ` to ${to}` : ''}${type ? ` (${type})` : ''}`,
          opt(d.replyDeadline, (t) => `reply due ${t}`),
        ),
      };
    },
    summarise(s, d, entry) {
      if (!d.referralId) return;
      s.referrals.set(d.referralId, {
        ...s.referral(d.referralId),
        toOrganisationId: d.toOrganisationId ?? null,
        toOrganisationType: d.toOrganisationType ?? null,
        route: d.route ?? null,
        referredAt: entry.occurredAt,
        replyDeadline: d.replyDeadline ?? null,
      });
      s.municipalityId ??= d.fromOrganisationId ?? null;
      s.advanceTo('referred');
    },
    parties: {
      producedBy: ofMunicipality((d) => d.fromOrganisationId),
      // The referral is addressed to the organisation it refers to.
      addressees: (d) => [d.toOrganisationId],
      learn(facts, d) {
        if (d.referralId && d.fromOrganisationId) facts.referrers.set(d.referralId, d.fromOrganisationId);
        facts.municipalityId ??= d.fromOrganisationId ?? null;
      },
    },
    team(team, d, entry) {
      if (d.referralId && d.toOrganisationId) team.referralTo.set(d.referralId, d.toOrganisationId);
      team.join(d.toOrganisationId, d.toOrganisationType ?? null, 'referral-candidate', entry.occurredAt);
    },
    care: { reveals: (d) => d.toOrganisationType === careType },
  },
  'municipality:ParticipationMeasured': {
    // The ladder is about work; the ZRM domains are a care summary and stay out of the line.
    headline: 'work',
    describe(d) {
      const growth = d.growthPotential;
      return {
        nl: join(
          `Participatieladder gemeten${d.moment ? ` (${d.moment})` : ''}`,
          opt(d.ladderRung, (r) => `trede ${r}`),
          growth === undefined ? undefined : growth ? 'met groeipotentieel' : 'zonder groeipotentieel',
        ),
        en: join(
          `Participation ladder measured${d.moment ? ` (${d.moment})` : ''}`,
          opt(d.ladderRung, (r) => `rung ${r}`),
          growth === undefined ? undefined : growth ? 'with growth potential' : 'no growth potential',
        ),
      };
    },
    summarise(s, d, entry) {
      s.measurements.push({
        moment: d.moment ?? null,
        measuredOn: d.measuredOn ?? null,
        ladderRung: d.ladderRung ?? null,
        growthPotential: d.growthPotential ?? null,
        zrmAverage: zrmAverageOf(d.zrm),
        at: entry.occurredAt,
      });
    },
    parties: { producedBy: caseMunicipality },
  },
  'municipality:BenefitAdjusted': {
    headline: 'financial',
    describe: (d) => describeBenefit(d, { nl: 'Uitkering aangepast', en: 'Benefit adjusted' }, d.effectiveFrom),
    summarise: foldBenefit,
    parties: { producedBy: caseMunicipality },
  },
  'municipality:BenefitReapplied': {
    headline: 'financial',
    describe: (d) => describeBenefit(d, { nl: 'Uitkering opnieuw aangevraagd', en: 'Benefit re-applied for' }, d.reappliedOn),
    summarise: foldBenefit,
    parties: { producedBy: caseMunicipality },
  },
  'municipality:BenefitEnded': {
    headline: 'financial',
    describe: (d) => ({
      nl: join(
        'Uitkering beëindigd',
        opt(d.endedOn, (t) => `per ${t}`),
        opt(d.reasonCode, (r) => `reden ${r}`),
      ),
      en: join(
        'Benefit ended',
        opt(d.endedOn, (t) => `on ${t}`),
        opt(d.reasonCode, (r) => `reason ${r}`),
      ),
    }),
    summarise(s, d) {
      s.benefit = { benefitType: s.benefit?.benefitType ?? null, monthlyAmountCents: s.benefit?.monthlyAmountCents ?? null, status: 'ended', endReasonCode: d.reasonCode ?? null };
    },
    parties: { producedBy: caseMunicipality },
  },
  'municipality:DroppedOut': {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        'Uitgevallen',
        opt(d.phase, (p) => `in fase ${p}`),
        opt(d.droppedOutOn, (t) => `op ${t}`),
      ),
      en: join(
        'Dropped out',
        opt(d.phase, (p) => `in phase ${p}`),
        opt(d.droppedOutOn, (t) => `on ${t}`),
      ),
    }),
    summarise(s, d, entry) {
      if (s.ending?.kind !== 'closed') s.ending = { kind: 'dropped-out', phase: d.phase ?? null, reasonCode: d.reasonCode ?? null, on: d.droppedOutOn ?? entry.occurredAt };
      s.advanceTo('dropped-out');
    },
    parties: { producedBy: caseMunicipality },
  },
  'municipality:CaseClosed': {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        'Traject gesloten',
        opt(d.reasonCode, (r) => `reden ${r}`),
      ),
      en: join(
        'Case closed',
        opt(d.reasonCode, (r) => `reason ${r}`),
      ),
    }),
    summarise(s, d, entry) {
      s.ending = { kind: 'closed', phase: s.ending?.phase ?? null, reasonCode: d.reasonCode ?? null, on: entry.occurredAt };
      s.advanceTo('closed');
    },
    parties: { producedBy: caseMunicipality },
  },
  'municipality:CaseReviewScheduled': {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        'MDT-overleg gepland',
        opt(d.scheduledFor, (t) => `op ${t}`),
        opt(d.chairUserId, (u) => `voorzitter ${u}`),
      ),
      en: join(
        'MDT case review scheduled',
        opt(d.scheduledFor, (t) => `for ${t}`),
        opt(d.chairUserId, (u) => `chaired by ${u}`),
      ),
    }),
    summarise(s, d) {
      if (!d.reviewId) return;
      s.reviews.set(d.reviewId, { ...s.review(d.reviewId), scheduledFor: d.scheduledFor ?? null, chairUserId: d.chairUserId ?? null });
    },
    parties: { producedBy: ofMunicipality((d) => d.chairOrganisationId) },
    care: inReviewWithCare,
  },
  'municipality:CaseReviewHeld': {
    headline: 'administrative',
    describe(d) {
      const organisations = d.attendees ? [...new Set(d.attendees.map((a) => a.organisationId).filter(Boolean))].join(', ') : undefined;
      const discussed = d.dataCategoriesDiscussed?.join(', ');
      return {
        nl: join(
          'MDT-overleg gehouden',
          opt(d.heldOn, (t) => `op ${t}`),
          opt(organisations, (o) => `met ${o}`),
          opt(discussed, (c) => `besproken: ${c}`),
          opt(d.decisionCount, (n) => `${n} besluiten`),
        ),
        en: join(
          'MDT case review held',
          opt(d.heldOn, (t) => `on ${t}`),
          opt(organisations, (o) => `with ${o}`),
          opt(discussed, (c) => `discussed: ${c}`),
          opt(d.decisionCount, (n) => `${n} decisions`),
        ),
      };
    },
    summarise(s, d, entry) {
      if (!d.reviewId) return;
      s.reviews.set(d.reviewId, {
        ...s.review(d.reviewId),
        status: 'held',
        heldOn: d.heldOn ?? dateInAmsterdam(entry.occurredAt),
        attendees: (d.attendees ?? []).map((a) => ({ userId: a.userId, organisationId: a.organisationId, organisationType: a.organisationType })),
        dataCategoriesDiscussed: d.dataCategoriesDiscussed ?? [],
        decisionCount: d.decisionCount ?? null,
      });
    },
    parties: {
      producedBy: caseMunicipality,
      // Who attended an MDT review took part in it.
      addressees: (d) => (d.attendees ?? []).map((a) => a.organisationId),
    },
    team(team, d, entry) {
      for (const attendee of d.attendees ?? []) team.join(attendee.organisationId, attendee.organisationType, 'mdt-attendee', entry.occurredAt);
    },
    care: {
      ...inReviewWithCare,
      learn(facts, d) {
        if (d.reviewId && (d.attendees ?? []).some((a) => a.organisationType === careType)) facts.reviewsWithCare.add(d.reviewId);
      },
    },
  },
  'municipality:CaseReviewCancelled': {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        'MDT-overleg geannuleerd',
        opt(d.reasonCode, (r) => `reden ${r}`),
      ),
      en: join(
        'MDT case review cancelled',
        opt(d.reasonCode, (r) => `reason ${r}`),
      ),
    }),
    summarise(s, d) {
      if (!d.reviewId) return;
      const known = s.review(d.reviewId);
      // A review that was held is never cancelled; should one arrive anyway, the meeting stands.
      if (known.status !== 'held') s.reviews.set(d.reviewId, { ...known, status: 'cancelled', cancellationReasonCode: d.reasonCode ?? null });
    },
    parties: { producedBy: caseMunicipality },
    care: inReviewWithCare,
  },
  'municipality:ReviewActionAssigned': {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        'MDT-actie toegewezen',
        opt(d.ownerUserId, (o) => `aan ${o}`),
        d.ownerOrganisationId,
        opt(d.dueDate, (t) => `uiterlijk ${t}`),
      ),
      en: join(
        'MDT action assigned',
        opt(d.ownerUserId, (o) => `to ${o}`),
        d.ownerOrganisationId,
        opt(d.dueDate, (t) => `due ${t}`),
      ),
    }),
    summarise(s, d) {
      if (!d.actionId) return;
      const known = s.actions.get(d.actionId);
      s.actions.set(d.actionId, {
        actionId: d.actionId,
        reviewId: d.reviewId ?? null,
        ownerUserId: d.ownerUserId ?? null,
        ownerOrganisationId: d.ownerOrganisationId ?? null,
        ownerOrganisationType: d.ownerOrganisationType ?? null,
        dueDate: d.dueDate ?? null,
        status: known?.status ?? 'open',
        closedOn: known?.closedOn ?? null,
        outcome: known?.outcome ?? null,
      });
    },
    parties: {
      producedBy: caseMunicipality,
      // An action's owner was told of it.
      addressees: (d) => [d.ownerOrganisationId],
      learn(facts, d) {
        if (d.actionId && d.ownerOrganisationId) facts.actionOwners.set(d.actionId, d.ownerOrganisationId);
      },
    },
    team: (team, d, entry) => team.join(d.ownerOrganisationId, d.ownerOrganisationType ?? null, 'action-owner', entry.occurredAt),
    care: {
      ...actionOwnedByCare,
      learn(facts, d) {
        // Without its type (a copy that lacks it), an owned action counts as care's: fail closed.
        const ownedByCare = d.ownerOrganisationType === careType || (d.ownerOrganisationId !== undefined && d.ownerOrganisationType === undefined);
        if (ownedByCare && d.actionId) facts.careActions.add(d.actionId);
        if (ownedByCare && d.reviewId) facts.reviewsWithCare.add(d.reviewId);
      },
    },
  },
  'municipality:ReviewActionClosed': {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        'MDT-actie afgesloten',
        opt(d.closedOn, (t) => `op ${t}`),
        opt(d.outcome, (o) => `uitkomst ${o}`),
      ),
      en: join(
        'MDT action closed',
        opt(d.closedOn, (t) => `on ${t}`),
        opt(d.outcome, (o) => `outcome ${o}`),
      ),
    }),
    summarise(s, d, entry) {
      if (!d.actionId) return;
      const known = s.actions.get(d.actionId);
      s.actions.set(d.actionId, {
        actionId: d.actionId,
        reviewId: known?.reviewId ?? d.reviewId ?? null,
        ownerUserId: known?.ownerUserId ?? null,
        ownerOrganisationId: known?.ownerOrganisationId ?? null,
        ownerOrganisationType: known?.ownerOrganisationType ?? null,
        dueDate: known?.dueDate ?? null,
        status: 'closed',
        closedOn: d.closedOn ?? dateInAmsterdam(entry.occurredAt),
        outcome: d.outcome ?? null,
      });
    },
    parties: {
      producedBy: caseMunicipality,
      // The owner of the action it closes was told of it.
      addressees: (d, facts) => [d.actionId ? facts.actionOwners.get(d.actionId) : undefined],
    },
    care: actionOwnedByCare,
  },
};
