#!/usr/bin/env node
// A real Apache Kafka broker without Docker: Kafka's released jars from Maven Central
// (resolved by Maven into a cache outside the repository), KRaft storage formatted
// once, and a single-node combined broker/controller started with `java`.
//
//   node infra/kafka-local/kafka-local.js start | stop | status | reset
//
// KAFKA_LOCAL_PORT picks the port (9092; the controller listens on the next one) and
// KAFKA_LOCAL_STATE_DIR where the broker's data, config, pid file and log live (by
// default beside the jar cache). `npm test` gives its run a port and a state directory
// of its own, so nothing `npm start` left in its broker can reach a test, and hands the
// broker to a watchdog that stops it when the run's process is gone, however it ended.
//
// KAFKA_LOCAL_SASL_USERS ({"admin":"…","employer-network":"…"}) starts it as production
// runs it: SASL/PLAIN on the client listener, the KRaft StandardAuthorizer, nothing
// allowed without an ACL, `admin` the only super user (with the controller's own
// plaintext listener on 127.0.0.1, which the combined node uses internally).
//
// Importable too: the test harness and `npm start` call ensureLocalKafka() and
// stopLocalKafka() so there is one way to bring the broker up.
// CommonJS on purpose: it is required from TypeScript compiled to CommonJS and runs
// as a plain script before anything is compiled.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const KAFKA_VERSION = '4.1.0';
const here = __dirname;
const port = Number(process.env.KAFKA_LOCAL_PORT ?? 9092);
const controllerPort = port + 1;
const home = process.env.KAFKA_LOCAL_HOME ?? path.join(os.homedir(), '.cache', 'work-care-chain', 'kafka-local');
const libDir = path.join(home, `kafka-${KAFKA_VERSION}`, 'lib');
const stateDir = process.env.KAFKA_LOCAL_STATE_DIR ?? home;
const dataDir = path.join(stateDir, `data-${port}`);
const configFile = path.join(stateDir, `server-${port}.properties`);
const pidFile = path.join(stateDir, `kafka-${port}.pid`);
const logFile = path.join(stateDir, `kafka-${port}.log`);
const localBrokers = `127.0.0.1:${port}`;
const saslUsers = process.env.KAFKA_LOCAL_SASL_USERS ? JSON.parse(process.env.KAFKA_LOCAL_SASL_USERS) : undefined;
if (saslUsers !== undefined && typeof saslUsers.admin !== 'string') throw new Error('KAFKA_LOCAL_SASL_USERS must name an admin user');
/** kafkajs's sasl option for the admin user of a secured local broker. */
const adminSasl = saslUsers ? { mechanism: 'plain', username: 'admin', password: saslUsers.admin } : undefined;
/**
 * KAFKA_LOCAL_CLUSTER ({"nodeId":2,"voters":"1@127.0.0.1:p,2@…","clusterId":"…","replicationFactor":3})
 * makes this node one of a cluster (kafka-cluster.js starts them): a static controller
 * quorum, and the cluster's replication defaults for every topic.
 */
const cluster = process.env.KAFKA_LOCAL_CLUSTER ? JSON.parse(process.env.KAFKA_LOCAL_CLUSTER) : undefined;
const replicationFactor = cluster?.replicationFactor ?? 1;
/** With three replicas an acknowledged write is on two of them; with one, on the one. */
const minInsync = Math.min(2, replicationFactor);

const log = (line) => process.stderr.write(`[kafka-local] ${line}\n`);

class LocalKafkaError extends Error {}

function requireTool(tool, args, hint) {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new LocalKafkaError(`${tool} is not usable (${r.error?.message ?? r.stderr.trim()}). ${hint}`);
}

