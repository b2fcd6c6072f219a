import { describe, expect, it } from 'vitest';
import { uuidV5 } from './ids';

describe('uuidV5', () => {
  it('matches the RFC 9562 test vector (DNS namespace, www.example.com)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('is stable for a name and differs between names', () => {
    expect(uuidV5('command-1:0')).toBe(uuidV5('command-1:0'));
    expect(uuidV5('command-1:0')).not.toBe(uuidV5('command-1:1'));
  });
  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(/not a UUID/);
  });
});
