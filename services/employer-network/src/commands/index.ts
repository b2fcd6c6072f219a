import { EmployerCommandHandler } from './employer.handler';
import { MatchingCommandHandler } from './matching.handler';

export * from './employer-network.commands';

export const commandHandlers = [EmployerCommandHandler, MatchingCommandHandler];