/** Resolves the broker's jars with Maven once; later starts reuse the cache. */
function ensureJars() {
  const marker = path.join(libDir, '.complete');
  if (fs.existsSync(marker)) return;
  requireTool('java', ['-version'], 'Install a JDK 17+ or set KAFKA_BROKERS to an external broker.');
  requireTool('mvn', ['-v'], 'Install Apache Maven or set KAFKA_BROKERS to an external broker.');
  log(`resolving org.apache.kafka:kafka_2.13:${KAFKA_VERSION} and its runtime dependencies with Maven into ${libDir}`);
  fs.rmSync(libDir, { recursive: true, force: true });
  const r = spawnSync('mvn', ['-q', '-B', '-f', path.join(here, 'pom.xml'), 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${libDir}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new LocalKafkaError(`Maven could not resolve the Kafka jars (exit ${r.status}); see its output above.`);
  fs.writeFileSync(marker, new Date().toISOString());
}

function java(args, options = {}) {
  return spawnSync('java', ['-cp', path.join(libDir, '*'), ...args], { encoding: 'utf8', ...options });
}

/** The listener lines: plaintext, or SASL/PLAIN with the authorizer when users are given. */
function listenerConfig() {
  if (!saslUsers) {
    return [
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      'inter.broker.listener.name=PLAINTEXT',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    ];
  }
  const quote = (v) => `"${String(v).replace(/["\\;]/g, '')}"`;
  const users = Object.entries(saslUsers)
    .map(([name, password]) => `user_${name}=${quote(password)}`)
    .join(' ');
  return [
    `listeners=SASL_PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=SASL_PLAINTEXT://127.0.0.1:${port}`,
    'inter.broker.listener.name=SASL_PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT',
    'sasl.enabled.mechanisms=PLAIN',
    'sasl.mechanism.inter.broker.protocol=PLAIN',
    `listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password=${quote(saslUsers.admin)} ${users};`,
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    // The controller listener is plaintext on loopback; the node talks to itself through it.
    'super.users=User:admin;User:ANONYMOUS',
    'allow.everyone.if.no.acl.found=false',
  ];
}

function writeConfig() {
  fs.writeFileSync(
    configFile,
    [
      '# Generated by infra/kafka-local/kafka-local.js; edits are overwritten on start.',
      'process.roles=broker,controller',
      `node.id=${cluster?.nodeId ?? 1}`,
      cluster ? `controller.quorum.voters=${cluster.voters}` : `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
      ...listenerConfig(),
      'controller.listener.names=CONTROLLER',
      `log.dirs=${dataDir}`,
      'num.partitions=3',
      // One node: every internal topic has one replica; a cluster: three, two in sync for
      // an acknowledged write. Fewer partitions make the first consumer-group join (which
      // creates __consumer_offsets) fast.
      `default.replication.factor=${replicationFactor}`,
      `min.insync.replicas=${minInsync}`,
      `offsets.topic.replication.factor=${replicationFactor}`,
      'offsets.topic.num.partitions=8',
      `transaction.state.log.replication.factor=${replicationFactor}`,
      `transaction.state.log.min.isr=${minInsync}`,
      'transaction.state.log.num.partitions=4',
      `share.coordinator.state.topic.replication.factor=${replicationFactor}`,
      `share.coordinator.state.topic.min.isr=${minInsync}`,
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=true',
      'delete.topic.enable=true',
      '',
    ].join('\n'),
  );
}

function newClusterId() {
  ensureJars();
  const id = java(['kafka.tools.StorageTool', 'random-uuid']);
  if (id.status !== 0) throw new LocalKafkaError(`could not create a cluster id: ${id.stderr.trim()}`);
  return id.stdout.trim().split('\n').pop();
}

/** Formats KRaft storage once; a formatted directory is kept across restarts. */
function ensureFormatted() {
  if (fs.existsSync(path.join(dataDir, 'meta.properties'))) return;
  const clusterId = cluster?.clusterId ?? newClusterId();
  // A cluster's static quorum is named in the config; a single node bootstraps its own.
  const r = java(['kafka.tools.StorageTool', 'format', ...(cluster ? [] : ['--standalone']), '-t', clusterId, '-c', configFile]);
  if (r.status !== 0) throw new LocalKafkaError(`formatting KRaft storage in ${dataDir} failed:\n${r.stdout}${r.stderr}`);
  log(`formatted KRaft storage in ${dataDir} (cluster ${clusterId})`);
}

/** True when a broker at `brokers` answers a metadata request within `timeoutMs`. */
async function answersMetadata(brokers, timeoutMs = 3000) {
  const { Kafka, logLevel } = require('kafkajs');
  const admin = new Kafka({
    clientId: 'kafka-local-probe',
    brokers: brokers.split(','),
    connectionTimeout: Math.min(timeoutMs, 1000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
    ...(adminSasl ? { sasl: adminSasl } : {}),
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function runningPid() {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

function logTail(lines = 40) {
  try {
    return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}

/** The most telling line of a failed start, so the person reading does not have to dig. */
function failureReason(tail) {
  const lines = tail.split('\n');
  const line = lines.find((l) => /Address already in use|BindException/.test(l)) ?? lines.find((l) => /(ERROR|FATAL|Exception)/.test(l));
  return line ? line.trim() : 'the broker did not answer a metadata request in time';
}

/**
 * Brings the local broker up, reusing one that already answers on the port.
 * Resolves to { brokers, startedHere } so callers stop only what they started.
 */
async function ensureLocalKafka({ timeoutMs = 90_000, ownerPid = ownerFromEnv() } = {}) {
  if (await answersMetadata(localBrokers)) {
    log(`reusing the broker already answering on ${localBrokers}`);
    return { brokers: localBrokers, startedHere: false };
  }
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(stateDir, { recursive: true });
  ensureJars();
  writeConfig();
  ensureFormatted();
  if (fs.existsSync(logFile)) fs.renameSync(logFile, `${logFile}.1`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    'java',
    [
      '-Xms256m',
      `-Xmx${process.env.KAFKA_LOCAL_HEAP ?? '1g'}`,
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${path.join(here, 'log4j2.properties')}`,
      '-cp',
      path.join(libDir, '*'),
      'kafka.Kafka',
      configFile,
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? code));
  child.unref();
  fs.writeFileSync(pidFile, String(child.pid));
  log(`starting Kafka ${KAFKA_VERSION} (pid ${child.pid}) on ${localBrokers}; log: ${logFile}`);

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== null) break;
    if (await answersMetadata(localBrokers, 2000)) {
      log(`broker answers on ${localBrokers}`);
      if (ownerPid !== undefined) watchOwner(ownerPid, child.pid);
      return { brokers: localBrokers, startedHere: true, pid: child.pid };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const tail = logTail();
  if (exited === null) await stopLocalKafka();
  else fs.rmSync(pidFile, { force: true });
  throw new LocalKafkaError(
    `the local Kafka broker did not start${exited !== null ? ` (java exited: ${exited})` : ` within ${timeoutMs / 1000}s`}.\n` +
      `Reason: ${failureReason(tail)}\n--- last lines of ${logFile} ---\n${tail}`,
  );
}

/** KAFKA_LOCAL_OWNER_PID: a broker restarted anywhere inside a test run still dies with the run. */
function ownerFromEnv() {
  const pid = Number(process.env.KAFKA_LOCAL_OWNER_PID);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILL, as a crash would; resolves once the process is gone. */
async function kill(pid) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'gone';
  }
  while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
  return 'killed';
}

/** SIGTERM for a controlled shutdown, SIGKILL after `graceMs`; resolves once the process is gone. */
async function terminate(pid, graceMs = 30_000) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'gone';
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return 'stopped';
    await new Promise((r) => setTimeout(r, 200));
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'stopped';
  }
  while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
  return 'killed';
}

