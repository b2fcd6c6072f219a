// The bounded contexts that publish integration events.
export const producerContexts = ['municipality', 'care-provider', 'employer-network', 'insurer', 'case-view', 'exchange-log'] as const;

export type ProducerContext = (typeof producerContexts)[number];
