// What a service loads when it runs is what its image must contain. The dev broker
// script (infra/kafka-local: Java, Maven, a Kafka download) is for `npm start` and
// `npm test` only, so no service or platform code may import it statically; the
// runtime library loads it lazily, and only when no KAFKA_BROKERS is given.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

function sourcesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist', 'testing', 'bench'].includes(entry.name) ? [] : sourcesUnder(full);
    return /\.ts$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('what services load at run time', () => {
  it('never imports the dev broker script statically from service or platform code', () => {
    const runtime = [...sourcesUnder(path.join(root, 'services')), ...sourcesUnder(path.join(root, 'libs'))];
    expect(runtime.length).toBeGreaterThan(50);
    const offenders = runtime.filter((file) => /^\s*import\s[^;]*from\s+['"]@wcc\/kafka-local['"]/m.test(fs.readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
