// Given / when / then for protocolling a view.
import { describe, expect, it } from 'vitest';
import type { CommandMetadata } from '@wcc/domain-kit';
import { deciderSpec } from '@wcc/domain-kit/testing';
import type { RecordCaseDisclosures } from './disclosure.commands';
import { disclosureDecider } from './disclosure.decider';
import type { Viewer } from './vocabulary';

const viewer: Viewer = { userId: 'screener-3', organisationId: 'ggz-delfland', organisationType: 'care-provider', role: 'screener' };
const metadata: CommandMetadata = {
  commandId: '2f1e0d9c-8b7a-4695-8483-72615f4e3d2c',
  now: '2025-06-01T10:00:00Z',
  correlationId: 'corr-1',
  causationId: null,
  actor: { userId: viewer.userId, organisationId: viewer.organisationId, organisationType: viewer.organisationType },
};
const viewId = metadata.commandId;
const caseId = '5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71';
const clientKey = 'ck_7Qm2xV9pLr4TnB8s';
const disclosure = { dataCategoriesShown: ['work', 'administrative'] as const, producingOrganisationIds: ['gemeente-rotterdam'], consentIds: ['c2d9e8f1-3b4a-4c5d-8e6f-7a8b9c0d1e2f'], itemsShown: 4 };
const refusal = { refusedDataCategories: ['financial'] as const, producingOrganisationIds: ['zilveren-kruis'], itemsWithheld: 1 };

const given = deciderSpec(disclosureDecider, { metadata });

const record = (records: RecordCaseDisclosures['data']['records']): RecordCaseDisclosures => ({ type: 'RecordCaseDisclosures', data: { viewId, viewer, view: 'case-summary', records } });

describe('RecordCaseDisclosures', () => {
  it('records what was shown and what was refused, per case', () => {
    const result = given([]).when(record([{ caseId, clientKey, disclosure, refusal }])).events;
    const base = { viewId, caseId, clientKey, viewer, view: 'case-summary', purpose: 'chain-coordination' };
    expect(result).toEqual([
      { type: 'CaseViewed', data: { ...base, ...disclosure } },
      { type: 'CaseAccessRefused', data: { ...base, ...refusal } },
    ]);
  });

  it('records a case where only access was refused', () => {
    expect(given([]).when(record([{ caseId, clientKey, disclosure: null, refusal }])).events).toMatchObject([{ type: 'CaseAccessRefused' }]);
  });

  it('refuses to record the same view twice', () => {
    const first = given([]).when(record([{ caseId, clientKey, disclosure, refusal: null }])).events;
    given(first)
      .when(record([{ caseId, clientKey, disclosure, refusal: null }]))
      .thenRefused({ kind: 'domain-error', category: 'conflict', code: 'view-already-recorded' });
  });

  it("refuses to call the viewer's own data a disclosure", () => {
    const own = { ...disclosure, producingOrganisationIds: ['ggz-delfland'] };
    given([])
      .when(record([{ caseId, clientKey, disclosure: own, refusal: null }]))
      .thenRefused({ category: 'invalid', code: 'own-data-is-no-disclosure' });
  });

  it('refuses an empty protocol', () => {
    given([])
      .when(record([{ caseId, clientKey, disclosure: null, refusal: null }]))
      .thenRefused({ category: 'invalid', code: 'nothing-to-record' });
    given([])
      .when(record([{ caseId, clientKey, disclosure: { ...disclosure, dataCategoriesShown: [] }, refusal: null }]))
      .thenRefused({ code: 'empty-disclosure' });
    given([])
      .when(record([{ caseId, clientKey, disclosure: null, refusal: { ...refusal, itemsWithheld: 0 } }]))
      .thenRefused({ code: 'empty-refusal' });
  });

  it('refuses a record without the client key it is filed under', () => {
    given([])
      .when(record([{ caseId, clientKey: '', disclosure, refusal: null }]))
      .thenRefused({ category: 'invalid', code: 'client-key-missing', field: 'clientKey' });
  });
});
