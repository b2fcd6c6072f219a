// The municipality's service (port 3001).
import { runService } from '@wcc/nest-kit';
import { AppModule } from './app.module';
import { municipalityService } from './service';

void runService(AppModule, municipalityService, 3001);
