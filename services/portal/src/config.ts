// Where the six services answer. `npm start` runs them on their fixed ports; tests and
// deployments name each with PORTAL_<SERVICE>_URL (e.g. PORTAL_CASE_VIEW_URL).
export const PORTAL_SERVICES = {
  municipality: 3001,
  'care-provider': 3002,
  'employer-network': 3003,
  insurer: 3004,
  'case-view': 3005,
  'exchange-log': 3006,
} as const;

export type PortalServiceName = keyof typeof PORTAL_SERVICES;

export function isPortalService(name: string): name is PortalServiceName {
  return Object.prototype.hasOwnProperty.call(PORTAL_SERVICES, name);
}

export function serviceUrl(name: PortalServiceName, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[`PORTAL_${name.replace(/-/g, '_').toUpperCase()}_URL`];
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
