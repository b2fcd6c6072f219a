// The employer network's events: its answer to a referral, matching, and placements with
// their reviews and end. Each names the employer network (organisationId). Matching is
// process and goes back to the referrer; placements are work, published so the
// municipality can adjust the benefit.
import type { ReadersOf } from '../chain-event-reader';
import type { CaseFacts } from '../case-parties';
import { byEn, byNl, join, opt } from '../readable-line';
import { referralAccepted, referralDeclined, referrerOf } from './referral-answers';

const employerNetwork = (d: { readonly organisationId?: string }) => d.organisationId;
const toCaseMunicipality = (_d: unknown, facts: CaseFacts) => [facts.municipalityId];

export const employerNetworkReaders: ReadersOf<'employer-network'> = {
  'employer-network:ReferralAccepted': referralAccepted({ startsMatching: true }),
  'employer-network:ReferralDeclined': referralDeclined(),
  'employer-network:MatchingStatusChanged': {
    headline: 'administrative',
    describe: (d) => ({
      nl: join(
        `Bemiddeling naar werk${byNl(d.organisationId)}`,
        opt(d.status, (s) => `status ${s}`),
      ),
      en: join(
        `Matching${byEn(d.organisationId)}`,
        opt(d.status, (s) => `status ${s}`),
      ),
    }),
    summarise(s, d, entry) {
      const status = d.status ?? null;
      s.matching = { status, organisationId: d.organisationId ?? null, since: entry.occurredAt };
      if (status !== 'closed' && status !== 'placed') s.advanceTo('matching', { jobLoss: status === 'reopened' });
    },
    parties: { producedBy: employerNetwork, addressees: (d, facts) => [referrerOf(d, facts)] },
    team(team, d, entry) {
      if (d.status === 'closed') team.leave(d.organisationId, entry.occurredAt, 'matching-closed');
      else team.join(d.organisationId, 'employer-network', 'producer', entry.occurredAt);
    },
  },
  'employer-network:PlacementStarted': {
    headline: 'work',
    describe(d) {
      const where = [d.role, d.employerName].filter(Boolean);
      return {
        nl: join(
          `Plaatsing${d.sequence ? ` ${d.sequence}` : ''} gestart`,
          where.length ? where.join(' bij ') : undefined,
          opt(d.hoursPerWeek, (h) => `${h} uur per week`),
          d.contractType,
          opt(d.startDate, (t) => `per ${t}`),
        ),
        en: join(
          `Placement${d.sequence ? ` ${d.sequence}` : ''} started`,
          where.length ? where.join(' at ') : undefined,
          opt(d.hoursPerWeek, (h) => `${h} hours a week`),
          d.contractType,
          opt(d.startDate, (t) => `from ${t}`),
        ),
      };
    },
    summarise(s, d) {
      if (!d.placementId) return;
      const known = s.placements.get(d.placementId);
      s.placements.set(d.placementId, {
        placementId: d.placementId,
        organisationId: d.organisationId ?? null,
        sequence: d.sequence ?? null,
        employerName: d.employerName ?? null,
        role: d.role ?? null,
        contractType: d.contractType ?? null,
        hoursPerWeek: d.hoursPerWeek ?? null,
        startDate: d.startDate ?? null,
        status: known?.status ?? 'working',
        lastReviewMonth: known?.lastReviewMonth ?? null,
        stillWorking: known?.stillWorking ?? null,
        endDate: known?.endDate ?? null,
        endReason: known?.endReason ?? null,
      });
      s.advanceTo('working');
    },
    parties: { producedBy: employerNetwork, addressees: toCaseMunicipality },
  },
  'employer-network:PlacementReviewed': {
    headline: 'work',
    describe(d) {
      const working = d.stillWorking;
      return {
        nl: join(
          `Plaatsing geëvalueerd${opt(d.reviewMonth, (m) => ` na ${m} maanden`) ?? ''}`,
          working === undefined ? undefined : working ? 'werkt nog' : 'werkt niet meer',
          opt(d.hoursPerWeek, (h) => `${h} uur per week`),
        ),
        en: join(
          `Placement reviewed${opt(d.reviewMonth, (m) => ` after ${m} months`) ?? ''}`,
          working === undefined ? undefined : working ? 'still working' : 'no longer working',
          opt(d.hoursPerWeek, (h) => `${h} hours a week`),
        ),
      };
    },
    summarise(s, d) {
      const current = d.placementId ? s.placements.get(d.placementId) : undefined;
      if (!d.placementId || !current) return;
      s.placements.set(d.placementId, { ...current, lastReviewMonth: d.reviewMonth ?? null, stillWorking: d.stillWorking ?? null, hoursPerWeek: d.hoursPerWeek ?? current.hoursPerWeek });
    },
    parties: { producedBy: employerNetwork, addressees: toCaseMunicipality },
  },
  'employer-network:PlacementEnded': {
    headline: 'work',
    describe: (d) => ({
      nl: join(
        'Plaatsing beëindigd',
        opt(d.endDate, (t) => `op ${t}`),
        opt(d.reason, (r) => `reden ${r}`),
      ),
      en: join(
        'Placement ended',
        opt(d.endDate, (t) => `on ${t}`),
        opt(d.reason, (r) => `reason ${r}`),
      ),
    }),
    summarise(s, d) {
      const current = d.placementId ? s.placements.get(d.placementId) : undefined;
      if (!d.placementId || !current) return;
      s.placements.set(d.placementId, { ...current, status: 'ended', endDate: d.endDate ?? null, endReason: d.reason ?? null });
      // Job loss: back to matching once no placement is left.
      if (![...s.placements.values()].some((p) => p.status === 'working')) s.advanceTo('matching', { jobLoss: true });
    },
    parties: { producedBy: employerNetwork, addressees: toCaseMunicipality },
  },
};
