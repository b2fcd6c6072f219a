// A throw-away local broker for a test that needs one of its own (its own port, state
// directory and settings, e.g. SASL): started by an owner process through kafka-local, so
// its watchdog stops the broker when the owner is killed.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { repositoryRoot } from './service-process';

/** A port p with p + 1 free too: a local broker listens on p, its controller on p + 1. */
export async function freePortPair(): Promise<number> {
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
    if (port !== undefined && port < 65535 && (await listen(port + 1)) === port + 1) return port;
  }
}

/** `count` free port pairs at least two apart, one per node of a local cluster. */
export async function freeClusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePortPair();
    if (!ports.some((p) => Math.abs(p - port) < 2)) ports.push(port);
  }
  return ports;
}

/** Whether a process with this pid still runs (signal 0 probes without touching it). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface OwnedBroker {
  readonly brokers: string;
  readonly startedHere: boolean;
  /** The broker's java process. */
  readonly pid: number;
  /** The process that owns it; kill it and the watchdog stops the broker. */
  readonly owner: ChildProcess;
}

/** Starts a broker owned by a child process, with `env` (KAFKA_LOCAL_PORT, KAFKA_LOCAL_STATE_DIR, …). */
export function startOwnedBroker(env: NodeJS.ProcessEnv): Promise<OwnedBroker> {
  const script = path.join(repositoryRoot(), 'infra', 'kafka-local', 'kafka-local.js');
  const childEnv = { ...env };
  delete childEnv['KAFKA_LOCAL_OWNER_PID'];
  const owner = spawn(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(script)}).ensureLocalKafka({ ownerPid: process.pid }).then((r) => { console.log(JSON.stringify(r)); setInterval(() => {}, 1000); }, (e) => { console.error(e); process.exit(2); })`,
    ],
    { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    owner.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ ...(JSON.parse(line) as { brokers: string; startedHere: boolean; pid: number }), owner });
    });
    owner.on('exit', (code) => reject(new Error(`the broker's owner exited (${code}) before the broker answered`)));
  });
}
