// One record of the exchange log, shaped as the Logboek Dataverwerkingen (Logius/MinBZK)
// Logboek interface: trace_id, span_id (the standard's operation_id), parent_span_id,
// name, start_time/end_time in ms, status_code, foreign_operation, resource and the
// dpl.* attributes; for care data also the NEN 7513 extension (dpl.nen7513.*). Beside
// them sit the columns the log is queried by. Every one of these fields is covered by
// the record's hash.
import { uuidV5 } from '@wcc/domain-kit';
import type { DisclosureIntent, StatusCode } from './disclosure-planning';
import { processingActivity } from './processing-activities';
import { derivedSpanId, derivedTraceId, parseTraceparent } from './trace-context';

/** Namespace of disclosure record ids (UUIDv5); never change it. */
export const DISCLOSURE_RECORD_NAMESPACE = '2d8c4e6a-1f3b-4a5c-9e7d-0b1a2c3d4e5f';

/** `dpl.core.data_subject_id_type`: the chain's pseudonymous client key, never a BSN. */
export const DATA_SUBJECT_ID_TYPE = 'urn:nld:workcarechain:client-key';

export interface ForeignOperation {
  readonly trace_id: string;
  readonly span_id: string;
  /** URI of the other party. */
  readonly entity: string;
}

export interface ProtectedSubject {
  /** AES-256-GCM ciphertext of the client key (`dpl.core.data_subject_id`). */
  readonly ciphertext: string;
  /** Keyed HMAC of the client key: the only way the log is searched by person. */
  readonly blindIndex: string;
}

/** Everything stored of a record except its place in the chain. */
export interface DisclosureRecordFields {
  readonly id: string;
  readonly trace_id: string;
  readonly span_id: string;
  readonly parent_span_id: string | null;
  readonly name: string;
  readonly start_time: number;
  readonly end_time: number;
  readonly status_code: StatusCode;
  readonly foreign_operation: ForeignOperation | null;
  readonly resource: { readonly attributes: Readonly<Record<string, string>> };
  readonly attributes: Readonly<Record<string, unknown>>;
  // Columns the log is queried by (copies of attribute values, hashed like the rest).
  readonly data_subject_index: string;
  readonly case_id: string | null;
  readonly disclosure_kind: DisclosureIntent['kind'];
  readonly sender_organisation_id: string;
  readonly recipient_organisation_id: string;
  readonly recipient_organisation_type: string;
  readonly processing_activity: string;
}

export interface DisclosureRecord extends DisclosureRecordFields {
  /** 1, 2, 3 … without gaps: the record's place in the hash chain. */
  readonly position: number;
  readonly previous_hash: string;
  readonly hash: string;
}

export interface RecordContext {
  /** When the log wrote it (ms since epoch); end_time. */
  readonly recordedAt: number;
  /** `resource.attributes`: which system wrote the record. */
  readonly resource: { readonly name: string; readonly version: string };
}

// NEN 7513 / DICOM audit codes: what kind of event, and what happened to the data.
const nenEventTypes = {
  delivered: 'DCM 110106 Export',
  viewed: 'DCM 110110 Patient Record',
  'access-refused': 'DCM 110110 Patient Record',
  'overview-provided': 'DCM 110106 Export',
} as const;
const nenLifeCycle = { delivered: '11', viewed: '6', 'access-refused': '6', 'overview-provided': '11' } as const; // 11 disclosure, 6 access/use

function nenAttributes(intent: DisclosureIntent, subject: ProtectedSubject, activityUri: string): Record<string, unknown> {
  const user = intent.viewer
    ? {
        userID: intent.viewer.userId,
        alternateUserID: intent.recipient.organisationId,
        userIsRequestor: true,
        roleIDCode: intent.viewer.role,
        purposeOfUse: intent.viewer.purpose ?? activityUri,
      }
    : {
        userID: intent.recipient.organisationId,
        userIsRequestor: false,
        roleIDCode: intent.recipient.organisationType,
        purposeOfUse: activityUri,
      };
  return {
    'dpl.nen7513.eventTypeCode': nenEventTypes[intent.kind],
    'dpl.nen7513.users': [user],
    'dpl.nen7513.participants': [
      {
        participantObjectTypeCode: '1', // person
        participantObjectTypeCodeRole: '1', // patient / client
        participantObjectDataLifeCycle: nenLifeCycle[intent.kind],
        participantObjectIDTypeCode: DATA_SUBJECT_ID_TYPE,
        participantObjectID: subject.ciphertext,
        // Restricted: mental-health care data (HL7 confidentiality R).
        participantObjectSensitivity: 'R',
      },
    ],
    'dpl.nen7513.toestemmingsProfiel': intent.consentIds.length > 0 ? intent.consentIds.join(' ') : null,
  };
}

