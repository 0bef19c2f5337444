// 1EdTech's Open Badges 3.0 AchievementCredential JSON Schema, bundled (never fetched; where the
// copy comes from is in its $comment and docs/decisions.md 68), compiled once with ajv.
import { readFileSync } from 'node:fs';
import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('./schemas/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8'));

let compiled: ValidateFunction | undefined;

/** Where a credential departs from the OB 3.0 schema (`/path: message`), empty when it conforms. */
export function openBadgeSchemaErrors(credential: unknown): string[] {
  if (!compiled) {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats.default(ajv);
    compiled = ajv.compile(schema);
  }
  if (compiled(credential)) return [];
  return (compiled.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}
