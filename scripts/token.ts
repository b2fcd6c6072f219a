// `npm run token -- --org gemeente-amsterdam --role client-manager [--type municipality] [--user u-1] [--expires 8h]`
// prints a development bearer token for trying the APIs (signed with the development key).
import { parseArgs } from 'node:util';
import type { OrganisationType } from '@wcc/domain-kit';
import { ORGANISATION_TYPES, ROLES, signDevelopmentToken, type Role } from '@wcc/nest-kit';

const TYPE_OF_ROLE: Record<Role, OrganisationType> = {
  'client-manager': 'municipality',
  regisseur: 'municipality',
  screener: 'care-provider',
  'ips-worker': 'care-provider',
  'contract-manager': 'insurer',
  'account-manager': 'employer-network',
  auditor: 'chain',
  'privacy-officer': 'chain',
  'policy-analyst': 'chain',
};

function fail(message: string): never {
  process.stderr.write(`${message}\nusage: npm run token -- --org <organisation id> --role <${ROLES.join('|')}> [--role …] [--type <${ORGANISATION_TYPES.join('|')}>] [--user <id>] [--expires 8h]\n`);
  process.exit(2);
}

function parsedArguments() {
  try {
    return parseArgs({
      options: {
        org: { type: 'string' },
        role: { type: 'string', multiple: true },
        type: { type: 'string' },
        user: { type: 'string' },
        expires: { type: 'string', default: '8h' },
      },
    }).values;
  } catch (error) {
    // `--expires -1h` reads as an unknown option -1h; the value must be attached.
    const hint = process.argv.includes('--expires') ? ' (for a token that is already expired, attach the value: --expires=-1h)' : '';
    fail(`${error instanceof Error ? error.message : String(error)}${hint}`);
  }
}
const values = parsedArguments();
// A span jose understands: 30m, 8h, 2d; negative (-1h) for a token that is already expired.
if (!/^-?\d+(s|m|h|d)$/.test(values.expires)) fail(`--expires must be a span such as 30m, 8h, 2d or -1h, not "${values.expires}"`);
if (!values.org) fail('--org is required');
const roles = (values.role ?? []) as Role[];
if (roles.length === 0) fail('at least one --role is required');
const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
if (unknown.length) fail(`unknown role(s): ${unknown.join(', ')}`);
const type = (values.type ?? TYPE_OF_ROLE[roles[0]!]) as OrganisationType;
if (!ORGANISATION_TYPES.includes(type)) fail(`unknown organisation type: ${type}`);

void signDevelopmentToken({ userId: values.user ?? `${values.org}-${roles[0]}`, organisationId: values.org, organisationType: type, roles }, { expiresIn: values.expires }).then((token) =>
  process.stdout.write(`${token}\n`),
);
