// The employer network's service: employers, vacancies, matching and placements (port 3003).
import { runService } from '@wcc/nest-kit';
import packageJson from '../package.json';
import { AppModule, employerNetworkService } from './app.module';

void runService(AppModule, employerNetworkService, packageJson.wcc.port);
