import { describe, expect, it } from 'vitest';
import { parseBsn, passesElfproef } from './bsn';

describe('BSN elfproef', () => {
  it.each(['111222333', '123456782', '999999990'])('accepts %s', (bsn) => {
    expect(passesElfproef(bsn)).toBe(true);
  });
  it.each(['123456789', '111222334', '12345678a', '1234567', '000000000'])('rejects %s', (bsn) => {
    expect(passesElfproef(bsn)).toBe(false);
  });
  it('pads an eight-digit number with a leading zero', () => {
    expect(parseBsn('11222333')).toBeUndefined();
    expect(parseBsn('12345672')).toBe('012345672');
  });
});
