// Burgerservicenummers for the demo: nine digits passing the elfproef, all in the
// 9999… range the RvIG uses for test persons, so no demo client can be a real person.

export function passesElfproef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum !== 0 && sum % 11 === 0;
}

/** The BSN completing eight digits, or undefined when the check digit would be 10. */
export function completeBsn(firstEight: string): string | undefined {
  if (!/^\d{8}$/.test(firstEight)) throw new Error('eight digits expected');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(firstEight[i]) * (9 - i);
  const check = sum % 11;
  return check === 10 ? undefined : `${firstEight}${check}`;
}

/** A test BSN 9999xxxxC not in `used` (and then added to it), drawn from `nextDigit`. */
export function testBsn(nextDigit: () => number, used: Set<string>): string {
  for (;;) {
    const middle = Array.from({ length: 4 }, () => String(nextDigit() % 10)).join('');
    const bsn = completeBsn(`9999${middle}`);
    if (bsn !== undefined && passesElfproef(bsn) && !used.has(bsn)) {
      used.add(bsn);
      return bsn;
    }
  }
}
