// A broker started for a run dies with the run, however the run ends: `npm test` relies
// on this to leave no `java` behind when it is killed before its own clean-up. Starts a
// second, throw-away broker on a port and state directory of its own (never the run's).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answersMetadata } from './kafka-local';

const script = path.join(__dirname, 'kafka-local.js');

async function freePortPair(): Promise<number> {
  const listen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const got = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(got));
      });
    });
  for (;;) {
    const port = await listen(0);
    if (port !== undefined && (await listen(port + 1)) === port + 1) return port;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return check();
}

describe('kafka-local: a broker owned by a process', () => {
  let owner: ChildProcess | undefined;
  let brokerPid: number | undefined;
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-kafka-owner-test-'));

  afterAll(() => {
    owner?.kill('SIGKILL');
    if (brokerPid !== undefined && alive(brokerPid)) process.kill(brokerPid, 'SIGKILL');
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it('is stopped by its watchdog when the owner is killed with SIGKILL before it could clean up', async () => {
    const port = await freePortPair();
    const env: NodeJS.ProcessEnv = { ...process.env, KAFKA_LOCAL_PORT: String(port), KAFKA_LOCAL_STATE_DIR: stateDir };
    delete env['KAFKA_LOCAL_OWNER_PID'];
    // The owner: starts the broker as `npm test` does, reports its pid, then hangs.
    owner = spawn(
      process.execPath,
      ['-e', `require(${JSON.stringify(script)}).ensureLocalKafka({ ownerPid: process.pid }).then((r) => { console.log(JSON.stringify(r)); setInterval(() => {}, 1000); }, (e) => { console.error(e); process.exit(2); })`],
      { env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const started = await new Promise<{ brokers: string; startedHere: boolean; pid: number }>((resolve, reject) => {
      let out = '';
      owner!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line) as { brokers: string; startedHere: boolean; pid: number });
      });
      owner!.on('exit', (code) => reject(new Error(`the owner exited (${code}) before its broker answered`)));
    });
    brokerPid = started.pid;
    expect(started).toMatchObject({ brokers: `127.0.0.1:${port}`, startedHere: true });
    expect(alive(started.pid), 'the broker runs while its owner does').toBe(true);

    owner.kill('SIGKILL');
    expect(await until(() => !alive(started.pid), 45_000), `broker pid ${started.pid} still runs after its owner was killed`).toBe(true);
    expect(await answersMetadata(started.brokers, 1000), 'nothing answers on the port any more').toBe(false);
    // The watchdog removes the pid file just after it saw the process end (it polls).
    expect(await until(() => !fs.existsSync(path.join(stateDir, `kafka-${port}.pid`)), 10_000), 'the pid file is gone').toBe(true);
  }, 150_000);
});
