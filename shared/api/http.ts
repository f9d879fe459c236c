/** Shapes every part of the HTTP API shares. */

/** The body of every error response: 400 to 503, never a stack trace. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    /** Field -> message, on 400 for invalid fields. */
    fields?: Record<string, string>;
  };
}

/** `GET /api/health`. */
export interface Health {
  ok: true;
}

/** `GET /api/ready`: 200 when every check is ok, 503 otherwise. */
export interface Readiness {
  ready: boolean;
  checks: { database: 'ok' | 'failed'; migrations: 'ok' | 'pending' | 'failed' };
}
