/** Logger options: JSON lines (pino) without credentials or personal search terms. */
import type { FastifyServerOptions } from 'fastify';

/** Query parameters whose values may be personal data (what staff typed to find someone; tRPC query inputs). */
const PERSONAL_PARAMS = new Set(['search', 'customer', 'customerId', 'email', 'q', 'input']);

/** The URL as logged: personal query values replaced by `[redacted]`. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  let changed = false;
  for (const name of params.keys()) {
    if (PERSONAL_PARAMS.has(name)) {
      params.set(name, '[redacted]');
      changed = true;
    }
  }
  return changed ? `${url.slice(0, q)}?${params.toString()}` : url;
}

/** Where the JSON lines go instead of stdout (an embedding host, a test): one `write` per line. */
export interface LogDestination {
  write(line: string): void;
}

export function loggerOptions(level: string, stream?: LogDestination): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
    serializers: {
      req: (req) => ({
        method: req.method,
        url: loggableUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  };
}
