// /api/services/<service>/<path> → the service's own /<path>, with the signed-in user's
// bearer token. Method, query, JSON body, Idempotency-Key and Accept-Language pass
// through; the answer (status, content type, body — problem+json refusals included)
// comes back unchanged. The portal decides nothing: what a user may see or do is what
// the service answers to their token, so the portal cannot widen it.
import { All, Controller, Param, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ProblemException, Public } from '@wcc/nest-kit';
import { isPortalService, serviceUrl } from '../config';
import { SessionGuard, type RequestWithSession } from '../session/session.guard';

const PASSED_HEADERS = ['idempotency-key', 'accept-language', 'traceparent'] as const;
const TIMEOUT_MS = 30_000;

/** The service path of a portal URL: `/api/services/case-view/cases/1?x=y` → `/cases/1?x=y`. */
export function downstreamPath(originalUrl: string, service: string): string {
  const prefix = `/api/services/${service}`;
  const rest = originalUrl.startsWith(prefix) ? originalUrl.slice(prefix.length) : '';
  return rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
}

@Public()
@ApiExcludeController()
@UseGuards(SessionGuard)
@Controller('api/services')
export class ServiceProxyController {
  @All([':service', ':service/*path'])
  async forward(@Param('service') service: string, @Req() request: Request & RequestWithSession, @Res() response: Response): Promise<void> {
    if (!isPortalService(service)) throw ProblemException.notFound(`The portal knows no service named ${service}.`);
    const path = downstreamPath(request.originalUrl, service);
    if (path.includes('..')) throw ProblemException.notFound('No such path.');
    const headers: Record<string, string> = { authorization: `Bearer ${request.portalSession!.token}`, accept: 'application/json' };
    for (const name of PASSED_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    if (hasBody) headers['content-type'] = 'application/json';
    let answer: globalThis.Response;
    try {
      answer = await fetch(`${serviceUrl(service)}${path}`, {
        method: request.method,
        headers,
        ...(hasBody ? { body: JSON.stringify(request.body ?? {}) } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      response
        .status(502)
        .type('application/problem+json')
        .json({ type: 'urn:wcc:problem:service-unreachable', title: 'The service did not answer', status: 502, detail: `${service} did not answer: ${reason}`, code: 'service-unreachable' });
      return;
    }
    const body = Buffer.from(await answer.arrayBuffer());
    response.status(answer.status);
    const contentType = answer.headers.get('content-type');
    if (contentType) response.setHeader('content-type', contentType);
    response.setHeader('cache-control', 'no-store');
    response.end(body);
  }
}
