// Whether a Docker engine answers, asked cheaply (one /_ping) before loading testcontainers.
import fs from 'node:fs';
import http from 'node:http';

export async function dockerEngineReachable(timeoutMs = 1000): Promise<boolean> {
  const host = process.env['DOCKER_HOST'];
  const socketPath = host?.startsWith('unix://') ? host.slice('unix://'.length) : '/var/run/docker.sock';
  const target: http.RequestOptions =
    host && host.startsWith('tcp://') ? { host: new URL(host.replace('tcp://', 'http://')).hostname, port: Number(new URL(host.replace('tcp://', 'http://')).port || 2375) } : { socketPath };
  if (!target.host && !fs.existsSync(socketPath)) return false;
  return new Promise((resolve) => {
    const req = http.request({ ...target, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}
