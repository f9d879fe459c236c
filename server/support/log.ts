/**
 * The one logger every module gets passed: structured lines (pino, JSON on stdout) with the
 * context a reader needs (document, user, component). Tests hand in a sink to read the lines.
 */
import pino, { type DestinationStream } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose every line also carries `bindings`. */
  child(bindings: LogFields): Logger;
}

/**
 * What a log line says about an error: never the whole object (it may hold request data).
 * The stack only where someone must find a fault (`failure`): the routine refusals of hostile
 * frames are thousands of warnings, and a stack each would be megabytes of garbage.
 */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.message, errorName: error.name };
  return { error: String(error) };
}

/** describeError with the stack, for error-level lines. */
export function describeFailure(error: unknown): LogFields {
  return error instanceof Error ? { ...describeError(error), stack: error.stack } : describeError(error);
}

function wrap(base: pino.Logger): Logger {
  return {
    debug: (message, fields) => base.debug(fields ?? {}, message),
    info: (message, fields) => base.info(fields ?? {}, message),
    warn: (message, fields) => base.warn(fields ?? {}, message),
    error: (message, fields) => base.error(fields ?? {}, message),
    child: (bindings) => wrap(base.child(bindings)),
  };
}

/**
 * Fields that must never reach a log, whatever a caller passes: pino replaces them, at the top
 * level and one level down. Paths are logged as declared routes (server/http/requestLog.ts), so
 * tokens in URLs never get this far.
 */
const secretFields = ['password', 'currentPassword', 'newPassword', 'token', 'sessionToken', 'secret', 'cookie', 'authorization', 'headers.cookie', 'headers.authorization'];
const redact = { paths: [...secretFields, ...secretFields.filter((field) => !field.includes('.')).map((field) => `*.${field}`)], censor: '[hidden]' };

export function createLogger(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  return wrap(pino({ level: options.level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, redact }, options.destination));
}
