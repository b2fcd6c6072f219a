import { describe, expect, it } from 'vitest';
import { isPortalService, serviceUrl } from '../config';
import { downstreamPath } from './service-proxy.controller';

describe('the portal proxy', () => {
  it('passes the path and query after /api/services/<service> to the service', () => {
    expect(downstreamPath('/api/services/case-view/cases/1?asRole=screener', 'case-view')).toBe('/cases/1?asRole=screener');
    expect(downstreamPath('/api/services/case-view', 'case-view')).toBe('/');
    expect(downstreamPath('/api/services/case-view?limit=1', 'case-view')).toBe('/?limit=1');
  });

  it('knows the seven services and no other', () => {
    for (const name of ['municipality', 'care-provider', 'employer-network', 'insurer', 'case-view', 'exchange-log', 'outcomes']) expect(isPortalService(name)).toBe(true);
    expect(isPortalService('portal')).toBe(false);
    expect(isPortalService('constructor')).toBe(false);
  });

  it('finds each service on its usual port unless PORTAL_<SERVICE>_URL names it', () => {
    expect(serviceUrl('case-view', {})).toBe('http://127.0.0.1:3005');
    expect(serviceUrl('employer-network', { PORTAL_EMPLOYER_NETWORK_URL: 'http://en.internal:8080/' })).toBe('http://en.internal:8080');
  });
});
