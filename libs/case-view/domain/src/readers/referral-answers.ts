// A referral's answer reads the same whether a care provider or the employer network
// gives it: it goes back to the referrer, it settles the referral in the summary, and the
// answering organisation joins the team (accepted) or leaves it (declined).
import type { ChainEventReader } from '../chain-event-reader';
import type { CaseFacts } from '../case-parties';
import { byEn, byNl, join, opt } from '../readable-line';

type Accepted = 'care-provider:ReferralAccepted' | 'employer-network:ReferralAccepted';
type Declined = 'care-provider:ReferralDeclined' | 'employer-network:ReferralDeclined';

/** The organisation that made the referral an answer or its follow-up refers to. */
export const referrerOf = (d: { readonly referralId?: string }, facts: CaseFacts) => (d.referralId ? facts.referrers.get(d.referralId) : undefined);

export function referralAccepted(options: { readonly startsMatching: boolean }): ChainEventReader<Accepted> {
  return {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        `Verwijzing geaccepteerd${byNl(d.organisationId)}`,
        opt(d.plannedStart, (t) => `start ${t}`),
      ),
      en: join(
        `Referral accepted${byEn(d.organisationId)}`,
        opt(d.plannedStart, (t) => `starting ${t}`),
      ),
    }),
    summarise(s, d, entry) {
      if (!d.referralId) return;
      s.referrals.set(d.referralId, {
        ...s.referral(d.referralId),
        status: 'accepted',
        answeredAt: entry.occurredAt,
        answeredBy: d.organisationId ?? null,
        declineReasonCode: null,
        declineReason: null,
      });
      if (options.startsMatching) s.advanceTo('matching');
    },
    parties: { producedBy: (d) => d.organisationId, addressees: (d, facts) => [referrerOf(d, facts)] },
    team: (team, d, entry) => team.accept(d.organisationId, entry.producer, entry.occurredAt),
  };
}

export function referralDeclined(): ChainEventReader<Declined> {
  return {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        `Verwijzing afgewezen${byNl(d.organisationId)}`,
        opt(d.reasonCode, (r) => `reden ${r}`),
      ),
      en: join(
        `Referral declined${byEn(d.organisationId)}`,
        opt(d.reasonCode, (r) => `reason ${r}`),
      ),
    }),
    summarise(s, d, entry) {
      if (!d.referralId) return;
      s.referrals.set(d.referralId, {
        ...s.referral(d.referralId),
        status: 'declined',
        answeredAt: entry.occurredAt,
        answeredBy: d.organisationId ?? null,
        declineReasonCode: d.reasonCode ?? null,
        declineReason: d.reason ?? null,
      });
    },
    parties: { producedBy: (d) => d.organisationId, addressees: (d, facts) => [referrerOf(d, facts)] },
    team: (team, d, entry) => team.leave(d.organisationId ?? (d.referralId ? team.referralTo.get(d.referralId) : undefined), entry.occurredAt, 'referral-declined'),
  };
}
