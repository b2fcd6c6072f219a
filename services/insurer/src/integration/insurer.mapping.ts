// Domain events of the insurer → what it tells the chain. Only financial and
// administrative facts go out; who decided (a user id) and the received request itself
// stay private.
import { addressableOrganisation, careClaimRejectedV1, careClaimSettledV1, careFundingGrantedV1, careFundingRefusedV1 } from '@wcc/contracts';
import type { RecordedEvent } from '@wcc/event-store';
import { assertNever } from '@wcc/domain-kit';
import type { CareFundingEvent } from '@wcc/insurer-domain';
import { integrationMessage, type IntegrationMessage } from '@wcc/messaging';

const CARE_FUNDING_TYPES = new Set<string>(['CareFundingRequestReceived', 'CareFundingGranted', 'CareFundingRefused', 'CareClaimSettled', 'CareClaimRejected']);

/** The care provider an answer goes to, when the stored event names it (events from before it was kept do not: they reach the chain topic only). */
const addressedTo = (careProviderId: string | undefined) => {
  const addressee = addressableOrganisation(careProviderId);
  return addressee === undefined ? {} : { addressedTo: addressee };
};

export function mapInsurerEvent(recorded: RecordedEvent): readonly IntegrationMessage[] {
  if (!CARE_FUNDING_TYPES.has(recorded.type)) return [];
  const event = { type: recorded.type, data: recorded.data } as CareFundingEvent;
  const occurredAt = recorded.metadata.occurredAt;
  switch (event.type) {
    case 'CareFundingRequestReceived':
      return [];
    case 'CareFundingGranted': {
      const d = event.data;
      return [
        integrationMessage(careFundingGrantedV1, {
          caseId: d.caseId,
          clientKey: d.clientKey,
          occurredAt,
          fundingRequestId: d.fundingRequestId,
          insurerId: d.insurerId,
          ...addressedTo(d.careProviderId),
          instrument: d.instrument,
          grantedUnits: d.grantedUnits,
          grantedAmountCents: d.grantedAmountCents,
          ...(d.unitPriceCents === undefined ? {} : { unitPriceCents: d.unitPriceCents }),
          tariffVersion: d.tariffVersion,
          periodFrom: d.periodFrom,
          periodTo: d.periodTo,
        }),
      ];
    }
    case 'CareFundingRefused': {
      const d = event.data;
      return [
        integrationMessage(careFundingRefusedV1, {
          caseId: d.caseId,
          clientKey: d.clientKey,
          occurredAt,
          fundingRequestId: d.fundingRequestId,
          insurerId: d.insurerId,
          ...addressedTo(d.careProviderId),
          instrument: d.instrument,
          reasonCode: d.reasonCode,
          reason: d.reason,
        }),
      ];
    }
    case 'CareClaimSettled': {
      const d = event.data;
      return [
        integrationMessage(careClaimSettledV1, {
          caseId: d.caseId,
          clientKey: d.clientKey,
          occurredAt,
          claimId: d.claimId,
          fundingRequestId: d.fundingRequestId,
          insurerId: d.insurerId,
          ...addressedTo(d.careProviderId),
          instrument: d.instrument,
          units: d.units,
          amountCents: d.amountCents,
          settledOn: d.settledOn,
          remainingUnits: d.remainingUnits,
          remainingAmountCents: d.remainingAmountCents,
        }),
      ];
    }
    case 'CareClaimRejected': {
      const d = event.data;
      return [
        integrationMessage(careClaimRejectedV1, {
          caseId: d.caseId,
          clientKey: d.clientKey,
          occurredAt,
          claimId: d.claimId,
          fundingRequestId: d.fundingRequestId,
          insurerId: d.insurerId,
          ...addressedTo(d.careProviderId),
          reason: d.reason,
          detail: d.detail,
        }),
      ];
    }
    default:
      return assertNever(event);
  }
}
