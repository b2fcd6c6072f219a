import { describe, expect, it } from 'vitest';
import { addressableOrganisation, audienceTopicParts, organisationTopicOf, organisationTopicPrefixOf, organisationTopicSegment } from './topics';

describe('organisation topics', () => {
  it("name one organisation's member of a declared audience topic, and read back who it is for", () => {
    const topic = organisationTopicOf('wcc.municipality.to-care-provider.v1', 'ggz-delfland');
    expect(topic).toBe('wcc.municipality.to-care-provider.ggz-delfland.v1');
    expect(audienceTopicParts(topic)).toEqual({ producer: 'municipality', audience: 'care-provider', declared: 'wcc.municipality.to-care-provider.v1', organisationId: 'ggz-delfland' });
    expect(audienceTopicParts('wcc.municipality.to-care-provider.v1')).toMatchObject({ audience: 'care-provider', organisationId: undefined });
    expect(audienceTopicParts('wcc.municipality.case-events.v1')).toBeUndefined();
  });

  it('encode any organisation id without a dot, reversibly, so one prefix never covers another organisation', () => {
    for (const id of ['Gemeente.Utrecht', 'GGZ_Delfland', 'a_b', 'Z'.repeat(64), 'ggz']) {
      const segment = organisationTopicSegment(id);
      expect(segment).toMatch(/^[a-z0-9_-]+$/);
      expect(audienceTopicParts(organisationTopicOf('wcc.insurer.to-care-provider.v1', id))?.organisationId).toBe(id);
    }
    expect(organisationTopicSegment('Gemeente.Utrecht')).toBe('_47emeente_2e_55trecht');
    // 'ggz' and 'ggz.delfland' (or 'ggz-delfland'): the shorter one's prefix ends in a dot no segment contains.
    const ggz = organisationTopicPrefixOf('wcc.municipality.to-care-provider.v1', 'ggz');
    expect(organisationTopicOf('wcc.municipality.to-care-provider.v1', 'ggz.delfland').startsWith(ggz)).toBe(false);
    expect(organisationTopicOf('wcc.municipality.to-care-provider.v1', 'ggz-delfland').startsWith(ggz)).toBe(false);
    expect(organisationTopicOf('wcc.municipality.to-care-provider.v1', 'ggz').startsWith(ggz)).toBe(true);
  });

  it('fits the longest addressable id, dead-letter twin and a namespace included, in Kafka’s 249 characters', () => {
    const longest = organisationTopicOf('wcc.employer-network.to-municipality.v1', 'Z'.repeat(64));
    expect(`t3f9a1c0-abcd${longest}.dlt`.length).toBeLessThanOrEqual(249);
  });

  it('refuses an organisation id that cannot be addressed', () => {
    for (const id of ['', 'ggz delfland', 'zorg-ä', '-ggz', 'a'.repeat(65)]) {
      expect(addressableOrganisation(id), id).toBeUndefined();
      expect(() => organisationTopicOf('wcc.municipality.to-care-provider.v1', id), id).toThrow(/cannot be addressed on the bus/);
    }
    expect(() => organisationTopicOf('wcc.municipality.case-events.v1', 'ggz-delfland')).toThrow(/not an audience topic/);
  });
});
