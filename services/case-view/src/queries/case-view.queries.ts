// The read side: load a case's items and consents, let the domain decide what this
// viewer sees (against today's consent state), protocol the disclosure, and shape the
// answer. Visibility is never read from a row; it is decided here, per request.
import { Inject, Injectable } from '@nestjs/common';
import { In, type DataSource } from 'typeorm';
import type { CaseViewKind } from '@wcc/contracts';
import { dateInAmsterdam, type CommandMetadata } from '@wcc/domain-kit';
import { ProblemException } from '@wcc/nest-kit';
import {
  compareEntries,
  disclosureOf,
  ipsParticipationLine,
  isActionOverdue,
  isReferralOverdue,
  refusalOf,
  viewCase,
  type CaseDisclosureRecord,
  type CasePhase,
  type CaseSummary,
  type ConsentRecipient,
  type ConsentRecord,
  type DataCategory,
  type ItemDecision,
  type PartnerOrganisationType,
  type ResolvedEntry,
  type Viewer,
  type ViewOfCase,
} from '@wcc/case-view-domain';
import { CASE_VIEW_DATA_SOURCE } from '../persistence/case-view-store.module';
import { ConsentRow, TimelineEntryRow } from '../persistence/entities';
import { rowToEntry } from '../projection/case-projector';
import { ConsentFence } from './consent-fence';
import { DisclosureRecorder } from './disclosure-recorder';

export interface CaseListFilters {
  readonly overdueReferral?: boolean;
  readonly openAction?: boolean;
  readonly phase?: CasePhase;
  readonly municipality?: string;
}

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

export interface ViewerDto {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: string;
  readonly role: string;
}

export interface CaseListItem {
  readonly caseId: string;
  readonly clientKey: string | null;
  readonly municipalityId: string | null;
  readonly phase: CasePhase | null;
  readonly regieOwnerUserId: string | null;
  readonly latestLadderRung: number | null;
  readonly ladderTrend: string | null;
  readonly openReferrals: number;
  readonly overdueReferrals: number;
  readonly openActions: number;
  readonly overdueActions: number;
  readonly ending: 'dropped-out' | 'closed' | null;
  readonly lastItemAt: string | null;
  readonly itemsWithheldForLackOfConsent: boolean;
}

export interface CaseListResponse {
  readonly viewer: ViewerDto;
  readonly today: string;
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly cases: readonly CaseListItem[];
}

export type PresentedSummary = Omit<CaseSummary, 'referrals' | 'actions'> & {
  readonly referrals: readonly (CaseSummary['referrals'][number] & { readonly overdue: boolean })[];
  readonly actions: readonly (CaseSummary['actions'][number] & { readonly overdue: boolean })[];
  readonly overdueReferrals: number;
  readonly overdueActions: number;
};

/** What was withheld for lack of consent: only categories the viewer's role could see. */
export interface WithheldDto {
  readonly categories: readonly DataCategory[];
  readonly items: number;
}

export interface CaseResponse {
  readonly caseId: string;
  readonly viewer: ViewerDto;
  readonly today: string;
  readonly summary: PresentedSummary;
  readonly itemsShown: number;
  readonly consentIdsReliedOn: readonly string[];
  readonly withheldForLackOfConsent: WithheldDto | null;
}

export interface TimelineItemDto {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly type: string;
  readonly name: string;
  readonly organisation: { readonly id: string | null; readonly type: PartnerOrganisationType };
  readonly summary: { readonly nl: string; readonly en: string };
  readonly data: Readonly<Record<string, unknown>>;
  readonly categoriesShown: readonly DataCategory[];
  readonly fieldsWithheldForLackOfConsent: readonly DataCategory[];
  readonly basis: readonly string[];
}

export interface TimelineResponse {
  readonly caseId: string;
  readonly viewer: ViewerDto;
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly TimelineItemDto[];
  readonly withheldForLackOfConsent: WithheldDto | null;
}

interface LoadedCase {
  readonly entries: readonly ResolvedEntry[];
  readonly consents: readonly ConsentRecord[];
}

/** Today in the Netherlands: consent validity and reply deadlines are Dutch calendar dates. */
export function todayInNetherlands(now: Date = new Date()): string {
  return dateInAmsterdam(now);
}

function present(summary: CaseSummary, today: string): PresentedSummary {
  const referrals = summary.referrals.map((r) => ({ ...r, overdue: isReferralOverdue(r, today) }));
  const actions = summary.actions.map((a) => ({ ...a, overdue: isActionOverdue(a, today) }));
  return { ...summary, referrals, actions, overdueReferrals: referrals.filter((r) => r.overdue).length, overdueActions: actions.filter((a) => a.overdue).length };
}

