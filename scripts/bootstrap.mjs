// Set-up that `npm start` and `npm test` do for themselves on a fresh clone: install
// dependencies when node_modules is missing or was installed for another manifest. Plain
// JavaScript with no dependencies, because it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function say(line) {
  process.stdout.write(`[wcc] ${line}\n`);
}

const installMarker = path.join(root, 'node_modules', '.wcc-installed');

function manifestHash() {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) hash.update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}

export function ensureDependencies() {
  const current = fs.existsSync(installMarker) ? fs.readFileSync(installMarker, 'utf8') : '';
  if (current === manifestHash()) return;
  // `npm install`, not `npm ci`: with this machine's npm settings the lock file omits
  // other platforms' optional packages, which `npm ci` then refuses as out of sync.
  say('installing dependencies (npm install) …');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    say(`npm install failed (exit ${r.status}); fix the install before running again`);
    process.exit(r.status ?? 1);
  }
  fs.writeFileSync(installMarker, manifestHash());
}
