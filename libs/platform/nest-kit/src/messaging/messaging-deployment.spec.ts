import { describe, expect, it } from 'vitest';
import { topics } from '@wcc/contracts';
import { messagingDeploymentOf } from './messaging.module';
import { servedOrganisations } from './served-organisations';

const handler = class {} as never;

describe('a deployment reads what is addressed to the organisations it serves', () => {
  it("turns a declared audience topic into the served organisations' own topics", () => {
    const deployment = messagingDeploymentOf({
      service: 'care-provider',
      organisations: () => ['ggz-delfland', 'ggz-nhn'],
      consumers: [{ name: 'municipality', topics: [topics.municipalityToCareProvider], handler }],
    });
    expect(deployment.consumers).toEqual([{ name: 'municipality', topics: ['wcc.municipality.to-care-provider.ggz-delfland.v1', 'wcc.municipality.to-care-provider.ggz-nhn.v1'] }]);
  });

  it('keeps a topic every organisation of the type reads as it is', () => {
    const deployment = messagingDeploymentOf({ service: 'insurer', organisations: () => ['achmea'], consumers: [{ name: 'employer-network', topics: [topics.employerNetworkToInsurer], handler }] });
    expect(deployment.consumers[0]?.topics).toEqual(['wcc.employer-network.to-insurer.v1']);
  });

  it('refuses at start-up a subscription outside its bus access', () => {
    expect(() =>
      messagingDeploymentOf({ service: 'employer-network', organisations: () => ['wsp-rijnmond'], consumers: [{ name: 'peek', topics: [topics.municipalityCaseEvents], handler }] }),
    ).toThrow(/employer-network may not consume wcc.municipality.case-events.v1: not in its bus access/);
    expect(() =>
      messagingDeploymentOf({ service: 'care-provider', organisations: () => ['ggz-delfland'], consumers: [{ name: 'peek', topics: ['wcc.municipality.to-care-provider.ggz-nhn.v1'], handler }] }),
    ).toThrow(/care-provider may not consume wcc.municipality.to-care-provider.ggz-nhn.v1/);
  });
});

describe('servedOrganisations', () => {
  it('reads the comma-separated list, or the development default when it is unset or empty', () => {
    expect(servedOrganisations('X_IDS', ['a'], { X_IDS: ' b, c ,,b' })).toEqual(['b', 'c']);
    expect(servedOrganisations('X_IDS', ['a'], { X_IDS: '' })).toEqual(['a']);
    expect(servedOrganisations('X_IDS', ['a'], {})).toEqual(['a']);
  });
});
