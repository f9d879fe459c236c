/** Security headers on every response: no inline scripts, no framing, no sniffing. */
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config';

export function securityHeaders(config: Config) {
  const socketOrigin = config.publicOrigin.replace(/^http/, 'ws');
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Caret labels and table column widths are set as style attributes by the editor.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", socketOrigin],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    crossOriginEmbedderPolicy: false,
  });
}
