// One typed description per integration event the case view reads: the category its
// occurrence reveals, its readable line, its step in the case summary, the parties it
// names, how it changes the case team and, where its contract says the data decides,
// whether it reveals care involvement. The readers are collected in one map with an
// entry for every partner event on a chain topic (readers/index.ts), so a contract
// without a reader does not compile, and every reader gets its event's data typed by
// the contract's schema.
import type { ChainTopicEventKey, IntegrationEventData } from '@wcc/contracts';
import type { CaseEntry, ResolvedEntry } from './case-entry';
import type { CareFacts, CareFactsLearned } from './care-involvement';
import type { CaseFacts, CaseFactsLearned } from './case-parties';
import type { SummaryFold } from './case-summary';
import type { TeamChanges } from './case-team';
import type { ReadableLine } from './readable-line';
import type { DataCategory, PartnerOrganisationType } from './vocabulary';

/** Every event the four partner organisations publish on their chain topics (the case view's own records excluded). */
export type ChainEventKey = Extract<ChainTopicEventKey, `${PartnerOrganisationType}:${string}`>;

/**
 * The data as a reader gets it: validated against its contract at the edge, but a viewer's
 * copy lacks every field that viewer may not see, so each field may be absent.
 */
export type ViewedData<K extends ChainEventKey> = K extends unknown ? { readonly [F in keyof IntegrationEventData<K>]?: IntegrationEventData<K>[F] } : never;

/** Who produced an item and to whom it was addressed, resolved against what the rest of the case says. */
export interface PartiesReader<K extends ChainEventKey> {
  /** The organisation that produced it. */
  producedBy(d: ViewedData<K>, facts: CaseFacts): string | null | undefined;
  /** The organisations it was addressed to; absent: none besides its producer. */
  addressees?(d: ViewedData<K>, facts: CaseFacts): readonly (string | null | undefined)[];
  /** What it says about the case that resolves other items' parties (the case's municipality, who referred, who asked for funding, who owns an action). */
  learn?(facts: CaseFactsLearned, d: ViewedData<K>): void;
}

/** For a contract that declares its care involvement 'depends-on-data': how the data decides. */
export interface CareReader<K extends ChainEventKey> {
  reveals(d: ViewedData<K>, facts: CareFacts): boolean;
  /** What it says about care at the table that decides other items (a care provider at an MDT review, owning an action). */
  learn?(facts: CareFactsLearned, d: ViewedData<K>): void;
}

export interface ChainEventReader<K extends ChainEventKey> {
  /**
   * The category its mere occurrence reveals: a referral's reply deadline is administrative,
   * but "a treatment episode started" is health data whatever its fields are categorised as.
   */
  readonly headline: DataCategory;
  /** Its line in the timeline, in Dutch and English, from the fields of its headline category and administrative ones only. */
  describe(d: ViewedData<K>): ReadableLine;
  /** Its step in the fold of the case summary; absent: it does not change the summary. */
  summarise?(summary: SummaryFold, d: ViewedData<K>, entry: CaseEntry): void;
  readonly parties: PartiesReader<K>;
  /** How it changes the case team; absent: whoever produced it takes part from then on (a municipality item changes nothing). */
  team?(team: TeamChanges, d: ViewedData<K>, entry: ResolvedEntry): void;
  readonly care?: CareReader<K>;
}

/** Exactly one reader per chain event: the compiler refuses a missing or an unknown one. */
export type ChainEventReaders = { readonly [K in ChainEventKey]: ChainEventReader<K> };

/** The readers of one producing organisation's events. */
export type ReadersOf<P extends PartnerOrganisationType> = { readonly [K in Extract<ChainEventKey, `${P}:${string}`>]: ChainEventReader<K> };

/** The item's data typed as the event `key`'s, when it is that event. */
export function dataIf<K extends ChainEventKey>(entry: Pick<CaseEntry, 'producer' | 'name' | 'data'>, key: K): ViewedData<K> | undefined {
  return `${entry.producer}:${entry.name}` === key ? (entry.data as ViewedData<K>) : undefined;
}
