// Applies integration events to the read models. Each message becomes one timeline row
// keyed by its CloudEvent id (a replay inserts nothing and changes nothing), then the
// case is folded again from all its rows: parties, consents and summary are a function
// of the set of items, not of arrival order. Everything runs on the caller's
// transaction: the consumer's inbox transaction live, one long transaction in a rebuild.
import type pg from 'pg';
import type { DataSource, EntityManager, QueryDeepPartialEntity } from 'typeorm';
import type { ReceivedIntegrationEvent } from '@wcc/messaging';
import { isPartnerOrganisationType, newEntry, projectCase, type CaseEntry, type CaseSummary, type DataCategory, type PartnerOrganisationType, type ResolvedEntry } from '@wcc/case-view-domain';
import { entityManagerOn } from '../persistence/case-view-data-source';
import { CaseSummaryRow, ConsentRow, TimelineEntryRow } from '../persistence/entities';

/** Live projection takes it shared, a rebuild exclusively: a rebuild never races a live write. */
export const REBUILD_LOCK_KEY = 7_305_001;
/** Two-key advisory locks of this namespace serialise the folds of one case. */
const CASE_LOCK_NAMESPACE = 7305;

export type ProjectionOutcome = 'projected' | 'duplicate' | 'ignored';

export function rowToEntry(row: TimelineEntryRow): ResolvedEntry {
  return {
    eventId: row.eventId,
    caseId: row.caseId,
    clientKey: row.clientKey,
    type: row.type,
    producer: row.producer as PartnerOrganisationType,
    name: row.name,
    occurredAt: row.occurredAt,
    sequence: row.sequence,
    data: row.data,
    fieldCategories: row.fieldCategories as Record<string, DataCategory>,
    headlineCategory: row.headlineCategory as DataCategory,
    summaryNl: row.summaryNl,
    summaryEn: row.summaryEn,
    producerOrganisationId: row.producerOrganisationId,
    addresseeOrganisationIds: row.addresseeOrganisationIds,
  };
}

function entryToRow(entry: CaseEntry, source: { topic: string; partition: number; offset: string }): TimelineEntryRow {
  return Object.assign(new TimelineEntryRow(), {
    eventId: entry.eventId,
    caseId: entry.caseId,
    clientKey: entry.clientKey,
    type: entry.type,
    producer: entry.producer,
    name: entry.name,
    occurredAt: entry.occurredAt,
    sequence: entry.sequence,
    data: entry.data,
    fieldCategories: entry.fieldCategories,
    headlineCategory: entry.headlineCategory,
    producerOrganisationId: null,
    addresseeOrganisationIds: [],
    summaryNl: entry.summaryNl,
    summaryEn: entry.summaryEn,
    sourceTopic: source.topic,
    sourcePartition: source.partition,
    sourceOffset: source.offset,
  });
}

