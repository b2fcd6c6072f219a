// The case view's tables, as explicit DDL reviewed like code, applied by the platform's
// one migration mechanism (migrateSchema, component "case-view"); TypeORM maps the rows
// (entities.ts) but no longer runs migrations. The ids are the timestamps the TypeORM
// migrations had, so a database made before is adopted from case_view.migrations.
import type { SchemaMigration } from '@wcc/event-store';

export const caseViewMigrations: readonly SchemaMigration[] = [
  {
    id: 1732300000000,
    name: 'CaseViewSchema1732300000000',
    sql: `create schema if not exists case_view;
create table case_view.timeline_entries (
      event_id text primary key,
      case_id text not null,
      client_key text not null,
      type text not null,
      producer text not null,
      name text not null,
      occurred_at text not null,
      sequence text,
      data jsonb not null,
      field_categories jsonb not null,
      headline_category text not null,
      producer_organisation_id text,
      addressee_organisation_ids jsonb not null default '[]',
      summary_nl text not null,
      summary_en text not null,
      source_topic text not null,
      source_partition integer not null,
      source_offset bigint not null
    );
create index timeline_entries_case on case_view.timeline_entries (case_id);
create index timeline_entries_parties on case_view.timeline_entries (producer_organisation_id);
create table case_view.consents (
      case_id text not null,
      consent_id text not null,
      purpose text not null,
      organisation_types jsonb not null,
      data_categories jsonb not null,
      valid_from text,
      valid_to text,
      granted_at text,
      withdrawn_at text,
      primary key (case_id, consent_id)
    );
create table case_view.case_summaries (
      case_id text primary key,
      client_key text,
      municipality_id text,
      phase text,
      regie_owner_user_id text,
      regie_organisation_id text,
      latest_ladder_rung integer,
      ladder_trend text,
      latest_zrm_average double precision,
      zrm_trend text,
      open_referrals integer not null,
      earliest_open_referral_deadline text,
      advised_route text,
      placements integer not null,
      working boolean not null,
      funding_status text not null,
      ending text,
      open_actions integer not null,
      earliest_open_action_due text,
      item_count integer not null,
      last_item_at text,
      summary jsonb not null
    );
create index case_summaries_municipality on case_view.case_summaries (municipality_id);
create table case_view.partition_checkpoints (
      topic text not null,
      "partition" integer not null,
      last_offset bigint not null,
      last_event_id text not null,
      updated_at timestamptz not null,
      primary key (topic, "partition")
    )`,
  },
  {
    // Consents name their recipient organisations (issue 12): null for a consent given to the
    // case team of its organisation types, which is also how every earlier consent reads.
    id: 1764750000000,
    name: 'ConsentRecipients1764750000000',
    sql: 'alter table case_view.consents add column recipients jsonb',
  },
  {
    // The client's choice to tell named employer networks that they take part in IPS (issue 12).
    id: 1764760000000,
    name: 'ConsentIpsDisclosure1764760000000',
    sql: 'alter table case_view.consents add column discloses_ips_participation boolean not null default false',
  },
];

/** TypeORM's ledger of the same migrations, from before the shared one. */
export const typeOrmLedger = { table: 'case_view.migrations', query: 'select "timestamp" as id, name from case_view.migrations' };
