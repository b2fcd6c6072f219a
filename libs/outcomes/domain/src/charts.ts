// Charts as SVG, drawn from already suppressed tables (a withheld cell is a gap, never a
// value), until the portal draws them: the Kaplan–Meier curves (002 Figure 6 shape), the
// flow funnel, and the MKBA's net result per stakeholder (002 Tables 9–11).
import type { OutcomeTable } from './outcome-tables';
import type { MkbaResult } from './mkba';

const W = 640;
const H = 360;
const M = { left: 56, right: 150, top: 40, bottom: 44 };
const colours = ['#1f77b4', '#d62728', '#2ca02c', '#7f7f7f', '#9467bd'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const svg = (title: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}" font-family="sans-serif" font-size="12">` +
  `<title>${esc(title)}</title><rect width="${W}" height="${H}" fill="white"/>` +
  `<text x="${M.left}" y="22" font-size="14" font-weight="bold">${esc(title)}</text>${body}</svg>\n`;

function axes(xLabel: string, yLabel: string, xTicks: readonly [number, string][], yTicks: readonly [number, string][]): string {
  const x0 = M.left;
  const y0 = H - M.bottom;
  let out = `<line x1="${x0}" y1="${y0}" x2="${W - M.right}" y2="${y0}" stroke="black"/><line x1="${x0}" y1="${M.top}" x2="${x0}" y2="${y0}" stroke="black"/>`;
  for (const [x, label] of xTicks) out += `<text x="${x}" y="${y0 + 16}" text-anchor="middle">${esc(label)}</text>`;
  for (const [y, label] of yTicks) out += `<text x="${x0 - 6}" y="${y + 4}" text-anchor="end">${esc(label)}</text><line x1="${x0}" y1="${y}" x2="${W - M.right}" y2="${y}" stroke="#ddd"/>`;
  out += `<text x="${(x0 + W - M.right) / 2}" y="${H - 8}" text-anchor="middle">${esc(xLabel)}</text>`;
  out += `<text x="14" y="${(M.top + y0) / 2}" transform="rotate(-90 14 ${(M.top + y0) / 2})" text-anchor="middle">${esc(yLabel)}</text>`;
  return out;
}

/** Cumulative share started (or lost) per month, one step line per project; withheld months are gaps. */
export function kaplanMeierChart(table: OutcomeTable, title = 'Kans op betaald werk / chance of paid work (Kaplan–Meier)'): string {
  const months = Math.max(1, ...table.rows.map((r) => Number(r['month'] ?? 0)));
  const groups = [...new Set(table.rows.map((r) => String(r['project'])))];
  const ymax = Math.max(0.1, ...table.rows.map((r) => (typeof r['incidence'] === 'number' ? r['incidence'] : 0))) * 1.1;
  const x = (m: number) => M.left + (m / months) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / ymax) * (H - M.top - M.bottom);
  let body = axes(
    'maanden sinds start / months since start',
    '% gestart / % started',
    Array.from({ length: months + 1 }, (_, m) => [x(m), String(m)] as [number, string]).filter((_, m) => months <= 12 || m % 3 === 0),
    [0, 0.25, 0.5, 0.75, 1].map((f) => [y(f * ymax), `${Math.round(f * ymax * 100)}%`] as [number, string]),
  );
  groups.forEach((g, i) => {
    const rows = table.rows.filter((r) => String(r['project']) === g).sort((a, b) => Number(a['month']) - Number(b['month']));
    let path = '';
    let previous: number | null = null;
    for (const r of rows) {
      const v = r['incidence'];
      const m = Number(r['month']);
      if (typeof v !== 'number') {
        previous = null;
        continue;
      }
      path += previous === null ? `M${x(m)},${y(v)}` : `H${x(m)}V${y(v)}`;
      previous = v;
    }
    const colour = colours[i % colours.length]!;
    if (path) body += `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`;
    // The legend has 150 px beside the plot: the "withheld" remark goes on a line of its own.
    const legendY = M.top + 16 + i * 32;
    body += `<text x="${W - M.right + 8}" y="${legendY}" fill="${colour}">${esc(g)}</text>`;
    if (!path) body += `<text x="${W - M.right + 8}" y="${legendY + 14}" fill="${colour}" font-size="11">(withheld or none)</text>`;
  });
  return svg(title, body);
}

