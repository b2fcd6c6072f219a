// BSN (burgerservicenummer): nine digits passing the elfproef. It exists only inside
// the municipality context; every other service sees the pseudonymous client key.

export type Bsn = string & { readonly __brand: 'Bsn' };

/**
 * The elfproef for BSNs: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be divisible by 11
 * (and, for a BSN, must not be 0). Eight-digit numbers are padded with a leading 0.
 */
export function passesElfproef(candidate: string): boolean {
  const digits = candidate.length === 8 ? `0${candidate}` : candidate;
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum !== 0 && sum % 11 === 0;
}

export function parseBsn(candidate: string): Bsn | undefined {
  const digits = candidate.length === 8 ? `0${candidate}` : candidate;
  return passesElfproef(digits) ? (digits as Bsn) : undefined;
}
