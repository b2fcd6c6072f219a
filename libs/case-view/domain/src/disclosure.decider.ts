// Records what one request disclosed. Refuses what would make a false protocol: a
// request recorded twice, an empty record, or a viewer's own organisation listed as the
// producer of "another organisation's" data.
import { assertNever, domainError, type Decider, type DomainError } from '@wcc/domain-kit';
import type { DisclosureCommand } from './disclosure.commands';
import type { DisclosureEvent } from './disclosure.events';

export type DisclosureState = { readonly status: 'none' } | { readonly status: 'recorded'; readonly records: number };

function decide(command: DisclosureCommand, state: DisclosureState): readonly DisclosureEvent[] | DomainError {
  switch (command.type) {
    case 'RecordCaseDisclosures': {
      if (state.status === 'recorded') return domainError('conflict', 'view-already-recorded', `View ${command.data.viewId} has already been protocolled.`);
      const { viewId, viewer, view, records } = command.data;
      const events: DisclosureEvent[] = [];
      for (const record of records) {
        if (!record.clientKey) return domainError('invalid', 'client-key-missing', `Case ${record.caseId} has no client key to protocol the view under.`, 'clientKey');
        const base = { viewId, caseId: record.caseId, clientKey: record.clientKey, viewer, view, purpose: 'chain-coordination' as const };
        const { disclosure, refusal } = record;
        if (disclosure) {
          if (disclosure.dataCategoriesShown.length === 0 || disclosure.producingOrganisationIds.length === 0 || disclosure.itemsShown < 1) {
            return domainError('invalid', 'empty-disclosure', `The view of case ${record.caseId} shows nothing of another organisation to protocol.`);
          }
          if (disclosure.producingOrganisationIds.includes(viewer.organisationId)) {
            return domainError('invalid', 'own-data-is-no-disclosure', `${viewer.organisationId} cannot disclose its own data to itself.`, 'producingOrganisationIds');
          }
          events.push({ type: 'CaseViewed', data: { ...base, ...disclosure } });
        }
        if (refusal) {
          if (refusal.refusedDataCategories.length === 0 || refusal.itemsWithheld < 1) {
            return domainError('invalid', 'empty-refusal', `Nothing of case ${record.caseId} was withheld.`);
          }
          events.push({ type: 'CaseAccessRefused', data: { ...base, ...refusal } });
        }
      }
      if (events.length === 0) return domainError('invalid', 'nothing-to-record', 'The view disclosed and withheld nothing of another organisation.');
      return events;
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(state: DisclosureState, event: DisclosureEvent): DisclosureState {
  switch (event.type) {
    case 'CaseViewed':
    case 'CaseAccessRefused':
      return { status: 'recorded', records: (state.status === 'recorded' ? state.records : 0) + 1 };
    default:
      return assertNever(event);
  }
}

export const disclosureDecider: Decider<DisclosureCommand, DisclosureEvent, DisclosureState> = {
  streamType: 'case-disclosure',
  initialState: () => ({ status: 'none' }),
  decide,
  evolve,
};
