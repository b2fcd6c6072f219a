import type { ServiceDescription } from '@wcc/nest-kit';

export const caseViewService: ServiceDescription = {
  name: 'case-view',
  title: 'Shared case view (MDT)',
  description:
    "One picture of a client's case across the municipality, the GGZ care provider, the health insurer and the employer network, " +
    "projected from their integration events. Every user sees what their organisation produced or was sent, and of other organisations' " +
    "data only what the client's active chain-coordination consent and their role allow; consent withdrawal hides it at once. Every view " +
    "of another organisation's data is protocolled (CaseViewed), and so is access withheld for lack of consent (CaseAccessRefused).",
};
