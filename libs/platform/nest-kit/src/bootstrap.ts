// Starts one service the same way everywhere: JSON log lines with the request's trace,
// JSON bodies up to 1 MB, problem+json for every error, the auth gate on every route,
// OpenAPI at /docs.
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { DestinationStream } from 'pino';
import { AuthGuard } from './auth/auth.guard';
import { bodyParserProblems, ProblemDetailsFilter } from './http/problem';
import { PinoNestLogger } from './logging/nest-logger';
import { requestTracing } from './logging/request-logging';
import { createServiceLogger } from './logging/service-logger';

export const BODY_LIMIT = '1mb';

export interface ServiceDescription {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly version?: string;
}

export function openApiDocument(app: INestApplication, service: ServiceDescription): OpenAPIObject {
  // OpenAPI 3.1: the bodies' and answers' schemas are JSON Schema 2020-12 (TypeBox), with
  // null types and numeric exclusive bounds that 3.0 cannot express.
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(service.title)
    .setDescription(service.description)
    .setVersion(service.version ?? '0.1.0')
    // Relative: the document is served by the service it describes, wherever that runs.
    .addServer('/', 'This service')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  return SwaggerModule.createDocument(app, config);
}

export interface ServiceAppOptions {
  /** Where the JSON log lines go; default stdout. */
  readonly logDestination?: DestinationStream;
}

/** Creates and configures the app without listening, so tests can use it too. */
export async function createServiceApp(module: Type<unknown> | DynamicModule, service: ServiceDescription, options: ServiceAppOptions = {}): Promise<NestExpressApplication> {
  const logger = createServiceLogger({ service: service.name, ...(options.logDestination ? { destination: options.logDestination } : {}) });
  const app = await NestFactory.create<NestExpressApplication>(module, { bodyParser: false, logger: new PinoNestLogger(logger) });
  // Before the body parser, so even a refused body is logged with its trace (raw-body
  // binds its callbacks to the request's async context, so the trace survives parsing).
  app.use(requestTracing(logger));
  app.useBodyParser('json', { limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.use(bodyParserProblems());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalGuards(new AuthGuard(app.get(Reflector)));
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, () => openApiDocument(app, service), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

export async function runService(module: Type<unknown> | DynamicModule, service: ServiceDescription, defaultPort: number): Promise<NestExpressApplication> {
  const app = await createServiceApp(module, service);
  const port = Number(process.env['PORT'] ?? defaultPort);
  await app.listen(port, process.env['HOST'] ?? '127.0.0.1');
  return app;
}
