// What one viewer is shown of a case, decided when they look. Nothing at all unless the
// viewer's organisation takes part in the case now (case-team.ts). Then each item is visible when
// its headline category and its administrative metadata are; of a visible item every
// field is shown or withheld by its own category. The viewer's summary is folded from
// what they may see. Alongside comes what must be protocolled: which other
// organisations' data was shown (CaseViewed) and what was withheld for lack of consent
// (CaseAccessRefused).
import { itemCoordinates, type EventData, type ResolvedEntry } from './case-entry';
import { summariseCase, type CaseSummary } from './case-summary';
import { dataIf } from './chain-event-reader';
import { ipsDisclosuresTo, type ConsentRecord } from './consent';
import { sensitivityOrder } from './headline';
import { careRevealingItems } from './care-involvement';
import { caseTeamOf, type CaseTeam } from './case-team';
import { careInvolvementCeiling, decideCategory, type VisibilityBasis } from './visibility-policy';
import type { DataCategory, IsoDate, Viewer } from './vocabulary';

/** How an item shown only as the client's IPS disclosure reads: no provider, no coach, no date of care. */
export const ipsParticipationLine = {
  nl: 'Neemt deel aan IPS (gedeeld op eigen keuze van de cliënt)',
  en: "Takes part in IPS (shared at the client's own choice)",
} as const;

export interface VisibleItem {
  readonly visible: true;
  readonly entry: ResolvedEntry;
  /** The data with every field the viewer may not see left out. */
  readonly data: EventData;
  readonly shownCategories: readonly DataCategory[];
  readonly withheldForRole: readonly DataCategory[];
  readonly withheldForConsent: readonly DataCategory[];
  readonly bases: readonly VisibilityBasis[];
  readonly consentIds: readonly string[];
  /**
   * Shown only as the fact the client chose to share: 'ips-participation' — that they take
   * part in IPS, with no field, provider or line of the item (see ipsDisclosuresTo).
   */
  readonly disclosedAs?: 'ips-participation';
}

export interface HiddenItem {
  readonly visible: false;
  readonly entry: ResolvedEntry;
  /**
   * role: the viewer's role or organisation type may never see it (a care-revealing item
   * for the employer network too); consent: no active consent covers it; not-in-team: the
   * viewer's organisation does not take part in the case.
   */
  readonly reason: 'role' | 'consent' | 'not-in-team';
  readonly withheldCategories: readonly DataCategory[];
}

export type ItemDecision = VisibleItem | HiddenItem;

const sortCategories = (categories: Iterable<DataCategory>) => [...new Set(categories)].sort((a, b) => sensitivityOrder.indexOf(a) - sensitivityOrder.indexOf(b));

/** What decides an item besides its own categories: the viewer's place in the case and what the item reveals. */
export interface ItemContext {
  readonly inCaseTeam: boolean;
  readonly revealsCare: boolean;
}

export function decideItem(viewer: Viewer, entry: ResolvedEntry, consents: readonly ConsentRecord[], today: IsoDate, context: ItemContext): ItemDecision {
  const everyCategory = () => sortCategories([entry.headlineCategory, ...Object.values(entry.fieldCategories)]);
  if (!context.inCaseTeam) return { visible: false, entry, reason: 'not-in-team', withheldCategories: everyCategory() };
  if (context.revealsCare && !careInvolvementCeiling[viewer.organisationType]) {
    const chosen = dataIf(entry, 'care-provider:IpsJobCoachAssigned') !== undefined ? ipsDisclosuresTo(consents, viewer, today) : [];
    if (chosen.length === 0) return { visible: false, entry, reason: 'role', withheldCategories: everyCategory() };
    return {
      visible: true,
      entry,
      data: Object.fromEntries(itemCoordinates.filter((name) => name in entry.data).map((name) => [name, entry.data[name]])),
      shownCategories: ['administrative'],
      withheldForRole: sortCategories(Object.values(entry.fieldCategories).filter((c) => c !== 'administrative')),
      withheldForConsent: [],
      bases: ['consent'],
      consentIds: chosen.map((c) => c.consentId).sort(),
      disclosedAs: 'ips-participation',
    };
  }
  const decide = (category: DataCategory) => decideCategory(viewer, entry, category, consents, today, context.inCaseTeam);
  // The headline and the item's administrative metadata (type, time, organisation) come together.
  const gate = [entry.headlineCategory, 'administrative' as const].map((category) => ({ category, decision: decide(category) }));
  const closed = gate.filter((g) => !g.decision.visible);
  if (closed.length > 0) {
    const byRole = closed.some((g) => !g.decision.visible && g.decision.reason === 'role');
    if (byRole) return { visible: false, entry, reason: 'role', withheldCategories: sortCategories(closed.map((g) => g.category)) };
    // Withheld for lack of consent: every category of the item the role could have seen.
    const refused = new Set<DataCategory>(closed.map((g) => g.category));
    for (const category of new Set(Object.values(entry.fieldCategories))) {
      const decision = decide(category);
      if (!decision.visible && decision.reason === 'consent') refused.add(category);
    }
    return { visible: false, entry, reason: 'consent', withheldCategories: sortCategories(refused) };
  }
  const shown = new Set<DataCategory>(gate.map((g) => g.category));
  const forRole = new Set<DataCategory>();
  const forConsent = new Set<DataCategory>();
  const bases = new Set<VisibilityBasis>();
  const consentIds = new Set<string>();
  const note = (decision: ReturnType<typeof decide>) => {
    if (!decision.visible) return;
    bases.add(decision.basis);
    for (const id of decision.consentIds) consentIds.add(id);
  };
  gate.forEach((g) => note(g.decision));
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entry.data)) {
    if (itemCoordinates.includes(name)) {
      data[name] = value;
      continue;
    }
    const category = entry.fieldCategories[name];
    if (category === undefined) continue; // a field without a category is never shown
    const decision = decide(category);
    if (decision.visible) {
      data[name] = value;
      shown.add(category);
      note(decision);
    } else if (decision.reason === 'role') forRole.add(category);
    else forConsent.add(category);
  }
  return {
    visible: true,
    entry,
    data,
    shownCategories: sortCategories(shown),
    withheldForRole: sortCategories(forRole),
    withheldForConsent: sortCategories(forConsent),
    bases: [...bases].sort(),
    consentIds: [...consentIds].sort(),
  };
}

