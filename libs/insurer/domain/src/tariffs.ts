// Tariffs are versioned reference data: a grant is checked against the version valid
// on the first day of its period, and records which one it used, so a later price
// change never rewrites an earlier decision. Figures from report 002 §5.1.4.

/** What an insurer funds for work-oriented care (report 002 §3.3.2). */
export const FUNDED_INSTRUMENTS = ['ips-intake', 'dbc-care-product', 'job-coaching'] as const;
export type FundedInstrument = (typeof FUNDED_INSTRUMENTS)[number];

export interface Tariff {
  readonly instrument: FundedInstrument;
  /** What one unit is: an intake session, an hour of coaching, a care product. */
  readonly unit: 'session' | 'hour' | 'care-product';
  /** Price per unit in euro cents; absent when the price is agreed per product in the contract. */
  readonly unitPriceCents?: number;
  /** Most units one grant may fund. */
  readonly maxUnits: number;
  /** Most one grant may fund, in euro cents; absent when units × price is the limit. */
  readonly maxAmountCents?: number;
}

export interface TariffTable {
  readonly version: string;
  /** First day (ISO date) this version applies to. */
  readonly validFrom: string;
  readonly tariffs: Readonly<Record<FundedInstrument, Tariff>>;
}

export const TARIFF_TABLES: readonly TariffTable[] = [
  {
    version: '2015',
    validFrom: '2015-01-01',
    tariffs: {
      // The IPS intake phase: the first 8 conversations at €92, €736 per client.
      'ips-intake': { instrument: 'ips-intake', unit: 'session', unitPriceCents: 9_200, maxUnits: 8 },
      // A job coach costs about €92 an hour; at most 15% of contract hours in the first
      // year, i.e. 312 hours for a 40-hour week.
      'job-coaching': { instrument: 'job-coaching', unit: 'hour', unitPriceCents: 9_200, maxUnits: 312 },
      // A DBC care product is priced in the insurer's contract with the provider; one
      // product per grant, capped at the highest GGZ product band we accept.
      'dbc-care-product': { instrument: 'dbc-care-product', unit: 'care-product', maxUnits: 1, maxAmountCents: 2_000_000 },
    },
  },
];

/** The tariff of an instrument valid on `date` (ISO date), or undefined before the first version. */
export function tariffOn(instrument: FundedInstrument, date: string, tables: readonly TariffTable[] = TARIFF_TABLES): { version: string; tariff: Tariff } | undefined {
  const table = [...tables].filter((t) => t.validFrom <= date).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  return table ? { version: table.version, tariff: table.tariffs[instrument] } : undefined;
}

/** The most a grant of `units` may be for under `tariff`. */
export function maxAmountFor(tariff: Tariff, units: number): number | undefined {
  const byPrice = tariff.unitPriceCents === undefined ? undefined : tariff.unitPriceCents * units;
  if (byPrice === undefined) return tariff.maxAmountCents;
  return tariff.maxAmountCents === undefined ? byPrice : Math.min(byPrice, tariff.maxAmountCents);
}
