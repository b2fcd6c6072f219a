// The whole policy matrix: every data category × organisation type × role, for an item
// the viewer's organisation produced, one addressed to it, and one of another
// organisation with and without a covering consent. The expected ceiling is written out
// here as a table, independently of the policy's own data.
import { describe, expect, it } from 'vitest';
import { dataCategories, viewerOrganisationTypes, viewerRoles, type DataCategory, type ViewerOrganisationType, type ViewerRole } from '@wcc/contracts';
import type { ConsentRecord } from './consent';
import { decideCategory, roleCeiling, rolesWithAccess, type ItemParties } from './visibility-policy';

// id = identifying, wk = work, cs = care-summary, fi = financial, ad = administrative
const expectedCeiling: Record<string, string> = {
  'municipality/client-manager': 'id wk cs fi ad',
  'municipality/regisseur': 'id wk cs fi ad',
  'care-provider/screener': 'id wk cs ad',
  'care-provider/ips-worker': 'id wk cs fi ad',
  'insurer/contract-manager': 'id fi ad',
  'employer-network/account-manager': 'id wk fi ad',
};
const short: Record<DataCategory, string> = { identifying: 'id', work: 'wk', 'care-summary': 'cs', financial: 'fi', administrative: 'ad' };
const ceilingAllows = (type: ViewerOrganisationType, role: ViewerRole, category: DataCategory) => (expectedCeiling[`${type}/${role}`] ?? '').split(' ').includes(short[category]);

const today = '2025-06-01';
const viewerOrg = 'org-viewer';
const partnerTypes = ['municipality', 'care-provider', 'insurer', 'employer-network'] as const;

function consent(organisationTypes: readonly string[], categories: readonly DataCategory[], overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  // recipients: null is a consent to the case team of the types (and every per-type consent of before).
  return {
    consentId: 'c2d9e8f1-3b4a-4c5d-8e6f-7a8b9c0d1e2f',
    purpose: 'chain-coordination',
    organisationTypes: organisationTypes as ConsentRecord['organisationTypes'],
    dataCategories: categories,
    validFrom: '2025-01-01',
    validTo: null,
    grantedAt: '2025-01-01T09:00:00Z',
    withdrawnAt: null,
    recipients: null,
    disclosesIpsParticipation: false,
    ...overrides,
  };
}

const own: ItemParties = { producerOrganisationId: viewerOrg, addresseeOrganisationIds: [] };
const addressed: ItemParties = { producerOrganisationId: 'org-other', addresseeOrganisationIds: [viewerOrg] };
const others: ItemParties = { producerOrganisationId: 'org-other', addresseeOrganisationIds: ['org-third'] };

const combinations = viewerOrganisationTypes.flatMap((type) => viewerRoles.flatMap((role) => dataCategories.map((category) => [type, role, category] as const)));