/** What another organisation's data a viewer was shown: the substance of a CaseViewed record. */
export interface Disclosure {
  readonly dataCategoriesShown: readonly DataCategory[];
  readonly producingOrganisationIds: readonly string[];
  readonly consentIds: readonly string[];
  readonly itemsShown: number;
}

/** What was withheld for lack of consent: the substance of a CaseAccessRefused record. */
export interface Refusal {
  readonly refusedDataCategories: readonly DataCategory[];
  readonly producingOrganisationIds: readonly string[];
  readonly itemsWithheld: number;
}

/** An item's producer as the protocol names it; its organisation type when the id is unknown. */
export function producerIdOf(entry: ResolvedEntry): string {
  return entry.producerOrganisationId ?? entry.producer;
}

const fromOtherOrganisation = (viewer: Viewer, entry: ResolvedEntry) => entry.producerOrganisationId !== viewer.organisationId;

export function disclosureOf(viewer: Viewer, decisions: readonly ItemDecision[]): Disclosure | null {
  const shown = decisions.filter((d): d is VisibleItem => d.visible && fromOtherOrganisation(viewer, d.entry));
  if (shown.length === 0) return null;
  return {
    dataCategoriesShown: sortCategories(shown.flatMap((d) => d.shownCategories)),
    producingOrganisationIds: [...new Set(shown.map((d) => producerIdOf(d.entry)))].sort(),
    consentIds: [...new Set(shown.flatMap((d) => d.consentIds))].sort(),
    itemsShown: shown.length,
  };
}

export function refusalOf(viewer: Viewer, decisions: readonly ItemDecision[]): Refusal | null {
  const refused = decisions
    .filter((d) => fromOtherOrganisation(viewer, d.entry))
    .map((d) => ({ entry: d.entry, categories: d.visible ? d.withheldForConsent : d.reason === 'consent' ? d.withheldCategories : [] }))
    .filter((r) => r.categories.length > 0);
  if (refused.length === 0) return null;
  return {
    refusedDataCategories: sortCategories(refused.flatMap((r) => r.categories)),
    producingOrganisationIds: [...new Set(refused.map((r) => producerIdOf(r.entry)))].sort(),
    itemsWithheld: refused.length,
  };
}

export interface ViewOfCase {
  /** Whether the viewer's organisation takes part in the case now; when not, nothing is visible. */
  readonly inCaseTeam: boolean;
  readonly team: CaseTeam;
  readonly summary: CaseSummary;
  readonly decisions: readonly ItemDecision[];
  readonly visibleItems: readonly VisibleItem[];
}

/** Folds the viewer's summary from the items they may see, with the fields they may see. */
export function viewCase(viewer: Viewer, caseId: string, entries: readonly ResolvedEntry[], consents: readonly ConsentRecord[], today: IsoDate): ViewOfCase {
  const team = caseTeamOf(entries);
  const inCaseTeam = team.isMember(viewer.organisationId);
  const careItems = careRevealingItems(entries);
  const decisions = entries.map((entry) => decideItem(viewer, entry, consents, today, { inCaseTeam, revealsCare: careItems.has(entry.eventId) }));
  const visibleItems = decisions.filter((d): d is VisibleItem => d.visible);
  const summary = summariseCase(
    caseId,
    visibleItems.map((item) => ({ ...item.entry, data: item.data })),
  );
  return { inCaseTeam, team, summary, decisions, visibleItems };
}
