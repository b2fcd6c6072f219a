// `npm start`: installs when needed, then hands over to scripts/start.ts (TypeScript,
// run through SWC) which brings up Postgres, Kafka and every service.
import { spawn } from 'node:child_process';
import { ensureDependencies, root } from './bootstrap.mjs';

ensureDependencies();
const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/start.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the whole process group; start.ts does the cleaning up, we wait for it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
