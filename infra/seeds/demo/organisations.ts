// The organisations of the demo chain and one demo user of each, with development
// tokens. Two municipalities (Amsterdam, Rotterdam); the IPS Noord-Holland Noord
// clients are placed under Amsterdam, the nearer of the two, with GGZ NHN as their
// care provider and Univé-VGZ as their insurer, as in report 002 §2.4.
import type { OrganisationType } from '@wcc/domain-kit';
import { signDevelopmentToken, type Role } from '@wcc/nest-kit';

export interface DemoUser {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
  readonly roles: readonly Role[];
  /** Shown next to the token. */
  readonly description: string;
}

export const organisations = {
  amsterdam: 'gemeente-amsterdam',
  rotterdam: 'gemeente-rotterdam',
  /** VIP Amsterdam: early-psychosis teams with IPS (report 002 §2.1–2.4). */
  vip: 'ggz-vip-amsterdam',
  /** IPS GGZ Noord-Holland Noord (Alkmaar). */
  ggzNhn: 'ggz-nhn',
  /** Parnassia Bavo Groep: the GGZ half of the ExIT teams in Rotterdam. */
  parnassia: 'parnassia-bavo',
  /** Achmea funds the first 8 IPS intake sessions for VIP. */
  achmea: 'achmea',
  /** Univé-VGZ funds at most 8 IPS intake sessions for IPS NHN. */
  vgz: 'vgz',
  /** Werkgeversservicepunt Groot Amsterdam. */
  wspAmsterdam: 'wsp-amsterdam',
  /** Werkgeversservicepunt Rijnmond, with Rotterdam's afdeling Matching. */
  wspRijnmond: 'wsp-rijnmond',
  /** The chain's own auditors (exchange log). */
  chain: 'keten-werk-en-zorg',
} as const;

const user = (userId: string, organisationId: string, organisationType: OrganisationType, roles: readonly Role[], description: string): DemoUser => ({
  userId,
  organisationId,
  organisationType,
  roles,
  description,
});

/** Every user the loader acts as. */
export const demoUsers = {
  amsterdamClientManager: user('km-amsterdam-01', organisations.amsterdam, 'municipality', ['client-manager'], 'klantmanager, gemeente Amsterdam'),
  rotterdamClientManager: user('km-rotterdam-01', organisations.rotterdam, 'municipality', ['client-manager'], 'klantmanager, gemeente Rotterdam'),
  vipScreener: user('screener-vip-01', organisations.vip, 'care-provider', ['screener', 'ips-worker'], 'screener and IPS worker, VIP Amsterdam'),
  nhnScreener: user('screener-nhn-01', organisations.ggzNhn, 'care-provider', ['screener', 'ips-worker'], 'screener and IPS worker, GGZ NHN'),
  parnassiaScreener: user('screener-parnassia-01', organisations.parnassia, 'care-provider', ['screener', 'ips-worker'], 'screener, Parnassia Bavo (ExIT team)'),
  achmeaContractManager: user('cm-achmea-01', organisations.achmea, 'insurer', ['contract-manager'], 'contract manager, Achmea'),
  vgzContractManager: user('cm-vgz-01', organisations.vgz, 'insurer', ['contract-manager'], 'contract manager, Univé-VGZ'),
  wspAmsterdamAccountManager: user('am-wsp-amsterdam-01', organisations.wspAmsterdam, 'employer-network', ['account-manager'], 'account manager, WSP Groot Amsterdam'),
  wspRijnmondAccountManager: user('am-wsp-rijnmond-01', organisations.wspRijnmond, 'employer-network', ['account-manager'], 'account manager, WSP Rijnmond / Matching'),
  chainAuditor: user('auditor-01', organisations.chain, 'chain', ['auditor'], 'chain auditor (exchange log)'),
  // Not used by the loader; there so that the portal's development sign-in offers every role.
  amsterdamRegisseur: user('regisseur-amsterdam-01', organisations.amsterdam, 'municipality', ['regisseur'], 'regisseur, gemeente Amsterdam'),
  chainPrivacyOfficer: user('privacy-officer-01', organisations.chain, 'chain', ['privacy-officer'], 'privacy officer of the chain (exchange log)'),
  chainPolicyAnalyst: user('policy-analyst-01', organisations.chain, 'chain', ['policy-analyst'], 'policy analyst of the chain (outcomes monitor)'),
} as const satisfies Record<string, DemoUser>;

export type DemoUserName = keyof typeof demoUsers;

/** The user printed for each organisation type after `npm start`. */
export const showcaseUsers: readonly DemoUserName[] = ['amsterdamClientManager', 'vipScreener', 'wspAmsterdamAccountManager', 'achmeaContractManager', 'chainAuditor'];

export function tokenFor(demoUser: DemoUser, expiresIn = '8h'): Promise<string> {
  return signDevelopmentToken({ userId: demoUser.userId, organisationId: demoUser.organisationId, organisationType: demoUser.organisationType, roles: demoUser.roles }, { expiresIn });
}
