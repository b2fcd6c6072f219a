import { describe, expect, it } from 'vitest';
import { careWordsIn } from '@wcc/contracts';
import { completeBsn, passesElfproef } from './bsn';
import { addDays, buildDemoPlan, PAID_WORK_OUTCOMES, stepId, type ClientPlan, type ProjectId, type Step } from './dataset';
import { allocate, prng } from '@wcc/domain-kit';

const TODAY = '2026-03-16';
const plan = buildDemoPlan(TODAY);
const of = (project: ProjectId) => plan.clients.filter((c) => c.project === project);
const stepsOf = <K extends Step['kind']>(client: ClientPlan, kind: K) => client.steps.filter((s): s is Extract<Step, { kind: K }> => s.kind === kind);
const paidWorkShare = (project: ProjectId) => of(project).filter((c) => PAID_WORK_OUTCOMES.includes(c.outcome)).length / of(project).length;

describe('the demo plan', () => {
  it('is the same for the same seed and day, and different for another seed', () => {
    expect(buildDemoPlan(TODAY)).toEqual(plan);
    expect(buildDemoPlan(TODAY, 'another-seed').clients.map((c) => c.profile.bsn)).not.toEqual(plan.clients.map((c) => c.profile.bsn));
  });

  it('keeps who the clients are on another day (so a rerun tomorrow registers nobody new)', () => {
    const tomorrow = buildDemoPlan(addDays(TODAY, 40));
    expect(tomorrow.clients.map((c) => [c.slug, c.profile.bsn, c.profile.name, c.outcome])).toEqual(plan.clients.map((c) => [c.slug, c.profile.bsn, c.profile.name, c.outcome]));
  });

  it('has about 30 clients in three projects under two municipalities', () => {
    expect(plan.clients).toHaveLength(30);
    expect(of('vip-amsterdam')).toHaveLength(10);
    expect(of('ips-nhn')).toHaveLength(6);
    expect(of('exit-rotterdam')).toHaveLength(14);
    expect(new Set(plan.clients.map((c) => c.municipalityId))).toEqual(new Set(['gemeente-amsterdam', 'gemeente-rotterdam']));
    expect(of('ips-nhn').every((c) => c.municipalityId === 'gemeente-amsterdam' && c.careProvider.organisationId === 'ggz-nhn')).toBe(true);
  });

  it('gives every client a distinct BSN that passes the elfproef, in the 9999 test range', () => {
    const bsns = plan.clients.map((c) => c.profile.bsn);
    expect(new Set(bsns).size).toBe(bsns.length);
    for (const bsn of bsns) {
      expect(passesElfproef(bsn)).toBe(true);
      expect(bsn.startsWith('9999')).toBe(true);
    }
  });

  it('reaches paid work about as often as the report: VIP 29%, IPS NHN 17%, ExIT 6%', () => {
    expect(paidWorkShare('vip-amsterdam')).toBeCloseTo(0.29, 1);
    expect(paidWorkShare('ips-nhn')).toBeCloseTo(0.17, 1);
    expect(paidWorkShare('exit-rotterdam')).toBeCloseTo(0.06, 1);
  });

  it('follows Table 1: ExIT all on bijstand, VIP younger, IPS NHN mostly men', () => {
    expect(of('exit-rotterdam').every((c) => c.profile.benefitType === 'wwb')).toBe(true);
    const meanAge = (project: ProjectId) => of(project).reduce((sum, c) => sum + (2026 - c.profile.birthYear), 0) / of(project).length;
    expect(meanAge('vip-amsterdam')).toBeLessThan(meanAge('exit-rotterdam'));
    expect(of('ips-nhn').filter((c) => c.profile.sex === 'female')).toHaveLength(2);
  });

  it('has job losses, re-placements, withdrawn consents, refused and granted funding, dropouts and MDT reviews', () => {
    const all = (kind: Step['kind']) => plan.clients.flatMap((c) => c.steps.filter((s) => s.kind === kind));
    expect(all('end-placement').length).toBeGreaterThanOrEqual(3);
    expect(plan.clients.filter((c) => stepsOf(c, 'start-placement').length === 2)).toHaveLength(2);
    expect(all('withdraw-consent').length).toBeGreaterThanOrEqual(2);
    expect(all('dropout').length).toBeGreaterThanOrEqual(4);
    expect(all('mdt-review').length).toBeGreaterThanOrEqual(4);
    const decisions = plan.clients.flatMap((c) => stepsOf(c, 'care-funding').map((f) => ('grant' in f.decision ? 'grant' : 'refuse')));
    expect(decisions).toContain('grant');
    expect(decisions).toContain('refuse');
  });

  it('walks the showcase through the whole trajectory, in order', () => {
    const showcase = plan.clients.find((c) => c.slug === plan.showcase)!;
    const kinds = showcase.steps.map((s) => s.kind);
    const order = [
      'grant-consent',
      'refer-to-care',
      'care-accept',
      'screening-advice',
      'care-funding',
      'refer-to-matching',
      'start-placement',
      'review-placement',
      'end-placement',
      'mdt-review',
      'end-benefit',
      'close-case',
    ];
    const positions = order.map((k) => kinds.indexOf(k as Step['kind']));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(stepsOf(showcase, 'start-placement')).toHaveLength(2);
  });

  it('puts facts in the past and deadlines ahead, as the services demand', () => {
    for (const client of plan.clients) {
      for (const step of client.steps) {
        if (step.kind === 'measure') expect(step.measuredOn <= TODAY).toBe(true);
        if (step.kind === 'ips-intake-session') expect(step.heldOn <= TODAY).toBe(true);
        if (step.kind === 'review-placement') expect(step.reviewedOn <= TODAY).toBe(true);
        if (step.kind === 'start-placement') expect(step.terms.startDate <= TODAY).toBe(true);
        if (step.kind === 'dropout') expect(step.droppedOutOn <= TODAY).toBe(true);
        if (step.kind === 'refer-to-care' || step.kind === 'refer-to-matching') expect(step.replyDeadline >= TODAY).toBe(true);
        if (step.kind === 'screening-advice') expect(step.reviewDate > TODAY).toBe(true);
      }
      for (const [first, second] of [stepsOf(client, 'start-placement')] as const) {
        const end = stepsOf(client, 'end-placement')[0];
        if (second) expect(second.terms.startDate >= end!.endDate).toBe(true);
        if (first && end) expect(end.endDate >= first.terms.startDate).toBe(true);
      }
    }
  });

  it('never tells the employer network about care in a referral reason (the municipality refuses it)', () => {
    const reasons = plan.clients.flatMap((c) => stepsOf(c, 'refer-to-matching')).map((step) => step.reason);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(careWordsIn(reason), reason).toEqual([]);
  });

  it('never discusses care summaries with the employer network at the table', () => {
    for (const review of plan.clients.flatMap((c) => stepsOf(c, 'mdt-review'))) {
      if (review.attendees.some((a) => a.organisationType === 'employer-network')) expect(review.dataCategoriesDiscussed).not.toContain('care-summary');
    }
  });

  it('names every step of a client uniquely (the Idempotency-Key depends on it)', () => {
    for (const client of plan.clients) {
      const ids = client.steps.map(stepId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('elfproef and allocation', () => {
  it('completes eight digits to a valid BSN or says it cannot', () => {
    expect(completeBsn('11122233')).toBe('111222333');
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('111222334')).toBe(false);
    expect(passesElfproef('000000000')).toBe(false);
  });

  it('allocates exactly n values in proportion', () => {
    const values = allocate(prng('x'), 10, { a: 28, b: 72 });
    expect(values).toHaveLength(10);
    expect(values.filter((v) => v === 'a')).toHaveLength(3);
  });
});
