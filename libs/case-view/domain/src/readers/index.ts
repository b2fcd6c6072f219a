// Every chain event's reader, in one map the compiler checks against the contracts
// registry: one entry per event a partner publishes on its chain topic, none missing,
// none unknown. Grouped by producing organisation (one file each), because an
// organisation's events share how they name their producer and read together: a
// referral's answer next to its screening, a benefit's adjustment next to its end.
import type { EventData } from '../case-entry';
import type { ChainEventKey, ChainEventReader, ChainEventReaders, ViewedData } from '../chain-event-reader';
import { careProviderReaders } from './care-provider.readers';
import { employerNetworkReaders } from './employer-network.readers';
import { insurerReaders } from './insurer.readers';
import { municipalityReaders } from './municipality.readers';

export const chainEventReaders: ChainEventReaders = { ...municipalityReaders, ...careProviderReaders, ...insurerReaders, ...employerNetworkReaders };

/**
 * The reader of an item, with its data as that reader types it. The one place the data is
 * trusted to be its contract's: the consumer validated it against that contract before it
 * became an item (a viewer's copy only lacks fields). Undefined for an event no reader
 * knows (a newer contract than this build).
 */
export function readItem(
  entry: { readonly producer: string; readonly name: string },
  data: EventData,
): { readonly reader: ChainEventReader<ChainEventKey>; readonly d: ViewedData<ChainEventKey> } | undefined {
  const key = `${entry.producer}:${entry.name}`;
  if (!Object.hasOwn(chainEventReaders, key)) return undefined;
  return { reader: chainEventReaders[key as ChainEventKey], d: data as ViewedData<ChainEventKey> };
}
