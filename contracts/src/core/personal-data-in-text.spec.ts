import { describe, expect, it } from 'vitest';
import {
  bsnLikeNumbersIn,
  dutchPhoneNumbersIn,
  freeTextIssuesOf,
  icd10CodesIn,
  knownNamesIn,
  passesElfproef,
  personalDataInText,
  significantNameWords,
  type FreeTextFindingKind,
} from './personal-data-in-text';

const kindsIn = (text: string): FreeTextFindingKind[] => personalDataInText(text).map((f) => f.kind);

describe('passesElfproef', () => {
  it.each(['111222333', '123456782', '999999990', '012345672', '12345672'])('accepts %s', (bsn) => expect(passesElfproef(bsn)).toBe(true));
  it.each(['111222334', '123456789', '000000000', '1234567', '1234567890', '12345678a'])('refuses %s', (candidate) => expect(passesElfproef(candidate)).toBe(false));
});

describe('a BSN in free text', () => {
  it('is found as a standalone run of 8 or 9 digits passing the elfproef, also written 1234.56.782 or 123 456 782', () => {
    expect(bsnLikeNumbersIn('BSN 111222333, eerder 12345672.')).toEqual(['111222333', '12345672']);
    expect(bsnLikeNumbersIn('bsn=123456782;')).toEqual(['123456782']);
    expect(bsnLikeNumbersIn('{"x":"123456782","amount":12345672}')).toEqual(['123456782', '12345672']);
    expect(bsnLikeNumbersIn('bsn 1234.56.782 of 123 456 782')).toEqual(['1234.56.782', '123 456 782']);
  });

  it('is not a longer number, part of a token or a UUID, nor a number failing the elfproef', () => {
    expect(bsnLikeNumbersIn('1234567820 a123456782 123456782b 123456789')).toEqual([]);
    expect(bsnLikeNumbersIn('12345672-7652-4bd5-b131-9a8e6521c65b')).toEqual([]);
    expect(bsnLikeNumbersIn('00000000000000390900-00000000000000000068')).toEqual([]);
    expect(bsnLikeNumbersIn('1.123456782 of 123456782,5')).toEqual([]);
  });

  it('is not an eight-digit date or KvK number (one in eleven of them passes the elfproef)', () => {
    expect(passesElfproef('20240107')).toBe(true);
    expect(bsnLikeNumbersIn('sinds 20240107 in dienst')).toEqual([]);
    expect(bsnLikeNumbersIn('KvK 12345672, KvK-nummer: 12345672')).toEqual([]);
  });
});

describe('an ICD-10 code in free text', () => {
  it('is found in any chapter but U, with or without a subcode', () => {
    expect(icd10CodesIn('Diagnose F20.0 en F32, eerder F43.10, ook G40 en (Z73.0).')).toEqual(['F20.0', 'F32', 'F43.10', 'G40', 'Z73.0']);
    expect(icd10CodesIn('DSM-5-TR gebruikt F32.A')).toEqual(['F32.A']);
    expect(icd10CodesIn('in kleine letters f32.1')).toEqual(['f32.1']);
  });

  it('is not part of a token, a lower-case letter without subcode, a U code or a road', () => {
    expect(icd10CodesIn('ck_abF20x ck-F20_ ABF200 F2 F200 f32 U07.1 2024-01-01T12:00')).toEqual([]);
    expect(icd10CodesIn('Reistijd via de A12 en de N33 is lang; knooppunt A27.')).toEqual([]);
    expect(icd10CodesIn('A27 is leptospirose')).toEqual(['A27']);
  });
});

describe('a DSM classification in free text', () => {
  it('is an edition of the DSM or a numeric code after DSM or a word for diagnosis', () => {
    expect(kindsIn('Volgens DSM-5 voldoet hij aan de criteria')).toEqual(['dsm']);
    expect(kindsIn('DSM-IV-TR classificatie')).toEqual(['dsm']);
    expect(kindsIn('diagnose 296.23 gesteld')).toEqual(['dsm']);
    expect(kindsIn('classificatie: 309.81')).toEqual(['dsm']);
    expect(personalDataInText('DSM 300.02').map((f) => f.match)).toEqual(['300.02']);
  });

  it('is not the company DSM, nor an amount', () => {
    expect(kindsIn('Operator bij DSM in Geleen, 5 dagen per week')).toEqual([]);
    expect(kindsIn('werkt bij DSM 5 dagen per week')).toEqual([]);
    expect(kindsIn('Reiskosten 296.23 euro per maand')).toEqual([]);
  });
});

