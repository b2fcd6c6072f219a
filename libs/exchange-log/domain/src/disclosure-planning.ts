// Decides, from one received event and what is known of its case, which disclosures
// happened: one per receiving organisation of another organisation, each under one
// processing activity and on a legal task or a covering consent. Pure: the consumer
// supplies the event and the case knowledge, and stores what comes out.
import type { DataCategory } from '@wcc/contracts';
import type { CaseKnowledge } from './case-knowledge';
import { coveringConsent, partnersOfType } from './case-knowledge';
import type { ChainEvent } from './chain-event';
import { disclosedCategories, organisationEntity, organisationOfSource, stringListField, textField, unitedCategories } from './chain-event';
import { caseViewProcessor, caseViewProcessorActivity, exchangeLogOrganisation, registerEntryFor, type PartnerOrganisationType, type RecipientRule } from './disclosure-register';
import type { DisclosureKind, OrganisationTypeCode, RecipientOrganisationType, RecipientRole } from './labels';
import { processingActivity, type ProcessingActivityId } from './processing-activities';

export type StatusCode = 'UNSET' | 'OK' | 'ERROR';

/**
 * - legal-task: a legal duty or public task (no consent needed)
 * - consent: a consent covered it (its id is recorded)
 * - consent-missing: the activity needs consent and none covered it — a finding for the privacy officer
 * - processor: the case view received it as processor for the chain (AVG art. 28)
 */
export type BasisStatus = 'legal-task' | 'consent' | 'consent-missing' | 'processor';

export interface Party {
  readonly organisationId: string;
  /** 'unknown' only for a producer the log has not seen publish anything for the case. */
  readonly organisationType: OrganisationTypeCode;
  /** URI of the organisation or its system. */
  readonly entity: string;
}

export interface Recipient extends Party {
  readonly organisationType: RecipientOrganisationType;
  readonly role: RecipientRole;
  /** False when the register names a receiver the log could not identify yet (e.g. a referrer it never saw). */
  readonly resolved: boolean;
}

export interface Viewer {
  readonly userId: string;
  readonly role: string;
  /** The case view's id of one viewing request. */
  readonly viewId?: string;
  readonly view?: string;
  readonly purpose?: string;
}

export interface DisclosureIntent {
  /** Stable per disclosure: the record's id and span id derive from it. */
  readonly key: string;
  readonly kind: DisclosureKind;
  /** The LDV `name`: the action. */
  readonly name: string;
  readonly sender: Party;
  /** The processor that showed it, for views: the case view's source URN. */
  readonly via?: string;
  readonly recipient: Recipient;
  readonly viewer?: Viewer;
  readonly activity: ProcessingActivityId;
  readonly dataCategories: readonly DataCategory[];
  readonly consentIds: readonly string[];
  readonly basis: BasisStatus;
  readonly statusCode: StatusCode;
  readonly caseId?: string;
  /** The pseudonymous client key in clear; the record keeps it only encrypted and as a blind index. */
  readonly clientKey: string;
  readonly cause: { readonly eventId?: string; readonly eventType?: string; readonly traceparent?: string; readonly time: string };
}

const UNRESOLVED = 'unresolved';

/** Every id under which the producer itself appears: never a disclosure to itself. */
function producingOrganisationIds(event: ChainEvent, k: CaseKnowledge): Set<string> {
  const ids = new Set<string>();
  const add = (id: string | undefined) => id && ids.add(id);
  add(organisationOfSource(event.source));
  switch (event.producer) {
    case 'municipality':
      add(textField(event.data, 'fromOrganisationId'));
      add(textField(event.data, 'municipalityId'));
      add(textField(event.data, 'chairOrganisationId'));
      // RegieAssigned's owner is the municipality's own; a review action's owner is a receiver.
      if (event.name === 'RegieAssigned') add(textField(event.data, 'ownerOrganisationId'));
      if (textField(event.data, 'fromOrganisationId') === undefined) add(k.municipalityId);
      break;
    case 'care-provider':
    case 'employer-network':
      add(textField(event.data, 'organisationId'));
      break;
    case 'insurer':
      add(textField(event.data, 'insurerId'));
      break;
    case 'case-view':
    case 'exchange-log':
      break;
  }
  return ids;
}

function recipient(organisationId: string, organisationType: RecipientOrganisationType, resolved = true): Recipient {
  return { organisationId, organisationType, entity: organisationEntity(organisationId), role: 'controller', resolved };
}

function unresolved(organisationType: PartnerOrganisationType): Recipient {
  return recipient(UNRESOLVED, organisationType, false);
}

