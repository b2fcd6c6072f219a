// The insurer's events: its decision on a care-funding request and on each claim. Each
// names the insurer (insurerId) and goes back to the care provider that asked for the
// funding. Everything it says is about funding, and reveals care involvement.
import type { ReadersOf, ViewedData } from '../chain-event-reader';
import type { CaseFacts } from '../case-parties';
import type { FundingSummary, SummaryFold } from '../case-summary';
import { byEn, byNl, euroEn, euroNl, join, opt } from '../readable-line';

type Decision = 'insurer:CareFundingGranted' | 'insurer:CareFundingRefused';

const parties = {
  producedBy: (d: { readonly insurerId?: string }) => d.insurerId,
  addressees: (d: { readonly fundingRequestId?: string }, facts: CaseFacts) => [d.fundingRequestId ? facts.fundingRequesters.get(d.fundingRequestId) : undefined],
};

/** A decision on a request; the request's own details stay as the care provider stated them. */
function foldDecision(s: SummaryFold, d: ViewedData<Decision>, outcome: Pick<FundingSummary, 'decision' | 'grantedUnits' | 'grantedAmountCents' | 'refusalReasonCode'>) {
  if (!d.fundingRequestId) return;
  const current = s.request(d.fundingRequestId);
  s.funding.set(d.fundingRequestId, { ...current, insurerId: current.insurerId ?? d.insurerId ?? null, instrument: current.instrument ?? d.instrument ?? null, ...outcome });
}

export const insurerReaders: ReadersOf<'insurer'> = {
  'insurer:CareFundingGranted': {
    headline: 'financial',
    describe(d) {
      const amount = d.grantedAmountCents;
      return {
        nl: join(
          `Zorgfinanciering toegekend${byNl(d.insurerId)}`,
          d.instrument,
          opt(d.grantedUnits, (u) => `${u} eenheden`),
          amount === undefined ? undefined : euroNl(amount),
        ),
        en: join(
          `Care funding granted${byEn(d.insurerId)}`,
          d.instrument,
          opt(d.grantedUnits, (u) => `${u} units`),
          amount === undefined ? undefined : euroEn(amount),
        ),
      };
    },
    summarise: (s, d) => foldDecision(s, d, { decision: 'granted', grantedUnits: d.grantedUnits ?? null, grantedAmountCents: d.grantedAmountCents ?? null, refusalReasonCode: null }),
    parties,
  },
  'insurer:CareFundingRefused': {
    headline: 'financial',
    describe: (d) => ({
      nl: join(
        `Zorgfinanciering geweigerd${byNl(d.insurerId)}`,
        d.instrument,
        opt(d.reasonCode, (r) => `reden ${r}`),
      ),
      en: join(
        `Care funding refused${byEn(d.insurerId)}`,
        d.instrument,
        opt(d.reasonCode, (r) => `reason ${r}`),
      ),
    }),
    summarise: (s, d) => foldDecision(s, d, { decision: 'refused', grantedUnits: null, grantedAmountCents: null, refusalReasonCode: d.reasonCode ?? null }),
    parties,
  },
  'insurer:CareClaimSettled': {
    headline: 'financial',
    describe(d) {
      const amount = d.amountCents;
      return {
        nl: join(
          'Zorgdeclaratie uitbetaald',
          amount === undefined ? undefined : euroNl(amount),
          opt(d.settledOn, (t) => `op ${t}`),
        ),
        en: join(
          'Care claim settled',
          amount === undefined ? undefined : euroEn(amount),
          opt(d.settledOn, (t) => `on ${t}`),
        ),
      };
    },
    summarise(s, d) {
      if (d.claimId) s.updateClaim(d.fundingRequestId, d.claimId, (c) => ({ ...c, status: 'settled', settledAmountCents: d.amountCents ?? null }));
    },
    parties,
  },
  'insurer:CareClaimRejected': {
    headline: 'financial',
    describe: (d) => ({
      nl: join(
        'Zorgdeclaratie afgewezen',
        opt(d.reason, (r) => `reden ${r}`),
      ),
      en: join(
        'Care claim rejected',
        opt(d.reason, (r) => `reason ${r}`),
      ),
    }),
    summarise(s, d) {
      if (d.claimId) s.updateClaim(d.fundingRequestId, d.claimId, (c) => ({ ...c, status: 'rejected', rejectionReason: d.reason ?? null }));
    },
    parties,
  },
};
