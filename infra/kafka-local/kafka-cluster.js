// A local Kafka cluster for fault tests: N KRaft nodes (each broker and controller, one JVM
// each) from the same jars, a static controller quorum, replication factor N and
// min.insync.replicas 2 for every topic. Each node is a kafka-local node with a state
// directory of its own, started through kafka-local's CLI, so logs, pid files and the
// watchdog that stops it with its owner are the single node's.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { newClusterId } = require('./kafka-local.js');

const script = path.join(__dirname, 'kafka-local.js');

/**
 * Starts a cluster on `ports` (each broker port p needs p + 1 free for its controller) with
 * its state under `stateDir`. With `ownerPid`, each node is stopped once that process is gone.
 */
async function startLocalCluster({ ports, stateDir, ownerPid, heap = '512m' }) {
  const clusterId = newClusterId();
  const voters = ports.map((p, i) => `${i + 1}@127.0.0.1:${p + 1}`).join(',');
  const nodes = ports.map((port, i) => {
    const dir = path.join(stateDir, `node-${i + 1}`);
    const env = {
      ...process.env,
      KAFKA_LOCAL_PORT: String(port),
      KAFKA_LOCAL_STATE_DIR: dir,
      KAFKA_LOCAL_HEAP: heap,
      KAFKA_LOCAL_CLUSTER: JSON.stringify({ nodeId: i + 1, voters, clusterId, replicationFactor: ports.length }),
      ...(ownerPid ? { KAFKA_LOCAL_OWNER_PID: String(ownerPid) } : {}),
    };
    delete env.KAFKA_LOCAL_SASL_USERS;
    const pidFile = path.join(dir, `kafka-${port}.pid`);
    const run = (command) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [script, command], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node ${i + 1} ${command} failed (exit ${code}):\n${err}`))));
      });
    return {
      nodeId: i + 1,
      broker: `127.0.0.1:${port}`,
      /** Starts the node (again) and resolves once the cluster answers through it. */
      start: () => run('start'),
      /** A controlled shutdown. */
      stop: () => run('stop'),
      /** Killed outright, as a crash would; resolves once the JVM is gone. */
      kill: async () => {
        const pid = Number(fs.readFileSync(pidFile, 'utf8'));
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          return;
        }
        for (;;) {
          try {
            process.kill(pid, 0);
          } catch {
            break;
          }
          await new Promise((r) => setTimeout(r, 50));
        }
        fs.rmSync(pidFile, { force: true });
      },
    };
  });
  // Together: a node answers only once a majority of the quorum is up.
  await Promise.all(nodes.map((n) => n.start()));
  return { brokers: nodes.map((n) => n.broker), nodes, stop: () => Promise.all(nodes.map((n) => n.stop().catch(() => undefined))) };
}

module.exports = { startLocalCluster };
