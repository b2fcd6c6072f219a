import { consentPurposes, dataCategories } from '@wcc/contracts';
import { describe, expect, it } from 'vitest';
import { disclosureRegister } from './disclosure-register';
import { processingActivities, processingActivity, processingActivityByUri, processingActivityIds } from './processing-activities';

describe('register of processing activities', () => {
  it('describes every activity in Dutch and English with purpose, AVG basis, categories and an ISO 8601 retention', () => {
    expect(processingActivities.map((a) => a.id)).toEqual([...processingActivityIds]);
    for (const activity of processingActivities) {
      for (const text of [activity.name, activity.purpose, activity.controller, activity.legalBasis.explanation, activity.retention.explanation]) {
        expect(text.nl.length, `${activity.id} nl`).toBeGreaterThan(3);
        expect(text.en.length, `${activity.id} en`).toBeGreaterThan(3);
      }
      expect(activity.legalBasis.avg.length, activity.id).toBeGreaterThan(0);
      for (const article of activity.legalBasis.avg) expect(article).toMatch(/^AVG art\. \d+(\(\d\)(\([a-j]\))?)?$/);
      expect(activity.retention.period).toMatch(/^P\d+[YM]$/);
      expect(activity.dataCategories.every((c) => (dataCategories as readonly string[]).includes(c))).toBe(true);
    }
  });

  it('bases consent-resting activities on AVG 6(1)(a) and names a consent purpose the municipality registers', () => {
    for (const activity of processingActivities.filter((a) => a.consentPurpose !== undefined)) {
      expect(consentPurposes).toContain(activity.consentPurpose);
      expect(activity.legalBasis.avg.some((a) => a === 'AVG art. 6(1)(a)' || a === 'AVG art. 9(2)(a)')).toBe(true);
    }
    expect(processingActivity('screening-advice').legalBasis.avg).toEqual(['AVG art. 6(1)(a)', 'AVG art. 9(2)(a)']);
    expect(processingActivity('care-funding').legalBasis.avg).toContain('AVG art. 9(2)(h)');
    expect(processingActivity('client-referral').legalBasis.law).toEqual(expect.arrayContaining(['Participatiewet art. 7', 'Participatiewet art. 10']));
  });

  it('resolves each URI back to its entry and nothing else', () => {
    for (const activity of processingActivities) expect(processingActivityByUri(activity.uri)).toBe(activity);
    expect(processingActivityByUri('urn:nld:workcarechain:verwerkingsactiviteit:marketing')).toBeUndefined();
    expect(processingActivityByUri('https://example.org/client-referral')).toBeUndefined();
  });

  it('has an entry for every activity the disclosure register names', () => {
    const named = new Set(disclosureRegister.flatMap((e) => e.disclosures.map((d) => d.activity)));
    for (const id of named) expect(processingActivityIds).toContain(id);
  });
});
