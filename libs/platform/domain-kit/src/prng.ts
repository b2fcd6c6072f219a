// A small seeded pseudo-random generator, so generated data (the demo data set, test
// cohorts) is the same on every machine and every run: mulberry32, seeded by a number
// or by a string through FNV-1a.

export interface Prng {
  /** A float in [0, 1). */
  readonly next: () => number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A new array in a seeded random order. */
  shuffle<T>(items: readonly T[]): T[];
  /** A value around `mean`, roughly normal (sum of uniforms), clamped to [min, max]. */
  around(mean: number, spread: number, min: number, max: number): number;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function prng(seed: string | number): Prng {
  let state = typeof seed === 'number' ? seed >>> 0 : fnv1a(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
    around: (mean, spread, min, max) => {
      const normalish = (next() + next() + next() - 1.5) / 1.5; // −1 … 1, peaked at 0
      return Math.min(max, Math.max(min, Math.round(mean + normalish * spread)));
    },
  };
}

/**
 * Exactly `n` values distributed over `shares` by largest remainder, in a seeded order:
 * with 10 clients and 28% women that is 3 women, not "whatever the dice say".
 */
export function allocate<T extends string>(random: Prng, n: number, shares: Readonly<Record<T, number>>): T[] {
  const entries = Object.entries(shares) as [T, number][];
  const total = entries.reduce((sum, [, share]) => sum + share, 0);
  const exact = entries.map(([value, share]) => ({ value, exact: (share / total) * n }));
  const counts = exact.map((e) => ({ value: e.value, count: Math.floor(e.exact), remainder: e.exact - Math.floor(e.exact) }));
  let missing = n - counts.reduce((sum, c) => sum + c.count, 0);
  for (const c of [...counts].sort((a, b) => b.remainder - a.remainder)) {
    if (missing-- <= 0) break;
    c.count++;
  }
  return random.shuffle(counts.flatMap((c) => Array.from({ length: c.count }, () => c.value)));
}
