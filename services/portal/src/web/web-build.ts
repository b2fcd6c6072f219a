// The single-page app is built by Vite into web/dist when the portal starts and the
// build is missing or older than its sources, so that `npm start` and `npm test` work
// on a fresh clone without a separate build step. The build goes to a folder of its own
// and is renamed into place, so two portals starting at once never serve half a build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const webRoot = path.resolve(__dirname, '..', '..', 'web');
export const webDist = path.join(webRoot, 'dist');
const STAMP = '.built-from';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.dist-')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function webBuildIsCurrent(): boolean {
  const stamp = path.join(webDist, STAMP);
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(webDist, 'index.html'))) return false;
  return Number(fs.readFileSync(stamp, 'utf8')) >= newestSource(webRoot);
}

/** Builds the app when needed; throws with Vite's output when the build fails. */
export function ensureWebBuild(log: (line: string) => void): void {
  if (webBuildIsCurrent()) return;
  const sourcesAt = newestSource(webRoot);
  const outDir = path.join(webRoot, `.dist-${process.pid}`);
  log('building the web app (vite build) …');
  const started = Date.now();
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [webRoot] })), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(webRoot, 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', '--bypass-lock'], {
    cwd: webRoot,
    encoding: 'utf8',
    // Each build has an output folder of its own (above), so Vite's one-build-per-project lock is not needed.
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (result.status !== 0) {
    fs.rmSync(outDir, { recursive: true, force: true });
    throw new Error(`vite build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  fs.writeFileSync(path.join(outDir, STAMP), String(sourcesAt));
  if (webBuildIsCurrent()) {
    // Another portal finished first; its build is as new as ours.
    fs.rmSync(outDir, { recursive: true, force: true });
  } else {
    fs.rmSync(webDist, { recursive: true, force: true });
    fs.renameSync(outDir, webDist);
  }
  log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
