// CloudEvents 1.0 in Kafka binary content mode (NL GOV profile): the event's
// attributes travel as `ce_`-prefixed headers, the value is the data as JSON.
export const cloudEventsSpecVersion = '1.0';

export const cloudEventHeaders = {
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  specversion: 'ce_specversion',
  time: 'ce_time',
  sequence: 'ce_sequence',
  subject: 'ce_subject',
  traceparent: 'ce_traceparent',
  contentType: 'content-type',
} as const;

export const integrationEventContentType = 'application/json';