/** The flow funnel per group: registered, referred, screened, started, placed, outflow (def. 2); withheld bars are absent and marked. */
export function flowChart(table: OutcomeTable): string {
  const steps = ['registered', 'referred', 'screened', 'started', 'placed', 'outflowDef2'] as const;
  const groups = table.rows.map((r) => String(r['group']));
  const max = Math.max(1, ...table.rows.flatMap((r) => steps.map((s) => (typeof r[s] === 'number' ? r[s] : 0))));
  const band = (H - M.top - M.bottom) / Math.max(1, groups.length);
  const bar = band / (steps.length + 1);
  const x = (v: number) => M.left + 60 + (v / max) * (W - M.left - 60 - M.right);
  let body = '';
  groups.forEach((g, gi) => {
    const row = table.rows[gi]!;
    const top = M.top + gi * band;
    body += `<text x="${M.left - 40}" y="${top + bar}" font-weight="bold">${esc(g)}</text>`;
    steps.forEach((s, si) => {
      const v = row[s];
      const yy = top + bar * (si + 1);
      body += `<text x="${M.left + 54}" y="${yy + bar * 0.7}" text-anchor="end" font-size="10">${esc(s)}</text>`;
      body +=
        typeof v === 'number'
          ? `<rect x="${x(0)}" y="${yy}" width="${x(v) - x(0)}" height="${bar * 0.8}" fill="${colours[si % colours.length]!}"/><text x="${x(v) + 4}" y="${yy + bar * 0.7}" font-size="10">${v}</text>`
          : `<text x="${x(0) + 4}" y="${yy + bar * 0.7}" font-size="10" fill="#7f7f7f">withheld (&lt; 5)</text>`;
    });
  });
  return svg('Instroom tot uitstroom / flow and outflow', body);
}

/** Net result per stakeholder against no reintegration and regular support (euro per average client over the horizon). */
export function mkbaChart(result: MkbaResult, title: string): string {
  const t = result.table;
  const net = {
    'gemeente/UWV': ['municipality.reintegration', 'municipality.benefit'],
    zorgverzekeraar: ['insurer.reintegration', 'insurer.care'],
    cliënt: ['client.benefit', 'client.workIncome'],
  } as const;
  const entries = Object.entries(net).map(([who, keys]) => ({
    who,
    none: keys.reduce((s, k) => s + t[k].deltaNone, 0),
    regular: keys.reduce((s, k) => s + t[k].deltaRegular, 0),
  }));
  const extent = Math.max(1, ...entries.flatMap((e) => [Math.abs(e.none), Math.abs(e.regular)]));
  const zero = M.left + (W - M.left - M.right) / 2;
  const x = (v: number) => zero + (v / extent) * ((W - M.left - M.right) / 2);
  const band = (H - M.top - M.bottom) / entries.length;
  let body = `<line x1="${zero}" y1="${M.top}" x2="${zero}" y2="${H - M.bottom}" stroke="black"/>`;
  entries.forEach((e, i) => {
    const top = M.top + i * band;
    body += `<text x="${M.left - 50}" y="${top + 14}" font-weight="bold">${esc(e.who)}</text>`;
    (['none', 'regular'] as const).forEach((k, j) => {
      const v = e[k];
      const yy = top + 22 + j * 24;
      body += `<rect x="${Math.min(zero, x(v))}" y="${yy}" width="${Math.abs(x(v) - zero)}" height="18" fill="${colours[j]!}"/>`;
      body += `<text x="${v >= 0 ? x(v) + 4 : x(v) - 4}" y="${yy + 13}" text-anchor="${v >= 0 ? 'start' : 'end'}" font-size="10">€ ${Math.round(v)}</text>`;
    });
  });
  body += `<text x="${W - M.right + 8}" y="${M.top + 16}" fill="${colours[0]!}">∆ t.o.v. geen</text><text x="${W - M.right + 8}" y="${M.top + 34}" fill="${colours[1]!}">∆ t.o.v. regulier</text>`;
  return svg(title, body);
}
