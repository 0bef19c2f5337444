// pino: JSON in production, pretty on a TTY.
import pino from 'pino';
import type { Config } from '../config.ts';

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>) {
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production';
  return pino({
    level: config.LOG_LEVEL,
    transport: pretty ? { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } : undefined,
  });
}