function withheldOf(viewer: Viewer, decisions: readonly ItemDecision[]): WithheldDto | null {
  const refusal = refusalOf(viewer, decisions);
  return refusal ? { categories: refusal.refusedDataCategories, items: refusal.itemsWithheld } : null;
}

const dtoOf = (viewer: Viewer): ViewerDto => ({ userId: viewer.userId, organisationId: viewer.organisationId, organisationType: viewer.organisationType, role: viewer.role });

function consentRecordOf(row: ConsentRow): ConsentRecord {
  return {
    consentId: row.consentId,
    purpose: row.purpose,
    organisationTypes: row.organisationTypes as PartnerOrganisationType[],
    dataCategories: row.dataCategories as DataCategory[],
    recipients: row.recipients === null ? null : (row.recipients as ConsentRecipient[]),
    disclosesIpsParticipation: row.disclosesIpsParticipation,
    validFrom: row.validFrom,
    validTo: row.validTo,
    grantedAt: row.grantedAt,
    withdrawnAt: row.withdrawnAt,
  };
}

@Injectable()
export class CaseViewQueries {
  constructor(
    @Inject(CASE_VIEW_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly recorder: DisclosureRecorder,
    private readonly fence: ConsentFence,
  ) {}

  async list(viewer: Viewer, filters: CaseListFilters, page: Page, metadata: CommandMetadata, today = todayInNetherlands()): Promise<CaseListResponse> {
    await this.fence.pass(undefined);
    const candidates = await this.candidateCases(viewer, filters.municipality);
    const loaded = await this.load(candidates);
    const matches: { item: CaseListItem; view: ViewOfCase }[] = [];
    for (const caseId of candidates) {
      const found = loaded.get(caseId);
      if (!found) continue;
      const view = viewCase(viewer, caseId, found.entries, found.consents, today);
      if (!view.inCaseTeam || view.visibleItems.length === 0) continue;
      const summary = present(view.summary, today);
      if (filters.overdueReferral !== undefined && summary.overdueReferrals > 0 !== filters.overdueReferral) continue;
      const openActions = summary.actions.filter((a) => a.status === 'open').length;
      if (filters.openAction !== undefined && openActions > 0 !== filters.openAction) continue;
      if (filters.phase !== undefined && summary.phase !== filters.phase) continue;
      if (filters.municipality !== undefined && summary.municipalityId !== filters.municipality) continue;
      matches.push({
        view,
        item: {
          caseId,
          clientKey: summary.clientKey,
          municipalityId: summary.municipalityId,
          phase: summary.phase,
          regieOwnerUserId: summary.regie?.ownerUserId ?? null,
          latestLadderRung: summary.ladder?.latest.ladderRung ?? null,
          ladderTrend: summary.ladder?.trend ?? null,
          openReferrals: summary.referrals.filter((r) => r.status === 'open').length,
          overdueReferrals: summary.overdueReferrals,
          openActions,
          overdueActions: summary.overdueActions,
          ending: summary.ending?.kind ?? null,
          lastItemAt: summary.lastItemAt,
          itemsWithheldForLackOfConsent: refusalOf(viewer, view.decisions) !== null,
        },
      });
    }
    const shown = matches.slice(page.offset, page.offset + page.limit);
    // A list row shows a summary folded from every visible item: each counts as disclosed.
    await this.protocol(
      viewer,
      'case-list',
      shown.map(({ item, view }) => ({ caseId: item.caseId, clientKey: clientKeyOf(view), disclosure: disclosureOf(viewer, view.decisions), refusal: null })),
      metadata,
    );
    return { viewer: dtoOf(viewer), today, total: matches.length, limit: page.limit, offset: page.offset, cases: shown.map((m) => m.item) };
  }

  async case(viewer: Viewer, caseId: string, metadata: CommandMetadata, today = todayInNetherlands()): Promise<CaseResponse> {
    const { view } = await this.viewOf(viewer, caseId, 'case-summary', metadata, today);
    await this.protocol(viewer, 'case-summary', [{ caseId, clientKey: clientKeyOf(view), disclosure: disclosureOf(viewer, view.decisions), refusal: refusalOf(viewer, view.decisions) }], metadata);
    return {
      caseId,
      viewer: dtoOf(viewer),
      today,
      summary: present(view.summary, today),
      itemsShown: view.visibleItems.length,
      consentIdsReliedOn: [...new Set(view.visibleItems.flatMap((i) => i.consentIds))].sort(),
      withheldForLackOfConsent: withheldOf(viewer, view.decisions),
    };
  }

  async timeline(viewer: Viewer, caseId: string, page: Page, metadata: CommandMetadata, today = todayInNetherlands()): Promise<TimelineResponse> {
    const { view } = await this.viewOf(viewer, caseId, 'case-timeline', metadata, today);
    const items = view.visibleItems.slice(page.offset, page.offset + page.limit);
    await this.protocol(viewer, 'case-timeline', [{ caseId, clientKey: clientKeyOf(view), disclosure: disclosureOf(viewer, items), refusal: refusalOf(viewer, view.decisions) }], metadata);
    return {
      caseId,
      viewer: dtoOf(viewer),
      total: view.visibleItems.length,
      limit: page.limit,
      offset: page.offset,
      items: items.map((item) => ({
        eventId: item.entry.eventId,
        occurredAt: item.entry.occurredAt,
        type: item.entry.type,
        name: item.entry.name,
        // The client's IPS disclosure names no provider and carries no line of the care item.
        organisation: { id: item.disclosedAs ? null : item.entry.producerOrganisationId, type: item.entry.producer },
        summary: item.disclosedAs ? { ...ipsParticipationLine } : { nl: item.entry.summaryNl, en: item.entry.summaryEn },
        data: item.data,
        categoriesShown: item.shownCategories,
        fieldsWithheldForLackOfConsent: item.withheldForConsent,
        basis: item.bases,
      })),
      withheldForLackOfConsent: withheldOf(viewer, view.decisions),
    };
  }

  /**
   * The case as this viewer may see it. 404 when unknown — and, in the same words, when the
   * viewer's organisation does not take part in it: an outsider must not learn that a case
   * exists. 403 (protocolled) when a member may see nothing of it.
   */
  private async viewOf(viewer: Viewer, caseId: string, kind: CaseViewKind, metadata: CommandMetadata, today: string): Promise<{ view: ViewOfCase }> {
    await this.fence.pass(caseId);
    const found = (await this.load([caseId])).get(caseId);
    const unknown = () => ProblemException.notFound(`Case ${caseId} is not known to the case view.`);
    if (!found || found.entries.length === 0) throw unknown();
    const view = viewCase(viewer, caseId, found.entries, found.consents, today);
    if (!view.inCaseTeam) throw unknown();
    if (view.visibleItems.length === 0) {
      const refusal = refusalOf(viewer, view.decisions);
      await this.protocol(viewer, kind, [{ caseId, clientKey: found.entries[0]?.clientKey ?? '', disclosure: null, refusal }], metadata);
      throw ProblemException.forbidden(
        `Nothing of case ${caseId} is visible to ${viewer.organisationId} as ${viewer.role}: ` +
          (refusal ? 'no active chain-coordination consent of the client covers it.' : 'the role may not see what the case holds.'),
      );
    }
    return { view };
  }

  private async protocol(viewer: Viewer, kind: CaseViewKind, records: readonly CaseDisclosureRecord[], metadata: CommandMetadata): Promise<void> {
    await this.recorder.record(viewer, kind, records, metadata);
  }

  /**
   * Cases the viewer's organisation produced an item of or was addressed by: every way into
   * a case team leaves such an item, so this is a superset of the cases it takes part in,
   * and the list keeps only those whose team it is in now. A consent alone never makes a
   * candidate: it names organisations of the case team, not strangers.
   */
  private async candidateCases(viewer: Viewer, municipality: string | undefined): Promise<string[]> {
    const rows: { case_id: string }[] = await this.dataSource.query(
      `select s.case_id from case_view.case_summaries s
        where ($1::text is null or s.municipality_id = $1)
          and exists (select 1 from case_view.timeline_entries e
                       where e.case_id = s.case_id and (e.producer_organisation_id = $2 or e.addressee_organisation_ids ? $2))
        order by s.last_item_at desc nulls last, s.case_id`,
      [municipality ?? null, viewer.organisationId],
    );
    return rows.map((r) => r.case_id);
  }

  private async load(caseIds: readonly string[]): Promise<Map<string, LoadedCase>> {
    const result = new Map<string, LoadedCase>();
    if (caseIds.length === 0) return result;
    const [entries, consents] = await Promise.all([
      this.dataSource.getRepository(TimelineEntryRow).find({ where: { caseId: In([...caseIds]) } }),
      this.dataSource.getRepository(ConsentRow).find({ where: { caseId: In([...caseIds]) } }),
    ]);
    for (const caseId of caseIds) result.set(caseId, { entries: [], consents: [] });
    for (const row of entries) (result.get(row.caseId)!.entries as ResolvedEntry[]).push(rowToEntry(row));
    for (const row of consents) (result.get(row.caseId)!.consents as ConsentRecord[]).push(consentRecordOf(row));
    for (const [caseId, loaded] of result) {
      result.set(caseId, { entries: [...loaded.entries].sort(compareEntries), consents: loaded.consents });
    }
    return result;
  }
}

function clientKeyOf(view: ViewOfCase): string {
  return view.decisions[0]?.entry.clientKey ?? '';
}
