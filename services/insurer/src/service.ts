import type { ServiceDescription } from '@wcc/nest-kit';

export const insurerService: ServiceDescription = {
  name: 'insurer',
  title: 'Health insurer (zorgverzekeraar)',
  description:
    'Care funding per client and instrument (IPS intake sessions, DBC care products, job coaching): requests from the care provider, ' +
    "decisions by the insurer's contract manager against versioned tariffs, claims settled or rejected against the decision, and which " +
    'funded clients reached work. The insurer sees funding needs only, never a diagnosis.',
};
