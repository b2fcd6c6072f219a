// One viewer's picture of the case: whole items hidden or shown, fields withheld by
// category, the summary folded from what is visible, and the protocol of what was
// disclosed and refused. Consent withdrawal hides items that were already projected.
import { describe, expect, it } from 'vitest';
import { caseScenario, entryOf, organisations } from './testing/case-scenario';
import { projectCase } from './case-projection';
import { disclosureOf, refusalOf, viewCase } from './case-view';
import { ipsJobCoachAssignedV1 } from '@wcc/contracts';
import type { Viewer } from './vocabulary';

const scenario = caseScenario();
const withdrawal = entryOf(scenario.withdrawal('2025-10-01T09:00:00Z'));
const projected = projectCase(
  scenario.caseId,
  scenario.events.map((e) => entryOf(e)),
);
const withdrawn = projectCase(scenario.caseId, [...scenario.events.map((e) => entryOf(e)), withdrawal]);
const today = '2026-01-15';

const regisseur: Viewer = { userId: 'regisseur-17', organisationId: organisations.municipality, organisationType: 'municipality', role: 'regisseur' };
const screener: Viewer = { userId: 'screener-3', organisationId: organisations.careProvider, organisationType: 'care-provider', role: 'screener' };
const accountManager: Viewer = { userId: 'am-04', organisationId: organisations.employerNetwork, organisationType: 'employer-network', role: 'account-manager' };
const contractManager: Viewer = { userId: 'cm-1', organisationId: organisations.insurer, organisationType: 'insurer', role: 'contract-manager' };
const otherInsurer: Viewer = { userId: 'cm-9', organisationId: 'achmea', organisationType: 'insurer', role: 'contract-manager' };
const ipsWorker: Viewer = { userId: 'ips-coach-17', organisationId: organisations.careProvider, organisationType: 'care-provider', role: 'ips-worker' };

const names = (view: ReturnType<typeof viewCase>) => view.visibleItems.map((i) => `${i.entry.producer}:${i.entry.name}`);

