import { describe, expect, it } from 'vitest';
import { careWordsIn } from './care-vocabulary';
import { freeTextIssuesOf } from './personal-data-in-text';

const words = (text: string) => careWordsIn(text).map((f) => f.match.toLowerCase());

describe('careWordsIn', () => {
  it.each([
    ['Bekend bij de GGZ; klaar voor werk.', 'ggz'],
    ['Na een eerste psychose weer stabiel.', 'psychose'],
    ['Depressieve klachten zijn verminderd.', 'depressieve'],
    ['Behandeling loopt nog bij het team.', 'behandeling'],
    ['De diagnose is bekend bij de huisarts.', 'diagnose'],
    ['Vorig jaar een opname gehad.', 'opname'],
    ['Haar psychiater adviseert 16 uur.', 'psychiater'],
    ['Komt net uit een crisisopname.', 'crisisopname'],
    ['Heeft een angststoornis.', 'angststoornis'],
    ['IPS-begeleider schat cliënt matchbaar in.', 'ips-begeleider'],
    ['Volgt EMDR-therapie.', 'emdr-therapie'],
    ['Uses medication for anxiety disorder.', 'medication'],
    ['Recovering from psychosis, in treatment.', 'psychosis'],
    ['Was diagnosed last year.', 'diagnosed'],
  ])('finds the care word in "%s"', (text, first) => {
    expect(words(text)[0]).toBe(first);
  });

  it('lets ordinary work text through', () => {
    for (const text of [
      'Klaar voor betaald werk van ongeveer 24 uur per week; zoekt logistiek of horeca.',
      'Volgens het ExIT-team matchbaar; zoekt 20 tot 24 uur, bij voorkeur buiten of in een vaste ploeg.',
      'Lorem ipsum: heeft een rijbewijs B en werkt graag met de handen.',
      'Wil werken in een team met vaste collega’s; geen nachtdiensten.',
      'Ready for paid work of about 24 hours a week; looking for logistics or hospitality.',
    ]) {
      expect(careWordsIn(text), text).toEqual([]);
    }
  });

  it('says where and why, never the word itself', () => {
    const [issue] = freeTextIssuesOf(careWordsIn('Na een opname klaar voor werk.'));
    expect(issue?.kind).toBe('care-word');
    expect(issue?.reason).toMatch(/employer network may not learn.*at character 8/);
    expect(issue?.reasonNl).toMatch(/werkgeversnetwerk niet mag weten/);
    expect(issue?.reason).not.toContain('opname');
  });
});
