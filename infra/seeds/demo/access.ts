// What `npm start` prints after the demo data: a development token for a demo user of
// each organisation type (as shell exports) and curl lines that show the showcase case
// in the shared case view and its records in the exchange log.
import type { DemoLoadResult } from './loader';
import { demoUsers, showcaseUsers, tokenFor } from './organisations';

export interface DemoAccess {
  readonly tokens: readonly { readonly variable: string; readonly description: string; readonly organisationId: string; readonly roles: string; readonly token: string }[];
  readonly curls: readonly { readonly what: string; readonly command: string }[];
}

const variableOf = (organisationType: string) => `WCC_TOKEN_${organisationType.replace(/-/g, '_').toUpperCase()}`;

export async function demoAccess(urls: { readonly caseView?: string; readonly exchangeLog?: string }, result: DemoLoadResult | undefined): Promise<DemoAccess> {
  const tokens = await Promise.all(
    showcaseUsers.map(async (name) => {
      const user = demoUsers[name];
      return { variable: variableOf(user.organisationType), description: user.description, organisationId: user.organisationId, roles: user.roles.join(','), token: await tokenFor(user) };
    }),
  );
  const curls: { what: string; command: string }[] = [];
  const showcase = result?.showcase;
  if (showcase && urls.caseView) {
    curls.push({
      what: `one case in the shared view, as the municipality (demo client ${showcase.slug})`,
      command: `curl -s -H "Authorization: Bearer $${variableOf('municipality')}" ${urls.caseView}/cases/${showcase.caseId}`,
    });
    curls.push({
      what: 'the same case as the employer network (no care summary)',
      command: `curl -s -H "Authorization: Bearer $${variableOf('employer-network')}" ${urls.caseView}/cases/${showcase.caseId}`,
    });
  }
  if (showcase && urls.exchangeLog) {
    curls.push({
      what: "who received or viewed this client's data, as the chain auditor",
      command: `curl -s -H "Authorization: Bearer $${variableOf('chain')}" "${urls.exchangeLog}/disclosures?dataSubject=${showcase.clientKey}&limit=20"`,
    });
  }
  return { tokens, curls };
}
