// GET /health: the portal itself is up and has its single-page app to serve. The services
// it calls have their own /health.
import fs from 'node:fs';
import path from 'node:path';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ProblemException, Public } from '@wcc/nest-kit';
import { webDist } from './web/web-build';

@ApiTags('health')
@Controller('health')
export class HealthController {
  @Get()
  @Public()
  check() {
    if (!fs.existsSync(path.join(webDist, 'index.html'))) throw ProblemException.unavailable('The web app is not built.');
    return { status: 'ok', info: { web: { status: 'up' } } };
  }
}