/** The id of the record of the disclosure with this key: the same disclosure, the same id. */
export function disclosureRecordId(key: string): string {
  return uuidV5(key, DISCLOSURE_RECORD_NAMESPACE);
}

/** The record of one disclosure. Pure: time, encryption and system come in as arguments. */
export function buildRecord(intent: DisclosureIntent, subject: ProtectedSubject, context: RecordContext): DisclosureRecordFields {
  const id = disclosureRecordId(intent.key);
  const cause = parseTraceparent(intent.cause.traceparent);
  const started = Date.parse(intent.cause.time);
  const start = Number.isNaN(started) ? context.recordedAt : started;
  const activity = processingActivity(intent.activity);
  const otherParty = intent.kind === 'delivered' ? intent.sender.entity : intent.recipient.entity;

  const attributes: Record<string, unknown> = {
    'dpl.core.processing_activity_id': activity.uri,
    'dpl.core.data_subject_id': subject.ciphertext,
    'dpl.core.data_subject_id_type': DATA_SUBJECT_ID_TYPE,
    'dpl.wcc.disclosure': intent.kind,
    'dpl.wcc.legal_basis': [...activity.legalBasis.avg, ...activity.legalBasis.law],
    'dpl.wcc.basis_status': intent.basis,
    'dpl.wcc.consent_ids': [...intent.consentIds],
    'dpl.wcc.data_categories': [...intent.dataCategories],
    'dpl.wcc.sender': { organisation_id: intent.sender.organisationId, organisation_type: intent.sender.organisationType, entity: intent.sender.entity },
    'dpl.wcc.recipient': {
      organisation_id: intent.recipient.organisationId,
      organisation_type: intent.recipient.organisationType,
      entity: intent.recipient.entity,
      role: intent.recipient.role,
      resolved: intent.recipient.resolved,
    },
    ...(intent.via ? { 'dpl.wcc.via': intent.via } : {}),
    ...(intent.viewer
      ? {
          'dpl.wcc.viewer': {
            user_id: intent.viewer.userId,
            role: intent.viewer.role,
            ...(intent.viewer.view ? { view: intent.viewer.view } : {}),
            ...(intent.viewer.viewId ? { view_id: intent.viewer.viewId } : {}),
          },
        }
      : {}),
    ...(intent.caseId ? { 'dpl.wcc.case_id': intent.caseId } : {}),
    ...(intent.cause.eventId ? { 'dpl.wcc.cloudevent': { id: intent.cause.eventId, type: intent.cause.eventType ?? null } } : {}),
    ...(intent.dataCategories.includes('care-summary') ? nenAttributes(intent, subject, activity.uri) : {}),
  };

  return {
    id,
    trace_id: cause?.traceId ?? derivedTraceId(intent.key),
    span_id: derivedSpanId(intent.key),
    parent_span_id: cause?.spanId ?? null,
    name: intent.name,
    start_time: start,
    end_time: Math.max(start, context.recordedAt),
    status_code: intent.statusCode,
    foreign_operation: cause ? { trace_id: cause.traceId, span_id: cause.spanId, entity: otherParty } : null,
    resource: { attributes: { 'service.name': context.resource.name, 'service.version': context.resource.version } },
    attributes,
    data_subject_index: subject.blindIndex,
    case_id: intent.caseId ?? null,
    disclosure_kind: intent.kind,
    sender_organisation_id: intent.sender.organisationId,
    recipient_organisation_id: intent.recipient.organisationId,
    recipient_organisation_type: intent.recipient.organisationType,
    processing_activity: intent.activity,
  };
}
