// The organisations the tests' fixtures address, per partner service: what a service
// started by a test serves unless the test names its own (a test of "not addressed to me"
// does). A deployment reads only its organisations' topics, so a fixture addressed to an
// organisation missing here is never delivered, and its test waits in vain: add it here.
export const testOrganisations = {
  MUNICIPALITY_ORGANISATION_IDS: ['gemeente-rotterdam', 'gemeente-amsterdam', 'gemeente-utrecht', 'gemeente-delft', 'gemeente-zwolle', 'gemeente-leiden', 'gemeente-amersfoort'],
  CARE_PROVIDER_ORGANISATION_IDS: ['ggz-delfland', 'ggz-vip-amsterdam', 'ggz-nhn', 'parnassia-bavo', 'ggz-noord', 'ggz-altrecht', 'ggz-rivierduinen', 'ggz-noord-holland-noord'],
  EMPLOYER_NETWORK_ORGANISATION_IDS: [
    'wsp-rijnmond',
    'wsp-amsterdam',
    'werkplein-rijnmond',
    'werkgeversservicepunt-rijnmond',
    'werkgeversservicepunt-noord',
    'wsp-utrecht',
    'wsp-noord-holland-noord',
    'wsp-midden-utrecht',
  ],
  INSURER_ORGANISATION_IDS: ['achmea', 'zilveren-kruis', 'cz', 'vgz'],
} as const;

/** The environment that makes a service under test serve the fixtures' organisations; a test's own setting wins. */
export function testOrganisationEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(testOrganisations).map(([name, ids]) => [name, env[name] ?? ids.join(',')]));
}
