/**
 * The few typed errors a route may throw. `server/app.ts` maps them to JSON
 * `{ error: { code, message, fields? } }` with their status; anything else becomes a 500
 * without details.
 */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export class ValidationError extends HttpError {
  constructor(fields: Record<string, string>, message = 'Controleer de gemarkeerde velden.') {
    super(400, 'invalid_request', message, fields);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = 'Je bent niet ingelogd.', code = 'unauthorized') {
    super(401, code, message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'Dat mag je hier niet doen.', code = 'forbidden') {
    super(403, code, message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'Niet gevonden.') {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends HttpError {
  constructor(code: string, message: string, fields?: Record<string, string>) {
    super(409, code, message, fields);
  }
}

export class GoneError extends HttpError {
  constructor(code: string, message: string) {
    super(410, code, message);
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(retryAfterMs: number, what = 'Te veel pogingen.') {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(429, 'too_many_requests', `${what} Probeer het over ${seconds} seconden opnieuw.`, undefined, {
      'Retry-After': String(seconds),
    });
  }
}
