// The source reports' published figures, transcribed as printed (euro signs and thousands
// separators dropped, Dutch decimal commas read as points). The reproduction test and the
// consistency checks read these; nothing here feeds a calculation as an input.
import type { HoursGroup, ProjectId, ReportBenefitType } from '../parameters/report-002-2016';

export type MkbaRowKey = 'municipality.reintegration' | 'municipality.benefit' | 'insurer.reintegration' | 'insurer.care' | 'client.benefit' | 'client.workIncome';
export const mkbaRowKeys: readonly MkbaRowKey[] = ['municipality.reintegration', 'municipality.benefit', 'insurer.reintegration', 'insurer.care', 'client.benefit', 'client.workIncome'];
export type MkbaColumn = 'none' | 'regular' | 'project' | 'deltaNone' | 'deltaRegular';
export const mkbaColumns: readonly MkbaColumn[] = ['none', 'regular', 'project', 'deltaNone', 'deltaRegular'];

export interface PublishedMkbaTable {
  readonly table: string;
  readonly project: ProjectId;
  /** Cells as printed; a garbled cell keeps its printed text in `printedAs`. */
  readonly rows: Readonly<Record<MkbaRowKey, Readonly<Record<MkbaColumn, number>>>>;
  readonly garbled?: readonly { readonly row: MkbaRowKey; readonly column: MkbaColumn; readonly printedAs: string; readonly readAs: number }[];
}

const row = (none: number, regular: number, project: number, deltaNone: number, deltaRegular: number) => ({ none, regular, project, deltaNone, deltaRegular });

export const report002Table9: PublishedMkbaTable = {
  table: '002 Table 9',
  project: 'vip-amsterdam',
  rows: {
    'municipality.reintegration': row(0, -1239, -5000, -5000, -3761),
    'municipality.benefit': row(-41388, -39201, -36872, 4516, 2329),
    'insurer.reintegration': row(0, 0, -736, -736, -736),
    'insurer.care': row(-8552, -7931, -7379, 1173, 553),
    'client.benefit': row(41388, 39201, 36872, -4516, -2329),
    'client.workIncome': row(0, 4771, 9019, 9019, 4248),
  },
};

export const report002Table10: PublishedMkbaTable = {
  table: '002 Table 10',
  project: 'ips-nhn',
  rows: {
    'municipality.reintegration': row(0, -1239, -5000, -5000, -3761),
    'municipality.benefit': row(-43006, -40818, -40370, 2635, 447),
    'insurer.reintegration': row(0, 0, -736, -736, -736),
    'insurer.care': row(-8552, -8089, -7994, 558, 95),
    'client.benefit': row(43006, 40818, 40370, -2635, -447),
    'client.workIncome': row(0, 4384, 5280, 5280, 896),
  },
  garbled: [{ row: 'insurer.care', column: 'deltaRegular', printedAs: '€ 41 95', readAs: 95 }],
};

export const report002Table11: PublishedMkbaTable = {
  table: '002 Table 11',
  project: 'exit-rotterdam',
  rows: {
    'municipality.reintegration': row(0, -1239, -4000, -4000, -2761),
    'municipality.benefit': row(-43185, -40070, -41119, 2066, -1049),
    'insurer.reintegration': row(0, 0, 0, 0, 0),
    'insurer.care': row(-8552, -8112, -8260, 292, -148),
    'client.benefit': row(43185, 40070, 41119, -2066, 1049),
    'client.workIncome': row(0, 3772, 2501, 2501, -1271),
  },
};

export const publishedMkbaTables: Readonly<Record<ProjectId, PublishedMkbaTable>> = {
  'vip-amsterdam': report002Table9,
  'ips-nhn': report002Table10,
  'exit-rotterdam': report002Table11,
};

/** Table 12, years; `'>8'` as printed. */
export type Payback = number | '>8';
export interface PublishedPayback {
  readonly municipality: { readonly vsNone: Payback; readonly vsRegular: Payback };
  readonly insurer: { readonly vsNone: Payback; readonly vsRegular: Payback };
}
export const report002Table12: Readonly<Record<ProjectId, PublishedPayback>> = {
  'vip-amsterdam': { municipality: { vsNone: 4.4, vsRegular: 6.2 }, insurer: { vsNone: 2.7, vsRegular: 5.2 } },
  'ips-nhn': { municipality: { vsNone: 7.2, vsRegular: '>8' }, insurer: { vsNone: 5.1, vsRegular: '>8' } },
  'exit-rotterdam': { municipality: { vsNone: 6.8, vsRegular: '>8' }, insurer: { vsNone: 0, vsRegular: 0 } },
};

