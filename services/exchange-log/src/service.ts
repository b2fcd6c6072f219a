import type { ServiceDescription } from '@wcc/nest-kit';

export const exchangeLogService: ServiceDescription = {
  name: 'exchange-log',
  title: 'Exchange log (Logboek Dataverwerkingen)',
  version: '0.1.0',
  description:
    "Protocols every disclosure of a client's data to another organisation in the work-and-care chain: events delivered to partners, " +
    'case-view items shown to (or withheld from) users of other organisations, and data subject overviews. Records follow the Logboek ' +
    'Dataverwerkingen interface with the NEN 7513 extension for care data, are append-only and hash-chained, and answer who received or ' +
    'viewed what about a person, when, why and on which basis.',
};

/** `resource.attributes` of every record this service writes. */
export const recordResource = { name: 'wcc-exchange-log', version: exchangeLogService.version ?? '0.1.0' } as const;
