// What the case view publishes: its disclosure records, for the exchange log. The
// domain events carry the viewer as one object; the contract flattens it.
import type { RecordedEvent } from '@wcc/event-store';
import { caseAccessRefusedV1, caseViewedV1 } from '@wcc/contracts';
import { assertNever } from '@wcc/domain-kit';
import { integrationMessage, type IntegrationMapping, type IntegrationMessage } from '@wcc/messaging';
import type { DisclosureEvent } from '@wcc/case-view-domain';

export const mapCaseViewEvent: IntegrationMapping = (recorded: RecordedEvent): readonly IntegrationMessage[] => {
  const event = { type: recorded.type, data: recorded.data } as DisclosureEvent;
  const common = {
    caseId: event.data.caseId,
    clientKey: event.data.clientKey,
    occurredAt: recorded.metadata.occurredAt,
    viewId: event.data.viewId,
    viewerUserId: event.data.viewer.userId,
    viewerOrganisationId: event.data.viewer.organisationId,
    viewerOrganisationType: event.data.viewer.organisationType,
    viewerRole: event.data.viewer.role,
    view: event.data.view,
    purpose: event.data.purpose,
  };
  switch (event.type) {
    case 'CaseViewed':
      return [
        integrationMessage(caseViewedV1, {
          ...common,
          dataCategoriesShown: [...event.data.dataCategoriesShown],
          producingOrganisationIds: [...event.data.producingOrganisationIds],
          consentIds: [...event.data.consentIds],
          itemsShown: event.data.itemsShown,
        }),
      ];
    case 'CaseAccessRefused':
      return [
        integrationMessage(caseAccessRefusedV1, {
          ...common,
          refusedDataCategories: [...event.data.refusedDataCategories],
          producingOrganisationIds: [...event.data.producingOrganisationIds],
          itemsWithheld: event.data.itemsWithheld,
          reason: 'no-consent',
        }),
      ];
    default:
      return assertNever(event);
  }
};