describe('an e-mail address in free text', () => {
  it('is found', () => {
    expect(personalDataInText('Mail j.de.vries+werk@example.nl of jan@mail.co.uk').map((f) => [f.kind, f.match])).toEqual([
      ['email', 'j.de.vries+werk@example.nl'],
      ['email', 'jan@mail.co.uk'],
    ]);
  });

  it('is not an @ in ordinary text', () => {
    expect(kindsIn('Afspraak @ werkplein, 2 @ 3 uur')).toEqual([]);
  });
});

describe('a Dutch phone number in free text', () => {
  it.each([
    '06-12345678',
    '06 12345678',
    '0612345678',
    '06 1234 5678',
    '06 - 12345678',
    '+31 6 1234 5678',
    '+31612345678',
    '+31 (0)6 12345678',
    '0031 6 12345678',
    '020-1234567',
    '020 123 4567',
    '0201234567',
    '(020) 123 4567',
    '010-123 45 67',
    '0111-123456',
    '+31 20 123 4567',
  ])('finds %s', (number) => {
    expect(dutchPhoneNumbersIn(`Bel ${number}.`)).toEqual([number]);
  });

  it('is not a date, a time, an amount, a service number, an IBAN or a longer number', () => {
    expect(dutchPhoneNumbersIn('Start 01-02-2024 10:00, 03-04-2025 12 uur, 08.00-17.00, € 0,50')).toEqual([]);
    expect(dutchPhoneNumbersIn('0800-1234 en 0800-1234567 zijn gratis; 06123456789 is te lang; 0012345678')).toEqual([]);
    expect(dutchPhoneNumbersIn('NL91 ABNA 0417 1643 00 en 2024-06-12')).toEqual([]);
  });
});

describe('ordinary work text', () => {
  it.each([
    'Zoekt werk in de logistiek, 24 uur per week, liefst 08:30–17:00.',
    'Screening op arbeidsmogelijkheden gevraagd vóór 15-01-2026 (uiterlijk 2026-01-15, of 15 januari 2026).',
    'Bruto uurloon € 14,16; reiskosten € 1.234,56 per jaar; 0,5 fte.',
    'Werkplek aan de Damrak 1, 1011 AB Amsterdam; tweede locatie 3511 CE Utrecht.',
    'Referral 5b0c6f0e-2f5a-4d7e-9a43-8d1f4b6c2e71 was answered.',
    'Geen capaciteit dit kwartaal; verwijs naar het regionale team van de GGZ.',
    'Orderpicker bij Bakkerij De Korenschoof, taalniveau B1, rijbewijs B, 38 uur.',
    'Job coaching is funded by the municipality under this contract, not by the insurer.',
    'Via de A12 en afslag 16 is de reistijd 40 minuten.',
  ])('finds nothing in: %s', (text) => {
    expect(personalDataInText(text)).toEqual([]);
  });
});

describe("the client's name in free text", () => {
  it('is found as a whole word of the first or last name, case and diacritics ignored', () => {
    expect(knownNamesIn('Gesprek met JANSEN en met josé', ['José van der Jansen']).map((f) => f.match)).toEqual(['JANSEN', 'josé']);
    expect(knownNamesIn("O'Brien belde", ["Sean O'Brien"]).map((f) => f.match)).toEqual(["O'Brien"]);
  });

  it('ignores particles, words under three letters and parts of words', () => {
    expect(significantNameWords('Bo van der Berg-Li')).toEqual(['berg']);
    expect(knownNamesIn('Verwezen van de wijk naar den Bosch; Bergen op Zoom', ['Bo van der Berg'])).toEqual([]);
  });

  it('is found only when asked for, alongside the other kinds', () => {
    expect(kindsIn('Piet Visser, 0612345678')).toEqual(['phone']);
    expect(personalDataInText('Piet Visser, 0612345678', { knownNames: ['Piet Visser'] }).map((f) => f.kind)).toEqual(['known-name', 'known-name', 'phone']);
  });
});

describe('issues for the person who typed it', () => {
  it('say what kind and where, once per kind, in English and Dutch, never the value', () => {
    const issues = freeTextIssuesOf(personalDataInText('BSN 111222333 of 123456782, mail jan@example.nl'));
    expect(issues).toEqual([
      {
        kind: 'bsn',
        reason: 'contains what looks like a BSN (8 or 9 digits that pass the elfproef) at characters 5 and 18; free text in this field leaves your organisation, so leave personal data out',
        reasonNl: 'bevat wat lijkt op een BSN (8 of 9 cijfers die de elfproef doorstaan) bij de tekens 5 en 18; vrije tekst in dit veld gaat naar andere organisaties, laat persoonsgegevens weg',
      },
      { kind: 'email', reason: expect.stringMatching(/^contains an e-mail address at character 34;/) as unknown, reasonNl: expect.stringMatching(/^bevat een e-mailadres bij teken 34;/) as unknown },
    ]);
    expect(JSON.stringify(issues)).not.toMatch(/111222333|123456782|jan@/);
  });
});
