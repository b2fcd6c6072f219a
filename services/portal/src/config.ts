// Where the seven services answer. `npm start` runs them on their fixed ports; tests and
// deployments name each with its PORTAL_<SERVICE>_URL, listed below so an operator can
// find them.
export const PORTAL_SERVICES = {
  municipality: 3001,
  'care-provider': 3002,
  'employer-network': 3003,
  insurer: 3004,
  'case-view': 3005,
  'exchange-log': 3006,
  outcomes: 3007,
} as const;

export type PortalServiceName = keyof typeof PORTAL_SERVICES;

export function isPortalService(name: string): name is PortalServiceName {
  return Object.prototype.hasOwnProperty.call(PORTAL_SERVICES, name);
}

export const PORTAL_SERVICE_URL_VARIABLES: Readonly<Record<PortalServiceName, string>> = {
  municipality: 'PORTAL_MUNICIPALITY_URL',
  'care-provider': 'PORTAL_CARE_PROVIDER_URL',
  'employer-network': 'PORTAL_EMPLOYER_NETWORK_URL',
  insurer: 'PORTAL_INSURER_URL',
  'case-view': 'PORTAL_CASE_VIEW_URL',
  'exchange-log': 'PORTAL_EXCHANGE_LOG_URL',
  outcomes: 'PORTAL_OUTCOMES_URL',
};

export function serviceUrl(name: PortalServiceName, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[PORTAL_SERVICE_URL_VARIABLES[name]];
  return (configured ?? `http://127.0.0.1:${PORTAL_SERVICES[name]}`).replace(/\/$/, '');
}

/** Development sign-in (the demo users with development tokens) is off in production. */
export function devSignInEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['NODE_ENV'] !== 'production' || env['PORTAL_DEV_SIGN_IN'] === 'true';
}

/** Secure cookies when the portal is reached over https (PORTAL_PUBLIC_URL). */
export function secureCookies(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env['PORTAL_PUBLIC_URL'] ?? '').startsWith('https://');
}
