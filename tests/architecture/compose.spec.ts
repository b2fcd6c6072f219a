// docker-compose.yml cannot run on machines without a Docker engine, so this keeps it
// honest instead: every service it builds exists under services/, and every variable
// it sets is one that service's code (or the platform libraries it runs on) reads.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..', '..');
const infrastructure = new Set(['kafka', 'postgres', 'kurrentdb']);

interface ComposeService {
  build?: unknown;
  image?: string;
  environment?: Record<string, unknown>;
}

function sourcesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesUnder(full);
    return /\.(ts|js)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) ? [full] : [];
  });
}

const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, ComposeService> };
const platformSource = sourcesUnder(path.join(root, 'libs', 'platform'))
  .map((f) => fs.readFileSync(f, 'utf8'))
  .join('\n');

/** Every way the compose file disagrees with services/, as sentences. */
function composeProblems(services: Record<string, ComposeService>): string[] {
  const problems: string[] = [];
  const onDisk = fs.existsSync(path.join(root, 'services')) ? fs.readdirSync(path.join(root, 'services')).filter((n) => fs.existsSync(path.join(root, 'services', n, 'src', 'main.ts'))) : [];
  for (const name of onDisk) if (!(name in services)) problems.push(`services/${name} has no compose entry`);
  for (const [name, service] of Object.entries(services).filter(([n]) => !infrastructure.has(n))) {
    if (!service.build) problems.push(`${name} is not built from the Dockerfile`);
    if (!onDisk.includes(name)) {
      problems.push(`${name} does not exist under services/`);
      continue;
    }
    const own = sourcesUnder(path.join(root, 'services', name, 'src'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    for (const variable of Object.keys(service.environment ?? {})) {
      const read = new RegExp(`['"\`]${variable}['"\`]`);
      if (!read.test(own) && !read.test(platformSource)) problems.push(`${name} sets ${variable}, which nothing in it reads`);
    }
  }
  return problems;
}

describe('docker-compose.yml', () => {
  it('runs Kafka in KRaft mode from the official image, Postgres and KurrentDB', () => {
    expect(compose.services['kafka']?.image).toMatch(/^apache\/kafka:/);
    expect(compose.services['kafka']?.environment?.['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    expect(compose.services['postgres']?.image).toMatch(/^postgres:/);
    expect(compose.services['kurrentdb']?.image).toMatch(/kurrentdb/);
  });

  it('agrees with services/: every service has an entry, builds, and sets only variables it reads', () => {
    expect(composeProblems(compose.services)).toEqual([]);
  });

  it('catches an entry for a service that does not exist and a variable nobody reads', () => {
    const broken = {
      ...compose.services,
      'no-such-service': { build: { context: '.' }, environment: { PORT: '1' } },
      'unbuilt-service': { image: 'busybox' },
    };
    expect(composeProblems(broken)).toEqual(expect.arrayContaining(['no-such-service does not exist under services/', 'unbuilt-service is not built from the Dockerfile']));
  });
});
