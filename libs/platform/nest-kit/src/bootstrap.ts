// Starts one service the same way everywhere: JSON bodies up to 1 MB, problem+json
// for every error, the auth gate on every route, OpenAPI at /docs.
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AuthGuard } from './auth/auth.guard';
import { ProblemDetailsFilter } from './http/problem';

export const BODY_LIMIT = '1mb';

export interface ServiceDescription {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly version?: string;
}

export function openApiDocument(app: INestApplication, service: ServiceDescription): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(service.title)
    .setDescription(service.description)
    .setVersion(service.version ?? '0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Creates and configures the app without listening, so tests can use it too. */
export async function createServiceApp(module: Type<unknown> | DynamicModule, service: ServiceDescription): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bodyParser: false, bufferLogs: false });
  app.useBodyParser('json', { limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] });
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