/** Tables 3 and 4: observed %, expected %, indicator. */
export interface PublishedEffect {
  readonly observedPct: number;
  readonly expectedPct: number;
  readonly indicator: number;
}
export const report002Table3: Readonly<Record<ProjectId, PublishedEffect>> = {
  'ips-nhn': { observedPct: 16.5, expectedPct: 13.7, indicator: 1.2 },
  'vip-amsterdam': { observedPct: 29.3, expectedPct: 15.5, indicator: 1.89 },
  'exit-rotterdam': { observedPct: 6.3, expectedPct: 9.5, indicator: 0.66 },
};
export const report002Table4: Readonly<Record<ProjectId, PublishedEffect>> = {
  'ips-nhn': { observedPct: 5.1, expectedPct: 5.0, indicator: 1.02 },
  'vip-amsterdam': { observedPct: 7.5, expectedPct: 5.9, indicator: 1.26 },
  'exit-rotterdam': { observedPct: 2.9, expectedPct: 3.5, indicator: 0.83 },
};

/** Table 5: % of starters per hours group, with the printed n. */
export const report002Table5: Readonly<Record<ProjectId | 'total', { readonly n: number; readonly pct: Readonly<Record<HoursGroup, number>> }>> = {
  'ips-nhn': { n: 20, pct: { upTo8: 6, over8UpTo28: 59, over28: 35 } },
  'vip-amsterdam': { n: 35, pct: { upTo8: 20, over8UpTo28: 57, over28: 23 } },
  'exit-rotterdam': { n: 20, pct: { upTo8: 14, over8UpTo28: 55, over28: 31 } },
  total: { n: 75, pct: { upTo8: 15, over8UpTo28: 57, over28: 28 } },
};

/** Table 6: mean hours, net hourly wage, income per week and per month. */
export const report002Table6: Readonly<Record<HoursGroup, { readonly hours: number; readonly wage: number; readonly perWeek: number; readonly perMonth: number }>> = {
  upTo8: { hours: 6, wage: 8.82, perWeek: 52.92, perMonth: 227.56 },
  over8UpTo28: { hours: 16.97, wage: 8.82, perWeek: 149.68, perMonth: 643.6 },
  over28: { hours: 36, wage: 8.82, perWeek: 317.52, perMonth: 1365.34 },
};

/** Table 7: benefit at start, work income, benefit after starting work, total income. */
export const report002Table7: Readonly<
  Partial<Record<ReportBenefitType, Readonly<Record<HoursGroup, { readonly atStart: number; readonly work: number; readonly after: number; readonly total: number }>>>>
> = {
  wwb: {
    upTo8: { atStart: 900, work: 228, after: 672, total: 900 },
    over8UpTo28: { atStart: 900, work: 644, after: 253, total: 900 },
    over28: { atStart: 900, work: 1365, after: 0, total: 1365 },
  },
  wajong: {
    upTo8: { atStart: 1131, work: 228, after: 905, total: 1131 },
    over8UpTo28: { atStart: 1131, work: 644, after: 660, total: 1303 },
    over28: { atStart: 1131, work: 1365, after: 143, total: 1508 },
  },
  wia: {
    upTo8: { atStart: 1091, work: 228, after: 932, total: 1160 },
    over8UpTo28: { atStart: 1091, work: 644, after: 641, total: 1285 },
    over28: { atStart: 1091, work: 1365, after: 136, total: 1501 },
  },
};

/** Table 8: monthly care cost per professional and the printed totals. */
export const report002Table8 = {
  headingN: { nonStarters: 504, starters: 53 },
  textN: { nonStarters: 504, starters: 52 },
  columns: {
    nonStartersStart: { parts: [21.67, 14.68, 29.53, 98.41, 16.63], total: 180.68 },
    nonStarters12m: { parts: [24.39, 14.86, 32.63, 83.33, 20.44], total: 175.65 },
    startersStart: { parts: [12.68, 19.7, 19.62, 117.74, 15.7], total: 185.43 },
    starters12m: { parts: [10.57, 15.62, 4.91, 36.23, 15.7], total: 83.02 },
  },
} as const;

/** Table 1 (subset): n, and % per category per column. */
export const report002Table1 = {
  n: { all: 578, 'exit-rotterdam': 340, 'ips-nhn': 118, 'vip-amsterdam': 120 },
  meanAge: { all: 32.6, 'exit-rotterdam': 34.8, 'ips-nhn': 33.4, 'vip-amsterdam': 25.6 },
  categories: {
    female: { all: [41], 'exit-rotterdam': [51], 'ips-nhn': [25], 'vip-amsterdam': [28] },
    education: { all: [62, 26, 13], 'exit-rotterdam': [71, 18, 12], 'ips-nhn': [51, 37, 12], 'vip-amsterdam': [46, 37, 18] },
    origin: { all: [52, 15, 15, 18], 'exit-rotterdam': [47, 18, 18, 18], 'ips-nhn': [86, 0, 3, 10], 'vip-amsterdam': [35, 19, 18, 28] },
    benefit: { all: [65, 16, 7, 1, 4, 8], 'exit-rotterdam': [100, 0, 0, 0, 0, 0], 'ips-nhn': [9, 42, 24, 3, 13, 9], 'vip-amsterdam': [19, 34, 10, 1, 31, 5] },
  },
  labels: {
    female: ['vrouw'],
    education: ['laag/geen', 'middelbaar', 'hoog'],
    origin: ['Nederland', 'Turkije/Marokko', 'Suriname/Antillen', 'Overig'],
    benefit: ['WWB', 'Wajong', 'WIA', 'WW', 'Overig', 'Geen'],
  },
} as const;

