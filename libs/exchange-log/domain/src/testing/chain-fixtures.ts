// One small chain to test against: Rotterdam refers a client to GGZ Delfland and the
// employer network WSP Rijnmond; Zilveren Kruis funds the IPS intake. Events are the
// contracts' own examples with the ids of this story, so they always fit their schema.
import { randomUUID } from 'node:crypto';
import type { IntegrationEventDefinition } from '@wcc/contracts';
import type { ChainEvent } from '../chain-event';

export const story = {
  caseId: '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71',
  clientKey: 'ck_7Qm2xV9pLr4TnB8s',
  otherClientKey: 'ck_OtherClient000001',
  otherCaseId: '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d',
  municipality: 'gemeente-rotterdam',
  otherMunicipality: 'gemeente-delft',
  careProvider: 'ggz-delfland',
  employerNetwork: 'wsp-rijnmond',
  insurer: 'zilveren-kruis',
  careReferralId: '0f3a1c52-6a8e-4b0f-9a77-1e2d3c4b5a69',
  matchingReferralId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  fundingRequestId: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
  consentId: 'c2d9e8f1-3b4a-4c5d-8e6f-7a8b9c0d1e2f',
} as const;

export const sources = {
  municipality: `urn:nld:oin:${story.municipality}:systeem:municipality`,
  'care-provider': `urn:nld:oin:${story.careProvider}:systeem:care-provider`,
  'employer-network': `urn:nld:oin:${story.employerNetwork}:systeem:employer-network`,
  insurer: `urn:nld:oin:${story.insurer}:systeem:insurer`,
  'case-view': 'urn:nld:oin:wcc-case-view:systeem:case-view',
  'exchange-log': 'urn:nld:oin:wcc-exchange-log:systeem:exchange-log',
} as const;

export function traceparentFor(n: number): string {
  const hex = n.toString(16).padStart(4, '0');
  return `00-${'4bf92f3577b34da6a3ce929d0e0e'}${hex}-00f067aa0ba9${hex}-01`;
}

export interface FixtureEvent {
  readonly definition: IntegrationEventDefinition;
  readonly data: Record<string, unknown>;
  readonly id: string;
  readonly source: string;
  readonly time: string;
  readonly traceparent: string;
}

/** The definition's example with `overrides`, valid by construction (throws if not). */
export function fixture(definition: IntegrationEventDefinition, overrides: Record<string, unknown>, options: { trace?: number; source?: string; id?: string } = {}): FixtureEvent {
  const data: Record<string, unknown> = { ...(definition.example as Record<string, unknown>), caseId: story.caseId, clientKey: story.clientKey, ...overrides };
  for (const [key, value] of Object.entries(data)) if (value === undefined) delete data[key];
  const checked = definition.validate(data);
  if (!checked.ok) throw new Error(`fixture ${definition.name}: ${checked.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  return {
    definition,
    data,
    id: options.id ?? randomUUID(),
    source: options.source ?? sources[definition.producer],
    time: String(data['occurredAt']),
    traceparent: traceparentFor(options.trace ?? 1),
  };
}

export function chainEventOfFixture(f: FixtureEvent): ChainEvent {
  return {
    id: f.id,
    type: f.definition.type,
    producer: f.definition.producer,
    name: f.definition.name,
    source: f.source,
    time: f.time,
    traceparent: f.traceparent,
    data: f.data,
    categories: f.definition.categories,
  };
}
