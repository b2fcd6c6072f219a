// Nest's LoggerService over pino: what Nest and `new Logger(context)` write becomes
// the service's JSON lines, with Nest's context as `context` and stacks as `stack`.
import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Level } from 'pino';
import type { ServiceLogger } from './service-logger';

const LEVELS: Record<LogLevel, Level> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

export class PinoNestLogger implements LoggerService {
  constructor(readonly pino: ServiceLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  setLogLevels(levels: LogLevel[]): void {
    // Nest passes every level it wants; pino takes the lowest.
    const order: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
    const lowest = order.find((l) => levels.includes(l));
    this.pino.level = lowest ? LEVELS[lowest] : 'silent';
  }

  /**
   * Nest calls `log(message, ...params, context)`; for errors the params may hold a
   * stack (`error(message, stack, context)`), or `undefined` in its place.
   */
  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' && !String(rest[rest.length - 1]).includes('\n') ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    const stack = rest.find((p): p is string => typeof p === 'string' && p.includes('\n'));
    if (stack) fields['stack'] = stack;
    const error = [message, ...rest].find((p): p is Error => p instanceof Error);
    if (error) fields['err'] = error;
    let text = '';
    if (typeof message === 'string') text = message;
    else if (isFieldsWithMessage(message)) {
      const { msg, ...more } = message;
      text = msg;
      Object.assign(fields, more);
    } else if (message instanceof Error) text = message.message;
    // An object is logged as fields (so redaction applies), never stringified into msg.
    else if (message !== null && typeof message === 'object') Object.assign(fields, message);
    else if (typeof message === 'number' || typeof message === 'boolean' || typeof message === 'bigint') text = String(message);
    this.pino[LEVELS[level]](fields, text);
  }
}

function isFieldsWithMessage(value: unknown): value is { msg: string } & Record<string, unknown> {
  return value !== null && typeof value === 'object' && typeof (value as { msg?: unknown }).msg === 'string';
}
