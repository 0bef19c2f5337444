// The configuration services read (files directory, key secret, lookback years). createApp and
// the CLI set it once at boot; anything else reads the environment on first use.
import { type Config, loadConfig } from '../config.ts';

let current: Config | null = null;

/** null forgets the configuration: the next read loads it from the environment again. */
export function useSettings(config: Config | null): void {
  current = config;
}

export function settings(): Config {
  current ??= loadConfig(process.env);
  return current;
}
