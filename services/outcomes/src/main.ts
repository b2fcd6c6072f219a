// The outcomes monitor (port 3007).
import { runService } from '@wcc/nest-kit';
import { AppModule } from './app.module';
import { outcomesService } from './service';

void runService(AppModule, outcomesService, 3007);
