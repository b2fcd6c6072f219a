// The portal (port 3000): builds the web app when needed, serves it, and calls the seven
// services for the signed-in user (backend for frontend).
import express from 'express';
import path from 'node:path';
import { createServiceApp } from '@wcc/nest-kit';
import { AppModule } from './app.module';
import { portalService } from './service';
import { ensureWebBuild, webDist } from './web/web-build';

async function main(): Promise<void> {
  ensureWebBuild((line) => process.stdout.write(`[portal] ${line}\n`));
  const app = await createServiceApp(AppModule, portalService);
  app.use((_request: express.Request, response: express.Response, next: express.NextFunction) => {
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    next();
  });
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  // Every other GET that is no API call is a screen of the single-page app.
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (request.method !== 'GET' || /^\/(api|health|docs)(\/|$)/.test(request.path)) return next();
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(path.join(webDist, 'index.html'));
  });
  await app.listen(Number(process.env['PORT'] ?? 3000), process.env['HOST'] ?? '127.0.0.1');
}

void main().catch((err: unknown) => {
  process.stderr.write(`portal failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
