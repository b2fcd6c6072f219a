// The GGZ care provider's service (port 3002).
import { runService } from '@wcc/nest-kit';
import { AppModule } from './app.module';
import { careProviderService } from './service';

void runService(AppModule, careProviderService, 3002);
