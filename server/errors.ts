/**
 * The few typed errors a route may throw. `server/app.ts` maps them to JSON
 * `{ error: { code, message, fields? } }` with their status; anything else becomes a 500
 * without details. Messages are catalogue keys (shared/i18n), worded only when the answer is
 * written, in the language of the request (`server/http/language.ts`).
 */
import type { MessageKey } from '../shared/i18n/translate';

/**
 * A message for the person: a catalogue key, or a key with its placeholders (a placeholder may
 * itself be a message as an object, worded in the same language; a string placeholder is put in
 * as it is), or text already worded (a worker's answer).
 */
export type ServerMessage = MessageKey | { key: MessageKey; params?: Record<string, string | number | Exclude<ServerMessage, string>> } | { text: string };

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 503,
    readonly code: string,
    readonly text: ServerMessage,
    readonly fields?: Record<string, ServerMessage>,
    readonly headers?: Record<string, string>,
  ) {
    super(typeof text === 'string' ? text : 'key' in text ? text.key : text.text);
  }
}

export class ValidationError extends HttpError {
  constructor(fields: Record<string, ServerMessage>, message: ServerMessage = 'error.fixFields') {
    super(400, 'invalid_request', message, fields);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message: ServerMessage = 'error.unauthorized', code = 'unauthorized') {
    super(401, code, message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message: ServerMessage = 'error.forbiddenHere', code = 'forbidden') {
    super(403, code, message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message: ServerMessage = 'error.notFoundPlain') {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends HttpError {
  constructor(code: string, message: ServerMessage, fields?: Record<string, ServerMessage>) {
    super(409, code, message, fields);
  }
}

export class GoneError extends HttpError {
  constructor(code: string, message: ServerMessage) {
    super(410, code, message);
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(retryAfterMs: number, what: MessageKey = 'error.tooManyAttempts') {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(429, 'too_many_requests', { key: 'error.retryIn', params: { what: { key: what }, count: seconds } }, undefined, {
      'Retry-After': String(seconds),
    });
  }
}