const partnerTypes: readonly string[] = ['municipality', 'care-provider', 'insurer', 'employer-network'];

function isPartnerType(value: unknown): value is PartnerOrganisationType {
  return typeof value === 'string' && partnerTypes.includes(value);
}

/** One receiver per organisation named in the elements of an array field, in order of appearance. */
function organisationsListed(data: Readonly<Record<string, unknown>>, field: string): Recipient[] {
  const listed = data[field];
  if (!Array.isArray(listed)) return [];
  const found = new Map<string, Recipient>();
  for (const element of listed as unknown[]) {
    if (typeof element !== 'object' || element === null) continue;
    const { organisationId, organisationType } = element as Record<string, unknown>;
    if (typeof organisationId !== 'string' || organisationId === '' || !isPartnerType(organisationType)) continue;
    const key = `${organisationType}:${organisationId}`;
    if (!found.has(key)) found.set(key, recipient(organisationId, organisationType));
  }
  return [...found.values()];
}

function resolve(rule: RecipientRule, event: ChainEvent, k: CaseKnowledge): Recipient[] {
  const d = event.data;
  switch (rule.kind) {
    case 'addressee': {
      const id = textField(d, rule.idField);
      const type = rule.typeField ? textField(d, rule.typeField) : rule.organisationType;
      return id && isPartnerType(type) ? [recipient(id, type)] : [];
    }
    case 'referrer': {
      const referralId = textField(d, 'referralId');
      const from = (referralId ? k.referrals[referralId]?.fromOrganisationId : undefined) ?? k.municipalityId;
      return [from ? recipient(from, 'municipality') : unresolved('municipality')];
    }
    case 'case-partners':
      return partnersOfType(k, rule.organisationTypes, event.time).map((p) => recipient(p.organisationId, p.organisationType));
    case 'named-insurer': {
      const insurerId = textField(d, 'insurerId');
      if (insurerId) return [recipient(insurerId, 'insurer')];
      const known = partnersOfType(k, ['insurer'], event.time);
      return known.length ? known.map((p) => recipient(p.organisationId, 'insurer')) : [unresolved('insurer')];
    }
    case 'funding-requester': {
      const fundingRequestId = textField(d, 'fundingRequestId');
      const requester = fundingRequestId ? k.fundingRequests[fundingRequestId]?.careProviderId : undefined;
      if (requester) return [recipient(requester, 'care-provider')];
      const known = partnersOfType(k, ['care-provider'], event.time);
      return known.length ? known.map((p) => recipient(p.organisationId, 'care-provider')) : [unresolved('care-provider')];
    }
    case 'attendees':
      return organisationsListed(d, rule.field);
  }
}

function cause(event: ChainEvent): DisclosureIntent['cause'] {
  return { eventId: event.id, eventType: event.type, time: event.time, ...(event.traceparent ? { traceparent: event.traceparent } : {}) };
}

