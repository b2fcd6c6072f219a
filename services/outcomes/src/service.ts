import type { ServiceDescription } from '@wcc/nest-kit';

export const outcomesService: ServiceDescription = {
  name: 'outcomes',
  title: 'Outcomes monitor and MKBA',
  version: '0.1.0',
  description:
    'The client monitor of report 002, live from the chain: flow and outflow (both definitions of report 000 §2.3), dropout by phase and reason, ' +
    'Kaplan–Meier time to paid work, durability, ladder and ZRM movement, the effect indicator (observed ÷ expected) and the social cost-benefit ' +
    'analysis per stakeholder, plus the reports’ Tables 9–12 reproduced from their own inputs and the consistency findings. Aggregates only, for ' +
    'chain coordinators and policy analysts; cells of fewer than 5 clients are withheld. Pseudonymous trajectories; never a BSN, name or diagnosis.',
};
