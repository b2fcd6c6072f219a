// Topic naming: wcc.<producer context>.<name>.v<n>. A consumer that cannot accept a
// message parks it on the topic's dead-letter twin.
//
// Two kinds of topic per producer. Its chain topic (wcc.<producer>.case-events.v1) carries
// everything it publishes, for the chain's own processors (the shared case view, the
// exchange log, the outcomes monitor), which filter per reader and consent. Its audience
// topics carry only what one partner may know, so a partner's consumers, and the broker's
// ACLs over them, never hold more than that.
//
// An audience topic is declared per partner type (wcc.<producer>.to-<partner>.v1), but what
// the producer addresses to one named organisation travels on that organisation's own
// member of it: wcc.<producer>.to-<partner>.<organisation>.v1, e.g.
// wcc.municipality.to-care-provider.ggz-delfland.v1. One principal per organisation reads
// only its own members (a prefixed ACL on wcc.<producer>.to-<partner>.<organisation>.), so
// one GGZ provider's deployment never holds a referral to another. The declared topic
// itself carries only what is addressed to every organisation of the type (see
// AudienceRoute in integration-event.ts for the one case and why).
export const topicNamePattern = /^wcc\.[a-z][a-z-]*\.[a-z][a-z-]*\.v[1-9][0-9]*$/;

export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlt`;
}

/** The partner services an audience topic can be addressed to. */
export const partnerAudiences = ['municipality', 'care-provider', 'employer-network', 'insurer'] as const;
export type PartnerAudience = (typeof partnerAudiences)[number];

export function audienceTopicOf(producer: string, audience: PartnerAudience): string {
  return `wcc.${producer}.to-${audience}.v1`;
}

/**
 * What an organisation id looks like where one is addressed on the bus (the services' HTTP
 * edges refuse any other): a letter or digit, then letters, digits, '.', '_' or '-', at most
 * 64 characters. Encoded (below), its topic and dead-letter twin stay within Kafka's 249
 * characters with room for a namespace prefix of 13.
 */
export const addressableOrganisationIdPattern = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
const addressable = new RegExp(addressableOrganisationIdPattern);

/** The id when events can be addressed to it; undefined otherwise (such an occurrence reaches the chain topic only). */
export function addressableOrganisation(organisationId: string | undefined): string | undefined {
  return organisationId !== undefined && addressable.test(organisationId) ? organisationId : undefined;
}

/**
 * An organisation id as one segment of a topic name, reversibly and without a dot, so that
 * a prefixed ACL on `…<segment>.` covers exactly that organisation's topics: lower-case
 * letters, digits and '-' stay, every other character becomes `_` and the hex of its UTF-8
 * bytes ('Gemeente.Utrecht' → '_47emeente_2e_55trecht').
 */
export function organisationTopicSegment(organisationId: string): string {
  if (addressableOrganisation(organisationId) === undefined) throw new Error(`organisation id '${organisationId}' cannot be addressed on the bus (${addressableOrganisationIdPattern})`);
  return [...organisationId].map((c) => (/[a-z0-9-]/.test(c) ? c : [...new TextEncoder().encode(c)].map((b) => `_${b.toString(16).padStart(2, '0')}`).join(''))).join('');
}

function organisationOfSegment(segment: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < segment.length;) {
    if (segment[i] === '_') {
      bytes.push(Number.parseInt(segment.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      bytes.push(segment.charCodeAt(i));
      i += 1;
    }
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

const familyPattern = /^wcc\.([a-z][a-z-]*)\.to-([a-z][a-z-]*)\.v([1-9][0-9]*)$/;
const memberPattern = /^wcc\.([a-z][a-z-]*)\.to-([a-z][a-z-]*)\.((?:[a-z0-9-]|_[0-9a-f]{2})+)\.v([1-9][0-9]*)$/;

/** The prefix every organisation member of an audience topic starts with: 'wcc.municipality.to-care-provider.'. */
export function organisationTopicsPrefixOf(audienceTopic: string): string {
  const match = familyPattern.exec(audienceTopic);
  if (!match) throw new Error(`${audienceTopic} is not an audience topic`);
  return `wcc.${match[1]!}.to-${match[2]!}.`;
}

/** The prefix of one organisation's members of an audience topic (every version and dead-letter twin). */
export function organisationTopicPrefixOf(audienceTopic: string, organisationId: string): string {
  return `${organisationTopicsPrefixOf(audienceTopic)}${organisationTopicSegment(organisationId)}.`;
}

/** The topic of `audienceTopic` that carries what is addressed to one organisation. */
export function organisationTopicOf(audienceTopic: string, organisationId: string): string {
  const version = familyPattern.exec(audienceTopic)?.[3];
  if (version === undefined) throw new Error(`${audienceTopic} is not an audience topic`);
  return `${organisationTopicPrefixOf(audienceTopic, organisationId)}v${version}`;
}

export interface AudienceTopic {
  readonly producer: string;
  readonly audience: PartnerAudience;
  /** The declared audience topic (the partner type's). */
  readonly declared: string;
  /** The organisation it is addressed to; undefined for the declared topic itself. */
  readonly organisationId: string | undefined;
}

/** What an audience topic is: to which partner type, and to which organisation; undefined for any other topic. */
export function audienceTopicParts(topic: string): AudienceTopic | undefined {
  const family = familyPattern.exec(topic);
  const member = family ? undefined : memberPattern.exec(topic);
  const [producer, audience, segment, version] = family ? [family[1], family[2], undefined, family[3]] : member ? [member[1], member[2], member[3], member[4]] : [];
  if (producer === undefined || !(partnerAudiences as readonly string[]).includes(audience ?? '')) return undefined;
  return {
    producer,
    audience: audience as PartnerAudience,
    declared: `wcc.${producer}.to-${audience!}.v${version!}`,
    organisationId: segment === undefined ? undefined : organisationOfSegment(segment),
  };
}

/** The partner type an audience topic (declared, or an organisation's) is addressed to; undefined for a chain topic. */
export function audienceOfTopic(topic: string): PartnerAudience | undefined {
  return audienceTopicParts(topic)?.audience;
}