describe('visibility policy: the full matrix', () => {
  it('covers every category × organisation type × role (200 combinations)', () => {
    expect(combinations).toHaveLength(dataCategories.length * viewerOrganisationTypes.length * viewerRoles.length);
    expect(combinations).toHaveLength(200);
  });

  it('has exactly the role ceiling the table above states', () => {
    for (const [type, role, category] of combinations) {
      expect([type, role, category, roleCeiling[type][role]?.includes(category) ?? false]).toEqual([type, role, category, ceilingAllows(type, role, category)]);
    }
  });

  describe.each(combinations)('%s / %s / %s', (type, role, category) => {
    const viewer = { userId: 'u-1', organisationId: viewerOrg, organisationType: type, role };
    const allowed = ceilingAllows(type, role, category);
    const coverable = (partnerTypes as readonly string[]).includes(type);

    it('own item: visible exactly when the role allows it', () => {
      expect(decideCategory(viewer, own, category, [], today, true)).toEqual(allowed ? { visible: true, basis: 'own', consentIds: [] } : { visible: false, reason: 'role' });
    });

    it('item addressed to the viewer: visible exactly when the role allows it', () => {
      expect(decideCategory(viewer, addressed, category, [], today, true)).toEqual(allowed ? { visible: true, basis: 'addressee', consentIds: [] } : { visible: false, reason: 'role' });
    });

    it("another organisation's item without consent: never visible", () => {
      expect(decideCategory(viewer, others, category, [], today, true)).toEqual({ visible: false, reason: allowed ? 'consent' : 'role' });
    });

    it("another organisation's item with a consent covering its organisation type and category: visible when the role allows it", () => {
      const covering = consent([type], [category]);
      const expected = !allowed ? { visible: false, reason: 'role' } : coverable ? { visible: true, basis: 'consent', consentIds: [covering.consentId] } : { visible: false, reason: 'consent' };
      expect(decideCategory(viewer, others, category, [covering], today, true)).toEqual(expected);
    });

    it('a consent for another category, another organisation type, another purpose, withdrawn or out of date covers nothing', () => {
      const otherCategories = dataCategories.filter((c) => c !== category);
      const otherTypes = partnerTypes.filter((t) => t !== type);
      const notCovering = [
        consent([type], otherCategories),
        consent(otherTypes, [category]),
        consent([type], [category], { purpose: 'research' }),
        consent([type], [category], { withdrawnAt: '2025-05-01T10:00:00Z' }),
        consent([type], [category], { validFrom: '2025-07-01' }),
        consent([type], [category], { validTo: '2025-05-31' }),
        consent([type], [category], { validFrom: null }),
      ];
      expect(decideCategory(viewer, others, category, notCovering, today, true)).toEqual({ visible: false, reason: allowed ? 'consent' : 'role' });
    });

    it('a consent to the case team of its type covers nothing for an organisation outside the case team', () => {
      expect(decideCategory(viewer, others, category, [consent([type], [category])], today, false)).toEqual({ visible: false, reason: allowed ? 'consent' : 'role' });
    });

    it("a consent naming the viewer's organisation covers it; one naming another organisation of the same type does not", () => {
      // The chain type is no partner type: no consent can name it, so even one naming its id covers nothing.
      const recipient = { organisationId: viewerOrg, organisationType: coverable ? (type as (typeof partnerTypes)[number]) : 'municipality' };
      const naming = consent([type], [category], { recipients: [recipient] });
      const namingAnother = consent([type], [category], { recipients: [{ ...recipient, organisationId: 'org-same-type-elsewhere' }] });
      const namedExpected = !allowed ? { visible: false, reason: 'role' } : coverable ? { visible: true, basis: 'consent', consentIds: [naming.consentId] } : { visible: false, reason: 'consent' };
      expect(decideCategory(viewer, others, category, [naming], today, true)).toEqual(namedExpected);
      expect(decideCategory(viewer, others, category, [namingAnother], today, true)).toEqual({ visible: false, reason: allowed ? 'consent' : 'role' });
      // A named recipient of a type the consent does not list is outside its ceiling.
      const otherType = partnerTypes.find((t) => t !== type)!;
      const outsideCeiling = consent([otherType], [category], { recipients: [recipient] });
      expect(decideCategory(viewer, others, category, [outsideCeiling], today, true)).toEqual({ visible: false, reason: allowed ? 'consent' : 'role' });
    });
  });
});

describe('visibility policy: rules that hold whatever the consent says', () => {
  const everything = consent(partnerTypes, dataCategories);

  it('an employer account manager never sees a care summary, consent or not, own or addressed', () => {
    const viewer = { userId: 'am-04', organisationId: viewerOrg, organisationType: 'employer-network' as const, role: 'account-manager' as const };
    for (const parties of [own, addressed, others]) expect(decideCategory(viewer, parties, 'care-summary', [everything], today, true)).toEqual({ visible: false, reason: 'role' });
  });

  it('users of the chain organisation type see nothing in the case view', () => {
    for (const role of viewerRoles) {
      const viewer = { userId: 'audit-1', organisationId: viewerOrg, organisationType: 'chain' as const, role };
      for (const category of dataCategories) expect(decideCategory(viewer, others, category, [everything], today, true).visible).toBe(false);
    }
  });

  it('validity is inclusive on both ends', () => {
    const viewer = { userId: 'u', organisationId: viewerOrg, organisationType: 'care-provider' as const, role: 'screener' as const };
    const window = consent(['care-provider'], ['work'], { validFrom: '2025-06-01', validTo: '2025-06-01' });
    expect(decideCategory(viewer, others, 'work', [window], '2025-06-01', true).visible).toBe(true);
    expect(decideCategory(viewer, others, 'work', [window], '2025-06-02', true).visible).toBe(false);
    expect(decideCategory(viewer, others, 'work', [window], '2025-05-31', true).visible).toBe(false);
  });

  it('names every consent relied on', () => {
    const viewer = { userId: 'u', organisationId: viewerOrg, organisationType: 'care-provider' as const, role: 'screener' as const };
    const second = consent(['care-provider'], ['work'], { consentId: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a' });
    expect(decideCategory(viewer, others, 'work', [everything, second], today, true)).toEqual({ visible: true, basis: 'consent', consentIds: [everything.consentId, second.consentId] });
  });

  it('picks the roles of a token that may see anything', () => {
    expect(rolesWithAccess('municipality', ['auditor', 'regisseur'])).toEqual(['regisseur']);
    expect(rolesWithAccess('insurer', ['screener'])).toEqual([]);
  });
});
