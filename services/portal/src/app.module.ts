import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { ServiceProxyController } from './proxy/service-proxy.controller';
import { SessionController } from './session/session.controller';
import { SessionGuard } from './session/session.guard';
import { SessionStore } from './session/session.store';

@Module({
  controllers: [HealthController, SessionController, ServiceProxyController],
  providers: [SessionStore, SessionGuard],
})
export class AppModule {}