describe('viewCase', () => {
  it('shows the regisseur everything the municipality produced or was sent, and other items only as consented', () => {
    const view = viewCase(regisseur, scenario.caseId, projected.entries, projected.consents, today);
    // Consent covers municipality for identifying, administrative and work: not care summaries, not financial.
    expect(names(view)).not.toContain('care-provider:TreatmentEpisodeStarted');
    expect(names(view)).not.toContain('care-provider:CareFundingRequested');
    expect(names(view)).not.toContain('insurer:CareFundingGranted');
    // The screening advice was addressed to the referrer: the municipality sees it.
    expect(names(view)).toContain('care-provider:ScreeningAdviceSubmitted');
    expect(view.summary.screeningAdvice?.advisedRoute).toBe('ips');
    // A placement is addressed to the municipality, wage included.
    const placement = view.visibleItems.find((i) => i.entry.name === 'PlacementStarted')!;
    expect(placement.data['grossHourlyWageCents']).toBe(1416);
    expect(placement.bases).toEqual(['addressee']);
    expect(view.summary.funding).toEqual({ status: 'none', requests: [] });
    expect(view.summary.inTreatment).toBeNull();
  });

  it('never shows the employer account manager a care summary, not even a field of a visible item', () => {
    const view = viewCase(accountManager, scenario.caseId, projected.entries, projected.consents, today);
    expect(names(view)).not.toContain('care-provider:ScreeningAdviceSubmitted');
    expect(names(view)).not.toContain('care-provider:TreatmentEpisodeStarted');
    for (const item of view.visibleItems) expect(item.shownCategories).not.toContain('care-summary');
    // The referral to the employer network is shown, its route (a care summary) is not.
    const referral = view.visibleItems.find((i) => i.entry.name === 'ClientReferred' && i.entry.addresseeOrganisationIds.includes(organisations.employerNetwork))!;
    expect(referral.data['route']).toBeUndefined();
    expect(referral.data['replyDeadline']).toBe('2025-04-07');
    expect(view.summary.referrals.every((r) => r.route === null)).toBe(true);
    expect(view.summary.zrm).toBeNull();
    expect(view.summary.ladder?.latest.ladderRung).toBe(5);
  });

  it('shows an organisation of any type that takes no part in the case nothing, and records no refusal that would reveal it', () => {
    const everything = projectCase(scenario.caseId, [
      ...scenario.events.map((e) => entryOf(e)),
      // Even a consent to every type and category names only the case team.
      entryOf({
        ...scenario.events.find((e) => e.definition.name === 'ConsentGranted')!,
        id: '0e0e0e0e-0000-4000-8000-000000000001',
        data: {
          ...scenario.events.find((e) => e.definition.name === 'ConsentGranted')!.data,
          consentId: '0e0e0e0e-0000-4000-8000-000000000002',
          organisationTypes: ['municipality', 'care-provider', 'insurer', 'employer-network'],
          dataCategories: ['identifying', 'work', 'care-summary', 'financial', 'administrative'],
        },
      }),
    ]);
    const outsiders: Viewer[] = [
      otherInsurer,
      { ...regisseur, organisationId: 'gemeente-delft', userId: 'regisseur-99' },
      { ...screener, organisationId: 'ggz-noord-holland-noord', userId: 'screener-99' },
      { ...accountManager, organisationId: 'wsp-noord-holland-noord', userId: 'am-99' },
    ];
    for (const outsider of outsiders) {
      const view = viewCase(outsider, scenario.caseId, everything.entries, everything.consents, today);
      expect(view.inCaseTeam, outsider.organisationId).toBe(false);
      expect(view.visibleItems).toEqual([]);
      expect(view.summary.itemCount).toBe(0);
      expect(view.decisions.every((d) => !d.visible && d.reason === 'not-in-team')).toBe(true);
      expect(refusalOf(outsider, view.decisions)).toBeNull();
      expect(disclosureOf(outsider, view.decisions)).toBeNull();
    }
    // The members of the same case do see it.
    for (const member of [regisseur, screener, accountManager, contractManager]) expect(viewCase(member, scenario.caseId, everything.entries, everything.consents, today).inCaseTeam).toBe(true);
  });

  it('never shows the employer network an item that reveals GGZ involvement, even when a consent covers everything', () => {
    const consented = projectCase(
      scenario.caseId,
      scenario.events.map((e) =>
        entryOf(
          e.definition.name === 'ConsentGranted'
            ? {
                ...e,
                data: {
                  ...e.data,
                  organisationTypes: ['municipality', 'care-provider', 'insurer', 'employer-network'],
                  dataCategories: ['identifying', 'work', 'care-summary', 'financial', 'administrative'],
                },
              }
            : e,
        ),
      ),
    );
    const view = viewCase(accountManager, scenario.caseId, consented.entries, consented.consents, today);
    const shown = names(view);
    expect(shown.filter((n) => n.startsWith('care-provider:') || n.startsWith('insurer:'))).toEqual([]);
    const referrals = view.visibleItems.filter((i) => i.entry.name === 'ClientReferred');
    expect(referrals.map((r) => r.data['toOrganisationType'])).toEqual(['employer-network']);
    // Nor is the consent shown that names care providers: it says the client is in care.
    expect(shown).not.toContain('municipality:ConsentGranted');
    expect(view.summary.screeningAdvice).toBeNull();
    expect(view.summary.funding).toEqual({ status: 'none', requests: [] });
    expect(view.summary.inTreatment).toBeNull();
    // What it needs to match and place is there.
    expect(shown).toEqual(expect.arrayContaining(['employer-network:PlacementStarted', 'municipality:ParticipationMeasured']));
    // The municipality, with the same consent, sees the care-provider items it was sent or consented.
    expect(names(viewCase(regisseur, scenario.caseId, consented.entries, consented.consents, today))).toContain('care-provider:ScreeningAdviceSubmitted');
  });

  it('tells an employer network the client takes part in IPS only when the client chose to tell that network — and nothing more', () => {
    const coachAssigned = entryOf({
      id: '0e0e0e0e-0000-4000-8000-0000000000a3',
      definition: ipsJobCoachAssignedV1,
      data: { ...ipsJobCoachAssignedV1.example, caseId: scenario.caseId, clientKey: scenario.clientKey, occurredAt: '2025-04-01T09:00:00Z', organisationId: organisations.careProvider },
    });
    const withIpsDisclosure = (recipient: string | undefined) =>
      projectCase(scenario.caseId, [
        ...scenario.events.map((e) => entryOf(e)),
        coachAssigned,
        ...(recipient === undefined
          ? []
          : [
              entryOf({
                ...scenario.events.find((e) => e.definition.name === 'ConsentGranted')!,
                id: '0e0e0e0e-0000-4000-8000-0000000000a1',
                data: {
                  ...scenario.events.find((e) => e.definition.name === 'ConsentGranted')!.data,
                  consentId: '0e0e0e0e-0000-4000-8000-0000000000a2',
                  organisationTypes: ['employer-network'],
                  dataCategories: ['administrative'],
                  recipients: [{ organisationId: recipient, organisationType: 'employer-network' }],
                  disclosesIpsParticipation: true,
                },
              }),
            ]),
      ]);
    const unchosen = withIpsDisclosure(undefined);
    expect(names(viewCase(accountManager, scenario.caseId, unchosen.entries, unchosen.consents, today)), 'without the client choosing it').not.toContain('care-provider:IpsJobCoachAssigned');

    const chosen = withIpsDisclosure(organisations.employerNetwork);
    const view = viewCase(accountManager, scenario.caseId, chosen.entries, chosen.consents, today);
    const ips = view.visibleItems.filter((i) => i.entry.name === 'IpsJobCoachAssigned');
    expect(ips).toHaveLength(1);
    expect(ips[0]).toMatchObject({ disclosedAs: 'ips-participation', bases: ['consent'], consentIds: ['0e0e0e0e-0000-4000-8000-0000000000a2'], shownCategories: ['administrative'] });
    // Only where and when the item sits: no job coach, no provider.
    expect(Object.keys(ips[0]!.data).sort()).toEqual(['caseId', 'occurredAt']);
    expect(view.summary.ips).toEqual({ jobCoachId: null, organisationId: null, intakeSessionsHeld: 0 });
    // Nothing else of care comes with it.
    expect(names(view).filter((n) => n.startsWith('care-provider:') && n !== 'care-provider:IpsJobCoachAssigned')).toEqual([]);
    expect(view.summary.screeningAdvice).toBeNull();

    // A choice for another employer network tells this one nothing.
    const elsewhere = withIpsDisclosure('wsp-noord-holland-noord');
    expect(names(viewCase(accountManager, scenario.caseId, elsewhere.entries, elsewhere.consents, today))).not.toContain('care-provider:IpsJobCoachAssigned');
  });

  it('a consent that names organisations covers those and no other member of the team', () => {
    const named = projectCase(
      scenario.caseId,
      scenario.events.map((e) =>
        entryOf(e.definition.name === 'ConsentGranted' ? { ...e, data: { ...e.data, recipients: [{ organisationId: organisations.careProvider, organisationType: 'care-provider' }] } } : e),
      ),
    );
    // The care provider is named: it sees the ladder by consent.
    expect(names(viewCase(screener, scenario.caseId, named.entries, named.consents, today))).toContain('municipality:ParticipationMeasured');
    // The employer network, of a listed type and in the team, is not named: no ladder.
    expect(names(viewCase(accountManager, scenario.caseId, named.entries, named.consents, today))).not.toContain('municipality:ParticipationMeasured');
  });

  it('shows the insurer its own decision and the request addressed to it, nothing more without consent', () => {
    const view = viewCase(contractManager, scenario.caseId, projected.entries, projected.consents, today);
    expect(names(view)).toEqual(['care-provider:CareFundingRequested', 'insurer:CareFundingGranted']);
    expect(view.summary.funding.status).toBe('granted');
    expect(view.summary.clientKey).toBe(scenario.clientKey);
  });

  it('hides at once, after withdrawal, what was shown by consent; own and addressed items stay', () => {
    const before = viewCase(screener, scenario.caseId, projected.entries, projected.consents, today);
    expect(names(before)).toContain('municipality:ParticipationMeasured');
    expect(names(before)).toContain('employer-network:PlacementStarted');
    expect(before.summary.ladder?.latest.ladderRung).toBe(5);

    const after = viewCase(screener, scenario.caseId, withdrawn.entries, withdrawn.consents, today);
    expect(names(after)).not.toContain('municipality:ParticipationMeasured');
    expect(names(after)).not.toContain('employer-network:PlacementStarted');
    expect(after.summary.ladder).toBeNull();
    expect(after.summary.placements).toEqual([]);
    // What the care provider produced, and the referral to it, remain.
    expect(names(after)).toEqual(expect.arrayContaining(['care-provider:ScreeningAdviceSubmitted', 'municipality:ClientReferred']));
    expect(after.visibleItems.every((i) => i.bases.every((b) => b !== 'consent'))).toBe(true);
  });

  it('treats a consent before its validity like none', () => {
    const early = viewCase(screener, scenario.caseId, projected.entries, projected.consents, '2025-03-02');
    expect(names(early)).not.toContain('municipality:ParticipationMeasured');
  });

  it('withholds single fields by category and says which categories', () => {
    // The care provider sees the ClientRegistered item by consent, but not the benefit (financial).
    const view = viewCase(screener, scenario.caseId, projected.entries, projected.consents, today);
    const registered = view.visibleItems.find((i) => i.entry.name === 'ClientRegistered')!;
    expect(registered.data).toMatchObject({ municipalityId: organisations.municipality, education: 'low', birthYear: 1990 });
    expect(registered.data['benefitMonthlyAmountCents']).toBeUndefined();
    // The screener's role never sees financial data: withheld for the role, not refused for consent.
    expect(registered.withheldForRole).toEqual(['financial']);
    expect(registered.withheldForConsent).toEqual([]);
    // The IPS worker's role may, but the consent does not cover financial data.
    const ips = viewCase(ipsWorker, scenario.caseId, projected.entries, projected.consents, today).visibleItems.find((i) => i.entry.name === 'ClientRegistered')!;
    expect(ips.withheldForRole).toEqual([]);
    expect(ips.withheldForConsent).toEqual(['financial']);
    expect(ips.data['benefitType']).toBeUndefined();
  });
});