/**
 * Claims in the running text that restate a figure printed in a table: where the text
 * stands, what it says, and the table cell it restates.
 */
export interface TextClaim {
  readonly report: '002' | '003' | '000';
  readonly where: string;
  readonly says: string;
  readonly textValue: number;
  readonly tableWhere: string;
  readonly tableValue: number;
}

export const report002TextClaims: readonly TextClaim[] = [
  {
    report: '002',
    where: '§5.2 VIP Amsterdam, client paragraph',
    says: 'toename aan inkomsten uit werk van € 9.109',
    textValue: 9109,
    tableWhere: 'Table 9, client work income, ∆ VIP-geen',
    tableValue: 9019,
  },
  {
    report: '002',
    where: '§5.2 IPS NHN, municipality paragraph',
    says: 'uitkeringskosten lager bij IPS Noord Holland Noord (€ 40.3700)',
    textValue: 403700,
    tableWhere: 'Table 10, benefit, IPS-NHN',
    tableValue: 40370,
  },
  {
    report: '002',
    where: '§5.2 ExIT Rotterdam, client paragraph',
    says: 'afname van inkomsten uit de uitkering van € 20662',
    textValue: 20662,
    tableWhere: 'Table 11, client benefit, ∆ ExIT-geen',
    tableValue: 2066,
  },
  {
    report: '002',
    where: '§5.1.3, text before Table 8',
    says: 'bij aanvang gelijk (181 respectievelijk 184 euro per maand)',
    textValue: 184,
    tableWhere: 'Table 8, starters, start (185,43)',
    tableValue: 185,
  },
  {
    report: '002',
    where: '§5.1.3, text before Table 8',
    says: 'Gedurende dit jaar is een gedeelte (n=52) van de mensen aan het werk gegaan',
    textValue: 52,
    tableWhere: 'Table 8 heading, gestart betaald werk (n=53)',
    tableValue: 53,
  },
  { report: '002', where: '§6.2', says: 'binnen 2,5 (VIP Amsterdam) tot 5 (IPS-NHN) jaar terugverdiend', textValue: 2.5, tableWhere: 'Table 12, VIP, insurer, ∆ geen', tableValue: 2.7 },
  {
    report: '002',
    where: '§4.2, text after Table 1',
    says: 'één op de drie cliënten van VIP bij aanvang van een traject (nog) geen uitkering',
    textValue: 33,
    tableWhere: "Table 1, VIP, type uitkering 'Geen' (%)",
    tableValue: 5,
  },
  {
    report: '002',
    where: '§5.1.1, text before Table 5',
    says: 'ongeveer één op de drie cliënten start met een baan voor meer dan 28 uur per week (28%)',
    textValue: 33,
    tableWhere: 'Table 5, totaal, meer dan 28 uur (%)',
    tableValue: 28,
  },
];

/** Report 003 Table 7 and the sentence that sums it. */
export const report003Table7 = {
  groups: [
    { group: 1, label: 'Nog in bijstand', n: 5967, pct: 59.4 },
    { group: 2, label: 'Uit bijstand reden buiten cliënt', n: 774, pct: 7.7 },
    { group: 3, label: 'Uit bijstand, niet naar werk, reden cliënt', n: 1267, pct: 12.6 },
    { group: 4, label: 'Uit bijstand naar werk', n: 2024, pct: 20.2 },
  ],
  total: { n: 10032, pct: 99.9 },
  text: { where: '003, text before Table 7', says: 'Bij 2051 personen is de bijstandsuitkering om andere redenen beëindigd dan vertrek naar werk', value: 2051, groups: [2, 3] },
} as const;

/** Report 000 Tables 10 and 11 (intervention group). */
export const report000Table10 = {
  assessment: { in: 222, through: 50, dropped: 109 },
  trialPlacement: { in: 41, through: 20, dropped: 17 },
  placement: { in: 16, through: null, dropped: 1 },
} as const;
export const report000Table11 = {
  assessment: [77, 17, 3, 12, 0],
  trialPlacement: [6, 7, 0, 4, 0],
  placement: [0, 0, 0, 0, 1],
  reasons: ['Advies zorg', 'Motivatie/houding', 'Geen interesse/eigen verzoek', 'Anders', 'Einde contract'],
} as const;
