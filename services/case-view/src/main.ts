// The shared MDT case view (port 3005).
import { runService } from '@wcc/nest-kit';
import { AppModule } from './app.module';
import { caseViewService } from './service';

void runService(AppModule, caseViewService, 3005);