describe('the protocol of a view', () => {
  it("records the other organisations' data shown, whose, and on which consent", () => {
    const view = viewCase(screener, scenario.caseId, projected.entries, projected.consents, today);
    expect(disclosureOf(screener, view.decisions)).toEqual({
      // The referral addressed to the care provider shows its route, a care summary.
      dataCategoriesShown: ['care-summary', 'identifying', 'work', 'administrative'],
      producingOrganisationIds: [organisations.municipality, organisations.employerNetwork],
      consentIds: [scenario.consentId],
      itemsShown: view.visibleItems.filter((i) => i.entry.producerOrganisationId !== organisations.careProvider).length,
    });
  });

  it('records nothing when the viewer saw only their own organisation’s data', () => {
    const view = viewCase(contractManager, scenario.caseId, projected.entries, projected.consents, today);
    const ownOnly = view.decisions.filter((d) => d.entry.producerOrganisationId === organisations.insurer);
    expect(disclosureOf(contractManager, ownOnly)).toBeNull();
    // The request addressed to it is another organisation's data, relied on without consent.
    expect(disclosureOf(contractManager, view.decisions)).toEqual({
      dataCategoriesShown: ['financial', 'identifying', 'administrative'],
      producingOrganisationIds: [organisations.careProvider],
      consentIds: [],
      itemsShown: 1,
    });
  });

  it('records what was withheld for lack of consent, not what the role may never see', () => {
    const view = viewCase(accountManager, scenario.caseId, projected.entries, projected.consents, today);
    const refusal = refusalOf(accountManager, view.decisions)!;
    // The municipality's financial items (the benefit). The care provider's and insurer's items reveal
    // care: the employer network's limit, not consent's, so they are no refusal; nor are care summaries.
    expect(refusal.refusedDataCategories).toEqual(['financial']);
    expect(refusal.producingOrganisationIds).toEqual([organisations.municipality]);
    expect(refusal.refusedDataCategories).not.toContain('care-summary');
  });
});
