// The exchange log service: Logboek Dataverwerkingen records of the chain (port 3006).
import { runService } from '@wcc/nest-kit';
import { AppModule } from './app.module';
import { exchangeLogService } from './service';

void runService(AppModule, exchangeLogService, 3006);
