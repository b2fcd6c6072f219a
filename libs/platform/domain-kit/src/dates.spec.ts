import { describe, expect, it } from 'vitest';
import { dateInAmsterdam, isIsoDate } from './dates';

describe('calendar dates in the Netherlands', () => {
  it('gives the Amsterdam date of an instant, which is the next UTC day after 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(dateInAmsterdam('2026-12-07T22:59:59Z')).toBe('2026-12-07');
    expect(dateInAmsterdam('2026-12-07T23:00:00Z')).toBe('2026-12-08');
    expect(dateInAmsterdam(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(dateInAmsterdam(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
    expect(dateInAmsterdam()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('knows a real calendar date from a date-shaped string', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-1')).toBe(false);
  });
});