/**
 * A detached watchdog process that stops the broker once `ownerPid` has exited, for the
 * runs that end without their own clean-up (SIGKILL, a crash, a closed terminal). It
 * leaves by itself when the broker is stopped normally; the pid file is checked so that a
 * watchdog never kills a process that merely reuses the broker's old pid.
 */
function watchOwner(ownerPid, brokerPid) {
  const watchdog = spawn(process.execPath, [path.join(here, 'kafka-local.js'), 'watch', String(ownerPid), String(brokerPid)], {
    detached: true,
    stdio: 'ignore',
    env: process.env,
  });
  watchdog.unref();
}

async function watch(ownerPid, brokerPid) {
  for (;;) {
    if (!alive(brokerPid) || runningPid() !== brokerPid) return;
    if (!alive(ownerPid)) {
      log(`owner (pid ${ownerPid}) is gone; stopping its broker (pid ${brokerPid})`);
      await terminate(brokerPid, 20_000);
      fs.rmSync(pidFile, { force: true });
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Stops the broker this module started: SIGTERM (a controlled shutdown, SIGKILL after 30 s),
 * or with `{ signal: 'SIGKILL' }` killed outright, as a crash would, for fault tests.
 */
async function stopLocalKafka(options = {}) {
  const pid = runningPid();
  if (pid === undefined) {
    fs.rmSync(pidFile, { force: true });
    return false;
  }
  const how = options.signal === 'SIGKILL' ? await kill(pid) : await terminate(pid);
  fs.rmSync(pidFile, { force: true });
  log(how === 'killed' ? `broker (pid ${pid}) killed${options.signal === 'SIGKILL' ? ' with SIGKILL' : ': it did not stop in 30 s'}` : `stopped broker (pid ${pid})`);
  return true;
}

async function main(command) {
  switch (command) {
    case 'start': {
      const { brokers } = await ensureLocalKafka();
      process.stdout.write(`${brokers}\n`);
      return;
    }
    case 'stop':
      if (!(await stopLocalKafka())) log('no broker started by kafka-local is running');
      return;
    case 'status': {
      const pid = runningPid();
      const answers = await answersMetadata(localBrokers);
      process.stdout.write(`${localBrokers}: ${answers ? 'answering' : 'not answering'}; pid ${pid ?? 'none'}; log ${logFile}\n`);
      process.exitCode = answers ? 0 : 1;
      return;
    }
    case 'watch':
      await watch(Number(process.argv[3]), Number(process.argv[4]));
      return;
    case 'reset':
      await stopLocalKafka();
      fs.rmSync(dataDir, { recursive: true, force: true });
      log(`removed ${dataDir}; the next start formats fresh storage`);
      return;
    default:
      process.stderr.write('usage: kafka-local.js start | stop | status | reset\n');
      process.exitCode = 2;
  }
}

module.exports = { KAFKA_VERSION, localBrokers, logFile, stateDir, adminSasl, answersMetadata, ensureLocalKafka, stopLocalKafka, runningPid, newClusterId };

if (require.main === module) {
  main(process.argv[2]).catch((err) => {
    process.stderr.write(`[kafka-local] ${err instanceof LocalKafkaError ? err.message : err.stack}\n`);
    process.exitCode = 1;
  });
}
