/**
 * The server's log lines, kept as records for tests to read (`TEST_LOG=1` also prints them).
 */
import { createLogger, type Logger } from '../../server/support/log';

export interface LogRecord {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export const LEVEL = { debug: 20, info: 30, warn: 40, error: 50 } as const;

export interface LogCapture {
  logger: Logger;
  records: LogRecord[];
  /** Records at warn level and above. */
  problems(): LogRecord[];
}

export function captureLog(): LogCapture {
  const records: LogRecord[] = [];
  const print = process.env.TEST_LOG === '1';
  const logger = createLogger({
    level: 'debug',
    destination: {
      write(line: string) {
        records.push(JSON.parse(line) as LogRecord);
        if (print) process.stdout.write(line);
      },
    },
  });
  return { logger, records, problems: () => records.filter((r) => r.level >= LEVEL.warn) };
}
