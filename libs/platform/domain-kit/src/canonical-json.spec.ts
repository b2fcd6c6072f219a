import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonical serialisation', () => {
  it('does not depend on key order, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }));
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/finite/);
    expect(() => canonicalJson(() => 1)).toThrow(/not a JSON value/);
  });
});
