import pino from 'pino';

export const silentLogger = pino({ level: process.env.SAPA_TEST_LOG ?? 'silent' });
