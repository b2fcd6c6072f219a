// The health insurer's service: care funding decisions and claims (port 3004).
import { runService } from '@wcc/nest-kit';
import { AppModule } from './app.module';
import { insurerService } from './service';

void runService(AppModule, insurerService, 3004);
