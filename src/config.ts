// Environment parsed once at boot with Zod; fails fast listing every problem.
import { z } from 'zod';
import { ROLES } from './platform/access/roles.ts';

const languages = ['kk', 'ru', 'en'] as const;

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data/db'),
  /**
   * PostgreSQL streaming replicas for public reads (GET/HEAD), a comma list of URLs; writes,
   * transactions and jobs stay on DATABASE_URL. Ignored on the embedded database.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().url())),
  /** A replica further behind than this (seconds) is skipped until it catches up. */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().positive().default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Unset: on for the embedded database only (see resolveDemoMode); its users and token are published. */
  SAPA_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
  LANGUAGE_FALLBACK: z
    .string()
    .default('kk,ru,en')
    .transform((v) => v.split(',').map((s) => s.trim()))
    .pipe(z.array(z.enum(languages)).min(1)),
  /** Where Sapa is reached from outside; without a trailing slash, so `${PUBLIC_URL}/path` is right. */
  PUBLIC_URL: z
    .string()
    .url()
    .default('http://localhost:3000')
    .transform((v) => v.replace(/\/+$/, '')),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /** Where uploaded documents (self-assessment evidence, reports) are stored. */
  FILES_DIR: z.string().default('./data/files'),
  MAX_UPLOAD_MB: z.coerce.number().positive().default(20),
  /** The Ed25519 key that signs audit checkpoints (PEM, made on first use); keep it off the database server. */
  AUDIT_KEY_FILE: z.string().default('./data/keys/audit-checkpoint.pem'),
  /** Where signed audit checkpoints are kept as files; empty means FILES_DIR/audit-checkpoints. One per database. */
  AUDIT_CHECKPOINT_DIR: z.string().default(''),
  /** The largest request body of any other route (JSON, forms); bigger ones get 413 while being read. */
  MAX_BODY_KB: z.coerce.number().int().positive().default(1024),
  /** The deepest nesting of arrays and objects a JSON body may have (400 beyond). */
  MAX_JSON_DEPTH: z.coerce.number().int().min(8).max(1000).default(64),
  /** Sign-in attempts per account, and per client address, in one window before 429. */
  SIGN_IN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  SIGN_IN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().positive().default(100),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Requests per client address and minute to public search and verification; 0 turns a limit off. */
  RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  RATE_LIMIT_VERIFY_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** Memory per process for public responses kept by data version (decision 133); 0 turns the cache off. */
  RESPONSE_CACHE_MB: z.coerce.number().min(0).default(32),
  /** Seals TOTP two-factor secrets at rest (AES-256-GCM); unset, a random key kept in TOTP_KEY_FILE. */
  TOTP_ENCRYPTION_KEY: z.string().min(32).optional(),
  /** Where the TOTP sealing key is kept when TOTP_ENCRYPTION_KEY is unset (made on first use); back it up apart from the database. */
  TOTP_KEY_FILE: z.string().default('./data/keys/totp.key'),
  /** Roles that cannot sign in without TOTP two-factor sign-in, e.g. "ministry,agency-head". */
  TWO_FACTOR_REQUIRED_ROLES: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ROLES))),
  /** Behind a reverse proxy that sets X-Forwarded-For: take the client address from it. */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Encrypts issuer private keys at rest; required outside demo mode (see credentials/keys). */
  CREDENTIAL_KEY_SECRET: z.string().min(16).optional(),
  /**
   * did:web issuers outside the register whose credentials verify cryptographically: a comma list of
   * DIDs, each optionally "=<where its DID document is>" (an https or http URL, or a file bundled with
   * the deployment); without it the standard did:web address. Only these are ever fetched.
   */
  TRUSTED_DID_WEB: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const out: Record<string, string | null> = {};
      for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
        const m = part.match(/^(did:web:[^=\s]+?)\s*(?:=\s*(\S+))?$/);
        if (!m?.[1]) {
          ctx.addIssue({ code: 'custom', message: `"${part}" is not "did:web:…" or "did:web:…=<url or file>"` });
          continue;
        }
        out[m[1]] = m[2] ?? null;
      }
      return out;
    }),
  /**
   * Overrides of accreditation step deadlines, e.g. "sar=2 months,draft-report=2 weeks,
   * publication-website=20 working-days" (steps: see src/accreditation/deadlines.ts).
   */
  ACCREDITATION_DEADLINES: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const out: Record<string, { unit: 'months' | 'weeks' | 'days' | 'working-days'; amount: number }> = {};
      for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
        const m = part.match(/^([a-z-]+)\s*=\s*(\d+)\s*(months|weeks|days|working-days)$/);
        if (!m) {
          ctx.addIssue({ code: 'custom', message: `"${part}" is not "step=N months|weeks|days|working-days"` });
          continue;
        }
        out[m[1] as string] = { amount: Number(m[2]), unit: m[3] as 'months' | 'weeks' | 'days' | 'working-days' };
      }
      return out;
    }),
  /**
   * Where notification e-mail goes out, e.g. "smtp://user:pass@mail.example.kz:587" (or smtps://);
   * unset: notifications reach the workspace only.
   */
  SMTP_URL: z.string().url().optional(),
  /** The sender of notification e-mail. */
  MAIL_FROM: z.string().default('Sapa <no-reply@sapa.kz>'),
  /** How many years back panel service at an organization counts as a conflict of interest. */
  CONFLICT_LOOKBACK_YEARS: z.coerce.number().int().min(0).default(5),
  // Months the recognition authority has to decide on a foreign qualification from a complete file (Lisbon Convention practice).
  RECOGNITION_DECISION_MONTHS: z.coerce.number().int().min(1).max(24).default(4),
  // The state control calendar's periods (seed 002): TVET attestation every five years (L1963-1981),
  // school monitoring every April (L1361-1376), preschool certification within months of the accepted self-assessment (L822-840).
  STATE_CONTROL_TVET_YEARS: z.coerce.number().int().min(1).max(10).default(5),
  STATE_CONTROL_MONITORING_MONTH: z.coerce.number().int().min(1).max(12).default(4),
  STATE_CONTROL_PRESCHOOL_MONTHS: z.coerce.number().int().min(1).max(24).default(3),
  /** Calendar days before a state control's due day its reminders start. */
  STATE_CONTROL_REMIND_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  /** When a council member sees the others' votes: once the vote closes (default), or once they have voted. */
  COUNCIL_TALLY_SHOWN: z.enum(['after-close', 'after-own-vote']).default('after-close'),
});

/**
 * Demo mode publishes its users' password and the VC API token `sapa-demo-issuer`, so it is on by
 * default only where nobody else can reach the data: the embedded database. A server database gets
 * it only when SAPA_DEMO says so.
 */
const withDemoDefault = configSchema.transform((c) => ({ ...c, SAPA_DEMO: c.SAPA_DEMO ?? !c.DATABASE_URL }));

export type Config = z.infer<typeof withDemoDefault>;

/** What the server prints when demo mode is on over a server database, or null. */
export function demoModeWarning(config: Pick<Config, 'SAPA_DEMO' | 'DATABASE_URL'>): string | null {
  if (!config.SAPA_DEMO || !config.DATABASE_URL) return null;
  return 'demo mode is on with a server database: the demo users share a published password and the VC API token sapa-demo-issuer issues credentials; set SAPA_DEMO=false unless this server is a demonstration';
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = withDemoDefault.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
