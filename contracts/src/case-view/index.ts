import { caseAccessRefusedV1, caseViewedV1 } from './case-viewed';

export * from './case-viewed';
export * from './topics';

export const caseViewEvents = [caseViewedV1, caseAccessRefusedV1] as const;
