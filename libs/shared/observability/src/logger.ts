import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type LoggerService, type NestMiddleware } from '@nestjs/common';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { Correlation, REQUEST_ID_HEADER } from './correlation.js';

export interface ServiceLogOptions {
  readonly service: string;
  readonly logLevel: string;
  /** Where the lines go: stdout unless a test reads them. */
  readonly destination?: DestinationStream;
}

/** Redacted wherever they appear in a log line: credentials and contacts' personal data. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.phone',
  '*.mobile',
  '*.email',
  '*.birthday',
  '*.password',
  '*.token',
];

/**
 * The service's one JSON logger. Every line carries the request, correlation and causation ids
 * of the work it belongs to, taken from the correlation context rather than passed around.
 */
export function createServiceLogger({ service, logLevel, destination }: ServiceLogOptions): Logger {
  const options: LoggerOptions = {
    name: service,
    level: logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin: () => {
      const context = Correlation.current();
      return context
        ? {
            requestId: context.requestId,
            correlationId: context.correlationId,
            causationId: context.causationId ?? undefined,
          }
        : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The pino logger of this service, as a provider. */
@Injectable()
export class ServiceLogger {
  constructor(readonly pino: Logger) {}
}

type NestLevel = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';
const PINO_LEVEL: Record<NestLevel, 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal'> = {
  log: 'info',
  error: 'error',
  warn: 'warn',
  debug: 'debug',
  verbose: 'trace',
  fatal: 'fatal',
};

/**
 * Nest's own logging (`new Logger(Context).log(…)`, the framework's boot lines) written as the
 * service's JSON lines. Nest passes the context as the last string argument and, for errors, a
 * stack before it.
 */
@Injectable()
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: ServiceLogger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: NestLevel, message: unknown, rest: unknown[]): void {
    const params = [...rest];
    const context =
      params.length > 0 && typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    const stack = params.find((p): p is string => typeof p === 'string' && p.includes('\n'));
    const log = this.logger.pino[PINO_LEVEL[level]].bind(this.logger.pino);
    if (message instanceof Error) {
      log({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      log({ context, ...message });
    } else {
      log({ context, ...(stack ? { err: { stack } } : {}) }, String(message));
    }
  }
}

/** Health and metrics probes come every few seconds and say nothing worth a line. */
const QUIET_ROUTES = /^\/(health|metrics)/;

/**
 * One line per HTTP request, with its id and correlation id. Runs after the correlation
 * middleware, so the ids are those the request is served under.
 */
@Injectable()
export class HttpLogMiddleware implements NestMiddleware {
  private readonly http: HttpLogger;

  constructor(logger: ServiceLogger) {
    this.http = pinoHttp({
      logger: logger.pino,
      genReqId: (req: IncomingMessage) =>
        Correlation.current()?.requestId ?? String(req.headers[REQUEST_ID_HEADER] ?? ''),
      // Nest mounts middleware under a path, so `url` may be cut: the original says it all.
      autoLogging: {
        ignore: (req) => QUIET_ROUTES.test((req as { originalUrl?: string }).originalUrl ?? ''),
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    });
  }

  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    this.http(req, res, next);
  }
}
