// The case view's read models, in its own schema `case_view`. Rows hold what was
// projected, never a visibility decision: who may see an item is decided when someone
// looks, against the consents as they are then.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseSummary } from '@wcc/case-view-domain';

export const CASE_VIEW_SCHEMA = 'case_view';

/** One integration event as an item of a case's timeline; keyed by its CloudEvent id. */
@Entity({ schema: CASE_VIEW_SCHEMA, name: 'timeline_entries' })
export class TimelineEntryRow {
  @PrimaryColumn({ name: 'event_id', type: 'text' }) eventId!: string;
  @Column({ name: 'case_id', type: 'text' }) caseId!: string;
  @Column({ name: 'client_key', type: 'text' }) clientKey!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'text' }) producer!: string;
  @Column({ type: 'text' }) name!: string;
  /** As the producer wrote it (RFC 3339). */
  @Column({ name: 'occurred_at', type: 'text' }) occurredAt!: string;
  @Column({ type: 'text', nullable: true }) sequence!: string | null;
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  @Column({ name: 'field_categories', type: 'jsonb' }) fieldCategories!: Record<string, string>;
  @Column({ name: 'headline_category', type: 'text' }) headlineCategory!: string;
  /** Resolved over the whole case; refreshed whenever the case changes. */
  @Column({ name: 'producer_organisation_id', type: 'text', nullable: true }) producerOrganisationId!: string | null;
  @Column({ name: 'addressee_organisation_ids', type: 'jsonb' }) addresseeOrganisationIds!: string[];
  @Column({ name: 'summary_nl', type: 'text' }) summaryNl!: string;
  @Column({ name: 'summary_en', type: 'text' }) summaryEn!: string;
  @Column({ name: 'source_topic', type: 'text' }) sourceTopic!: string;
  @Column({ name: 'source_partition', type: 'integer' }) sourcePartition!: number;
  @Column({ name: 'source_offset', type: 'bigint' }) sourceOffset!: string;
}

/** The client's consents per case, as granted and withdrawn. */
@Entity({ schema: CASE_VIEW_SCHEMA, name: 'consents' })
export class ConsentRow {
  @PrimaryColumn({ name: 'case_id', type: 'text' }) caseId!: string;
  @PrimaryColumn({ name: 'consent_id', type: 'text' }) consentId!: string;
  @Column({ type: 'text' }) purpose!: string;
  @Column({ name: 'organisation_types', type: 'jsonb' }) organisationTypes!: string[];
  @Column({ name: 'data_categories', type: 'jsonb' }) dataCategories!: string[];
  /** Named recipients; null: the case team of organisationTypes. */
  @Column({ type: 'jsonb', nullable: true }) recipients!: { organisationId: string; organisationType: string }[] | null;
  @Column({ name: 'discloses_ips_participation', type: 'boolean', default: false }) disclosesIpsParticipation!: boolean;
  @Column({ name: 'valid_from', type: 'text', nullable: true }) validFrom!: string | null;
  @Column({ name: 'valid_to', type: 'text', nullable: true }) validTo!: string | null;
  @Column({ name: 'granted_at', type: 'text', nullable: true }) grantedAt!: string | null;
  @Column({ name: 'withdrawn_at', type: 'text', nullable: true }) withdrawnAt!: string | null;
}

/**
 * The full-knowledge summary of a case: columns for listing and operations, the whole
 * summary as JSON. Never shown as is: a viewer gets the summary folded from what they may see.
 */
@Entity({ schema: CASE_VIEW_SCHEMA, name: 'case_summaries' })
export class CaseSummaryRow {
  @PrimaryColumn({ name: 'case_id', type: 'text' }) caseId!: string;
  @Column({ name: 'client_key', type: 'text', nullable: true }) clientKey!: string | null;
  @Column({ name: 'municipality_id', type: 'text', nullable: true }) municipalityId!: string | null;
  @Column({ type: 'text', nullable: true }) phase!: string | null;
  @Column({ name: 'regie_owner_user_id', type: 'text', nullable: true }) regieOwnerUserId!: string | null;
  @Column({ name: 'regie_organisation_id', type: 'text', nullable: true }) regieOrganisationId!: string | null;
  @Column({ name: 'latest_ladder_rung', type: 'integer', nullable: true }) latestLadderRung!: number | null;
  @Column({ name: 'ladder_trend', type: 'text', nullable: true }) ladderTrend!: string | null;
  @Column({ name: 'latest_zrm_average', type: 'double precision', nullable: true }) latestZrmAverage!: number | null;
  @Column({ name: 'zrm_trend', type: 'text', nullable: true }) zrmTrend!: string | null;
  @Column({ name: 'open_referrals', type: 'integer' }) openReferrals!: number;
  @Column({ name: 'earliest_open_referral_deadline', type: 'text', nullable: true }) earliestOpenReferralDeadline!: string | null;
  @Column({ name: 'advised_route', type: 'text', nullable: true }) advisedRoute!: string | null;
  @Column({ type: 'integer' }) placements!: number;
  @Column({ type: 'boolean' }) working!: boolean;
  @Column({ name: 'funding_status', type: 'text' }) fundingStatus!: string;
  @Column({ type: 'text', nullable: true }) ending!: string | null;
  @Column({ name: 'open_actions', type: 'integer' }) openActions!: number;
  @Column({ name: 'earliest_open_action_due', type: 'text', nullable: true }) earliestOpenActionDue!: string | null;
  @Column({ name: 'item_count', type: 'integer' }) itemCount!: number;
  @Column({ name: 'last_item_at', type: 'text', nullable: true }) lastItemAt!: string | null;
  @Column({ type: 'jsonb' }) summary!: CaseSummary;
}

/** Per topic partition: the last offset applied. With the inbox and the group's offsets, the projection's checkpoint. */
@Entity({ schema: CASE_VIEW_SCHEMA, name: 'partition_checkpoints' })
export class PartitionCheckpointRow {
  @PrimaryColumn({ type: 'text' }) topic!: string;
  @PrimaryColumn({ type: 'integer' }) partition!: number;
  @Column({ name: 'last_offset', type: 'bigint' }) lastOffset!: string;
  @Column({ name: 'last_event_id', type: 'text' }) lastEventId!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export const caseViewEntities = [TimelineEntryRow, ConsentRow, CaseSummaryRow, PartitionCheckpointRow];
