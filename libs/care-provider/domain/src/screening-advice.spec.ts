import { describe, expect, it } from 'vitest';
import { isAdvisedRoute, isValidWorkCapacity } from './screening-advice';

describe('screening advice code lists', () => {
  it('knows the four advised routes and nothing else', () => {
    expect(['ips', 'reintegration', 'care-first', 'not-now'].every(isAdvisedRoute)).toBe(true);
    expect(isAdvisedRoute('diagnosis')).toBe(false);
  });
  it('accepts work capacity in half hours from 0 to 40', () => {
    expect([0, 12.5, 40].map(isValidWorkCapacity)).toEqual([true, true, true]);
    expect([-1, 40.5, 12.3, Number.NaN].map(isValidWorkCapacity)).toEqual([false, false, false, false]);
  });
});