export function summaryToRow(summary: CaseSummary): CaseSummaryRow {
  const open = summary.referrals.filter((r) => r.status === 'open');
  const openActions = summary.actions.filter((a) => a.status === 'open');
  const earliest = (dates: (string | null)[]) => dates.filter((d): d is string => d !== null).sort()[0] ?? null;
  return Object.assign(new CaseSummaryRow(), {
    caseId: summary.caseId,
    clientKey: summary.clientKey,
    municipalityId: summary.municipalityId,
    phase: summary.phase,
    regieOwnerUserId: summary.regie?.ownerUserId ?? null,
    regieOrganisationId: summary.regie?.ownerOrganisationId ?? null,
    latestLadderRung: summary.ladder?.latest.ladderRung ?? null,
    ladderTrend: summary.ladder?.trend ?? null,
    latestZrmAverage: summary.zrm?.latestAverage ?? null,
    zrmTrend: summary.zrm?.trend ?? null,
    openReferrals: open.length,
    earliestOpenReferralDeadline: earliest(open.map((r) => r.replyDeadline)),
    advisedRoute: summary.screeningAdvice?.advisedRoute ?? null,
    placements: summary.placements.length,
    working: summary.placements.some((p) => p.status === 'working'),
    fundingStatus: summary.funding.status,
    ending: summary.ending?.kind ?? null,
    openActions: openActions.length,
    earliestOpenActionDue: earliest(openActions.map((a) => a.dueDate)),
    itemCount: summary.itemCount,
    lastItemAt: summary.lastItemAt,
    summary,
  });
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export class CaseProjector {
  constructor(private readonly dataSource: DataSource) {}

  managerOn(connection: pg.ClientBase): EntityManager {
    return entityManagerOn(this.dataSource, connection);
  }

  /** Live path: one message, inside the consumer's inbox transaction. */
  async project(event: ReceivedIntegrationEvent, tx: pg.ClientBase): Promise<ProjectionOutcome> {
    const entry = this.entryOf(event);
    if (!entry) return 'ignored';
    await tx.query('select pg_advisory_xact_lock_shared($1)', [REBUILD_LOCK_KEY]);
    await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [CASE_LOCK_NAMESPACE, entry.caseId]);
    const manager = this.managerOn(tx);
    const inserted = await this.insert(manager, entry, event);
    if (!inserted) return 'duplicate';
    await this.refold(manager, entry.caseId);
    return 'projected';
  }

  /** The case item a message becomes; undefined for what is no case fact of the four partners. */
  entryOf(event: ReceivedIntegrationEvent): CaseEntry | undefined {
    const producer = event.definition.producer;
    if (!isPartnerOrganisationType(producer)) return undefined;
    return newEntry({
      eventId: event.cloudEvent.id,
      type: event.definition.type,
      producer,
      name: event.definition.name,
      sequence: event.cloudEvent.sequence ?? null,
      time: event.cloudEvent.time ?? null,
      data: event.data as Record<string, unknown>,
      fieldCategories: event.definition.categories,
    });
  }

  /** Stores the item and the partition checkpoint; false when the item was already there. */
  async insert(manager: EntityManager, entry: CaseEntry, event: Pick<ReceivedIntegrationEvent, 'topic' | 'partition' | 'offset'>): Promise<boolean> {
    const source = { topic: event.topic, partition: event.partition, offset: event.offset };
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(TimelineEntryRow)
      .values(entryToRow(entry, source) as QueryDeepPartialEntity<TimelineEntryRow>)
      .orIgnore()
      .returning('event_id')
      .execute();
    // Offsets only move forward, also when a rebalance redelivers an older message.
    await manager.query(
      `insert into case_view.partition_checkpoints (topic, "partition", last_offset, last_event_id, updated_at) values ($1, $2, $3, $4, now())
       on conflict (topic, "partition") do update set last_offset = excluded.last_offset, last_event_id = excluded.last_event_id, updated_at = now()
       where partition_checkpoints.last_offset < excluded.last_offset`,
      [event.topic, event.partition, event.offset, entry.eventId],
    );
    return Array.isArray(result.raw) && result.raw.length > 0;
  }

  /** Folds one case again from all its items and writes what changed. */
  async refold(manager: EntityManager, caseId: string): Promise<void> {
    const rows = await manager.find(TimelineEntryRow, { where: { caseId } });
    const projected = projectCase(caseId, rows.map(rowToEntry));
    const byId = new Map(rows.map((r) => [r.eventId, r]));
    for (const entry of projected.entries) {
      const row = byId.get(entry.eventId);
      if (!row || (row.producerOrganisationId === entry.producerOrganisationId && sameList(row.addresseeOrganisationIds, entry.addresseeOrganisationIds))) continue;
      await manager.update(TimelineEntryRow, { eventId: entry.eventId }, { producerOrganisationId: entry.producerOrganisationId, addresseeOrganisationIds: [...entry.addresseeOrganisationIds] });
    }
    await manager.delete(ConsentRow, { caseId });
    if (projected.consents.length > 0) {
      await manager.insert(
        ConsentRow,
        projected.consents.map((c) =>
          Object.assign(new ConsentRow(), {
            caseId,
            consentId: c.consentId,
            purpose: c.purpose,
            organisationTypes: [...c.organisationTypes],
            dataCategories: [...c.dataCategories],
            recipients: c.recipients === null ? null : c.recipients.map((r) => ({ ...r })),
            disclosesIpsParticipation: c.disclosesIpsParticipation,
            validFrom: c.validFrom,
            validTo: c.validTo,
            grantedAt: c.grantedAt,
            withdrawnAt: c.withdrawnAt,
          }),
        ),
      );
    }
    await manager.upsert(CaseSummaryRow, summaryToRow(projected.summary), ['caseId']);
  }
}