/** The disclosures one integration event made, after `learn` has folded it into `k`. */
export function planEventDisclosures(event: ChainEvent, k: CaseKnowledge): DisclosureIntent[] {
  const entry = registerEntryFor(event.type);
  if (entry?.caseViewProtocol) return planCaseViewDisclosures(event, k, entry.caseViewProtocol);

  const clientKey = textField(event.data, 'clientKey') ?? '';
  const caseId = textField(event.data, 'caseId');
  const categories = disclosedCategories(event);
  const senderId = organisationOfSource(event.source) ?? UNRESOLVED;
  const sender: Party = { organisationId: senderId, organisationType: event.producer === 'case-view' || event.producer === 'exchange-log' ? 'chain' : event.producer, entity: event.source };
  const own = producingOrganisationIds(event, k);
  const intents: DisclosureIntent[] = [];
  const seen = new Set<string>();

  const base = { kind: 'delivered' as const, name: `deliver ${event.name}`, sender, dataCategories: categories, clientKey, ...(caseId ? { caseId } : {}), cause: cause(event) };

  for (const rule of entry?.disclosures ?? []) {
    const activity = processingActivity(rule.activity);
    const ruleCategories = rule.categoriesField ? unitedCategories(categories, stringListField(event.data, rule.categoriesField)) : categories;
    for (const to of resolve(rule.to, event, k)) {
      if (own.has(to.organisationId)) continue;
      const key = `${event.id}|${rule.activity}|${to.organisationType}:${to.organisationId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const consent = activity.consentPurpose ? coveringConsent(k, activity.consentPurpose, to, ruleCategories, event.time) : undefined;
      intents.push({
        ...base,
        key,
        recipient: to,
        activity: rule.activity,
        dataCategories: ruleCategories,
        consentIds: consent ? [consent.consentId] : [],
        basis: activity.consentPurpose ? (consent ? 'consent' : 'consent-missing') : 'legal-task',
        statusCode: to.resolved ? 'OK' : 'UNSET',
      });
    }
  }

  // Everything but the case view's own records reaches the case view, which processes it for the chain.
  if (entry === undefined || entry.toCaseViewProcessor) {
    intents.push({
      ...base,
      key: `${event.id}|${caseViewProcessorActivity}|processor:${caseViewProcessor.organisationId}`,
      recipient: { ...caseViewProcessor, role: 'processor', resolved: true },
      activity: caseViewProcessorActivity,
      consentIds: [],
      basis: 'processor',
      statusCode: 'OK',
    });
  }
  return intents;
}

/**
 * A CaseViewed / CaseAccessRefused record: data of each producing organisation shown
 * to (or withheld from) a viewer of another organisation, through the case view.
 */
function planCaseViewDisclosures(event: ChainEvent, k: CaseKnowledge, protocol: 'viewed' | 'refused'): DisclosureIntent[] {
  const d = event.data;
  const viewerOrganisationId = textField(d, 'viewerOrganisationId') ?? UNRESOLVED;
  const viewerType = (textField(d, 'viewerOrganisationType') ?? 'chain') as RecipientOrganisationType;
  const view = textField(d, 'view');
  const purpose = textField(d, 'purpose');
  const viewer: Viewer = {
    userId: textField(d, 'viewerUserId') ?? UNRESOLVED,
    role: textField(d, 'viewerRole') ?? '',
    viewId: textField(d, 'viewId') ?? event.id,
    ...(view ? { view } : {}),
    ...(purpose ? { purpose } : {}),
  };
  const categories = stringListField(d, protocol === 'viewed' ? 'dataCategoriesShown' : 'refusedDataCategories') as DataCategory[];
  const consentIds = protocol === 'viewed' ? stringListField(d, 'consentIds') : [];
  const caseId = textField(d, 'caseId');

  return stringListField(d, 'producingOrganisationIds')
    .filter((producer) => producer !== viewerOrganisationId)
    .map((producer) => ({
      key: `${event.id}|${protocol}|${producer}`,
      kind: protocol === 'viewed' ? ('viewed' as const) : ('access-refused' as const),
      name: `${protocol === 'viewed' ? 'view' : 'refuse view of'} ${view ?? 'case'}`,
      sender: { organisationId: producer, organisationType: k.partners.find((p) => p.organisationId === producer)?.organisationType ?? 'unknown', entity: organisationEntity(producer) },
      via: event.source,
      recipient: { ...recipient(viewerOrganisationId, viewerType), resolved: viewerOrganisationId !== UNRESOLVED },
      viewer,
      activity: caseViewProcessorActivity,
      dataCategories: categories,
      consentIds,
      basis: protocol === 'refused' ? ('consent-missing' as const) : consentIds.length > 0 ? ('consent' as const) : ('legal-task' as const),
      statusCode: protocol === 'viewed' ? ('OK' as const) : ('ERROR' as const),
      clientKey: textField(d, 'clientKey') ?? '',
      ...(caseId ? { caseId } : {}),
      cause: cause(event),
    }));
}

export interface OverviewRequest {
  /** The command id of the request (Idempotency-Key): the record's id derives from it. */
  readonly requestId: string;
  readonly clientKey: string;
  readonly caseIds: readonly string[];
  readonly requester: { readonly userId: string; readonly organisationId: string; readonly organisationType: RecipientOrganisationType; readonly role: string };
  readonly traceparent?: string;
  readonly at: string;
}

export function overviewDisclosureKey(requestId: string): string {
  return `overview|${requestId}`;
}

/** Giving a data subject's overview to the municipality is itself a disclosure. */
export function planOverviewDisclosure(request: OverviewRequest): DisclosureIntent {
  return {
    key: overviewDisclosureKey(request.requestId),
    kind: 'overview-provided',
    name: 'provide data subject overview',
    sender: { ...exchangeLogOrganisation },
    recipient: recipient(request.requester.organisationId, request.requester.organisationType),
    viewer: { userId: request.requester.userId, role: request.requester.role, purpose: 'data-subject-access' },
    activity: 'data-subject-access',
    dataCategories: ['identifying', 'administrative'],
    consentIds: [],
    basis: 'legal-task',
    statusCode: 'OK',
    clientKey: request.clientKey,
    ...(request.caseIds.length === 1 ? { caseId: request.caseIds[0]! } : {}),
    cause: { time: request.at, ...(request.traceparent ? { traceparent: request.traceparent } : {}) },
  };
}
