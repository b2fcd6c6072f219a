// The pieces every readable line is built from: a line joins the parts that are known
// and leaves out what a viewer's copy lacks, never guessing it.
export interface ReadableLine {
  readonly nl: string;
  readonly en: string;
}

export const euroNl = (cents: number) => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;
export const euroEn = (cents: number) => `€${(cents / 100).toFixed(2)}`;

/** Joins the parts that are known. */
export const join = (...parts: (string | undefined | false)[]) => parts.filter((p): p is string => typeof p === 'string' && p !== '').join(', ');

/** A part rendered from a value, or nothing when the value is absent. */
export const opt = (value: string | number | undefined, render: (v: string) => string) => (value === undefined ? undefined : render(String(value)));

/** ` door ggz-delfland` / ` by ggz-delfland`, or nothing. */
export const byNl = (organisationId: string | undefined) => (organisationId ? ` door ${organisationId}` : '');
export const byEn = (organisationId: string | undefined) => (organisationId ? ` by ${organisationId}` : '');

export const organisationTypeNl: Readonly<Record<string, string>> = {
  municipality: 'gemeente',
  'care-provider': 'zorgaanbieder',
  insurer: 'zorgverzekeraar',
  'employer-network': 'werkgeversdienstverlening',
};
