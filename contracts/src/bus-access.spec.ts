// The bus's need-to-know as a table: which event types each partner's deployment can
// receive at all, and on which topics. A change here is a change in who learns what, so it
// is spelled out (and mirrored in the README's "Topics per audience").
import { describe, expect, it } from 'vitest';
import { busAccessFor, busPrincipalOf, busServices, consumerGroupPrefixOf, kafkaAclsFor, partnerServices } from './bus-access';
import { integrationEvents, integrationEventsOnTopic } from './registry';
import { audienceTopicParts, chainTopics, organisationTopicsPrefixOf } from './topics';

const receivable = (service: (typeof busServices)[number], organisations: readonly string[]) =>
  [...new Set(busAccessFor(service, organisations).consumes.flatMap((topic) => integrationEventsOnTopic(topic).map((d) => `${d.producer}:${d.name}`)))].sort();

describe('busAccessFor', () => {
  it('gives each partner deployment only the events addressed to the organisations it serves, on their own topics', () => {
    expect(busAccessFor('employer-network', ['wsp-rijnmond']).consumes).toEqual(['wcc.municipality.to-employer-network.wsp-rijnmond.v1']);
    expect(receivable('employer-network', ['wsp-rijnmond'])).toEqual(['municipality:ClientReferredForMatching']);

    expect(busAccessFor('care-provider', ['ggz-delfland']).consumes).toEqual(['wcc.municipality.to-care-provider.ggz-delfland.v1', 'wcc.insurer.to-care-provider.ggz-delfland.v1']);
    expect(receivable('care-provider', ['ggz-delfland'])).toEqual([
      'insurer:CareClaimRejected',
      'insurer:CareClaimSettled',
      'insurer:CareFundingGranted',
      'insurer:CareFundingRefused',
      'municipality:ClientReferred',
    ]);

    expect(busAccessFor('municipality', ['gemeente-rotterdam']).consumes).toEqual([
      'wcc.care-provider.to-municipality.gemeente-rotterdam.v1',
      'wcc.employer-network.to-municipality.gemeente-rotterdam.v1',
    ]);
    expect(receivable('municipality', ['gemeente-rotterdam'])).toEqual([
      'care-provider:ReferralAccepted',
      'care-provider:ReferralDeclined',
      'care-provider:ScreeningAdviceSubmitted',
      'employer-network:PlacementEnded',
      'employer-network:PlacementStarted',
      'employer-network:ReferralAccepted',
      'employer-network:ReferralDeclined',
    ]);

    // ClientStartedWork/ClientLeftWork go to every insurer: the employer network cannot name the client's insurer (see the contract).
    expect(busAccessFor('insurer', ['achmea']).consumes).toEqual(['wcc.care-provider.to-insurer.achmea.v1', 'wcc.employer-network.to-insurer.v1']);
    expect(receivable('insurer', ['achmea'])).toEqual([
      'care-provider:CareClaimSubmitted',
      'care-provider:CareFundingRequested',
      'employer-network:ClientLeftWork',
      'employer-network:ClientStartedWork',
    ]);
  });

  it('gives a deployment serving two organisations both of their topics and no third', () => {
    expect(busAccessFor('care-provider', ['ggz-delfland', 'ggz-nhn']).consumes).toEqual([
      'wcc.municipality.to-care-provider.ggz-delfland.v1',
      'wcc.municipality.to-care-provider.ggz-nhn.v1',
      'wcc.insurer.to-care-provider.ggz-delfland.v1',
      'wcc.insurer.to-care-provider.ggz-nhn.v1',
    ]);
    expect(busAccessFor('care-provider', []).consumes).toEqual([]);
  });

  it('lets no partner read a chain topic; each reads only topics addressed to its type, and to its own organisations where the producer names them', () => {
    for (const service of partnerServices) {
      for (const topic of busAccessFor(service, ['org-a']).consumes) {
        const parts = audienceTopicParts(topic);
        expect(parts?.audience, `${service} reads ${topic}`).toBe(service);
        for (const definition of integrationEventsOnTopic(topic)) {
          if (definition.deliveries[service] === 'addressed-organisation') expect(parts?.organisationId, `${service} reads ${topic}`).toBe('org-a');
          else expect(definition.revealsCareInvolvement, `${definition.type} goes to every ${service}`).toBe('never');
        }
      }
    }
  });

  it('never lets the employer network receive an event that may reveal care or carries a care-summary field', () => {
    for (const topic of busAccessFor('employer-network', ['wsp-rijnmond']).consumes) {
      for (const definition of integrationEventsOnTopic(topic)) {
        expect(definition.revealsCareInvolvement).toBe('never');
        expect(Object.values(definition.categories)).not.toContain('care-summary');
      }
    }
  });

  it('lets each producer write every topic its events go on, and nothing else', () => {
    for (const definition of integrationEvents) {
      const access = busAccessFor(definition.producer);
      for (const topic of definition.topicsOf(definition.example)) {
        const parts = audienceTopicParts(topic);
        if (parts?.organisationId === undefined) expect(access.produces).toContain(topic);
        else expect(access.producesPerOrganisation).toContain(parts.declared);
      }
    }
    for (const service of busServices) {
      const writes = kafkaAclsFor(service, { organisations: ['org-a'] }).filter((acl) => acl.operation === 'WRITE' && !acl.resourceName.endsWith('.dlt'));
      const access = busAccessFor(service);
      expect(
        writes
          .filter((acl) => acl.patternType === 'LITERAL')
          .map((acl) => acl.resourceName)
          .sort(),
      ).toEqual([...access.produces].sort());
      expect(
        writes
          .filter((acl) => acl.patternType === 'PREFIXED')
          .map((acl) => acl.resourceName)
          .sort(),
      ).toEqual(access.producesPerOrganisation.map(organisationTopicsPrefixOf).sort());
    }
  });

  it("reads an organisation's topics by its own prefix only", () => {
    const reads = kafkaAclsFor('care-provider', { organisations: ['ggz'] }).filter((acl) => acl.operation === 'READ' && acl.resourceType === 'TOPIC');
    expect(reads).toEqual([
      { resourceType: 'TOPIC', resourceName: 'wcc.municipality.to-care-provider.ggz.', patternType: 'PREFIXED', operation: 'READ' },
      { resourceType: 'TOPIC', resourceName: 'wcc.insurer.to-care-provider.ggz.', patternType: 'PREFIXED', operation: 'READ' },
    ]);
    expect(busPrincipalOf('care-provider', 'ggz-delfland')).toBe('care-provider.ggz-delfland');
    expect(busPrincipalOf('case-view')).toBe('case-view');
  });

  it("gives each organisation's deployment consumer groups of its own, and the ACL for those only", () => {
    expect(consumerGroupPrefixOf('care-provider', ['ggz-nhn', 'ggz-delfland'])).toBe('care-provider.ggz-delfland.ggz-nhn.');
    expect(consumerGroupPrefixOf('care-provider', ['ggz'])).toBe('care-provider.ggz.');
    expect(consumerGroupPrefixOf('case-view')).toBe('case-view.');
    const groups = (organisations: string[]) => kafkaAclsFor('care-provider', { organisations, groupPrefix: 't1-' }).filter((acl) => acl.resourceType === 'GROUP');
    expect(groups(['ggz'])).toEqual([{ resourceType: 'GROUP', resourceName: 't1-care-provider.ggz.', patternType: 'PREFIXED', operation: 'READ' }]);
    // 'ggz' does not reach 'ggz-delfland''s groups: the prefix ends in a dot no segment holds.
    expect('t1-care-provider.ggz-delfland.municipality'.startsWith(groups(['ggz'])[0]!.resourceName)).toBe(false);
  });

  it('gives the chain processors the chain topics', () => {
    expect([...busAccessFor('exchange-log').consumes].sort()).toEqual([...chainTopics].sort());
    for (const topic of busAccessFor('case-view').consumes) expect(chainTopics).toContain(topic);
  });
});
