// A broker started for a run dies with the run, however the run ends: `npm test` relies
// on this to leave no `java` behind when it is killed before its own clean-up. Starts a
// second, throw-away broker on a port and state directory of its own (never the run's).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePortPair, processAlive, startOwnedBroker } from '@wcc/testing';
import { answersMetadata } from '@wcc/kafka-local';

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
    if (brokerPid !== undefined && processAlive(brokerPid)) process.kill(brokerPid, 'SIGKILL');
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it('is stopped by its watchdog when the owner is killed with SIGKILL before it could clean up', async () => {
    const port = await freePortPair();
    // The owner starts the broker as `npm test` does, reports its pid, then hangs.
    const started = await startOwnedBroker({ ...process.env, KAFKA_LOCAL_PORT: String(port), KAFKA_LOCAL_STATE_DIR: stateDir });
    owner = started.owner;
    brokerPid = started.pid;
    expect(started).toMatchObject({ brokers: `127.0.0.1:${port}`, startedHere: true });
    expect(processAlive(started.pid), 'the broker runs while its owner does').toBe(true);

    owner.kill('SIGKILL');
    expect(await until(() => !processAlive(started.pid), 45_000), `broker pid ${started.pid} still runs after its owner was killed`).toBe(true);
    expect(await answersMetadata(started.brokers, 1000), 'nothing answers on the port any more').toBe(false);
    // The watchdog removes the pid file just after it saw the process end (it polls).
    expect(await until(() => !fs.existsSync(path.join(stateDir, `kafka-${port}.pid`)), 10_000), 'the pid file is gone').toBe(true);
  }, 150_000);
});
