// Credentials core: issuer keys (did:web), issued credentials, and the
// Bitstring Status Lists their revocation and suspension entries point into.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE issuer_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      did text NOT NULL,
      verification_method text NOT NULL UNIQUE,
      public_key_multibase text NOT NULL,
      secret_key_encrypted text NOT NULL,
      status text NOT NULL DEFAULT 'active',
      created_at timestamptz NOT NULL DEFAULT now(),
      rotated_at timestamptz
    );
    CREATE INDEX issuer_keys_org ON issuer_keys (organization_id);
    CREATE INDEX issuer_keys_did ON issuer_keys (did);
    CREATE UNIQUE INDEX issuer_keys_one_active ON issuer_keys (organization_id) WHERE status = 'active';

    CREATE TABLE credential_status_lists (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      purpose text NOT NULL,
      length int NOT NULL,
      next_index int NOT NULL DEFAULT 0,
      credential jsonb,
      etag text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX credential_status_lists_org ON credential_status_lists (organization_id, purpose);

    CREATE TABLE credentials (
      id uuid PRIMARY KEY,
      organization_id uuid NOT NULL REFERENCES organizations(id),
      credential jsonb NOT NULL,
      hash text NOT NULL,
      learner_name text NOT NULL,
      learner_email text,
      learner_identifier text,
      learner_user_id uuid REFERENCES users(id),
      achievement_name text NOT NULL,
      specification_id uuid,
      idempotency_key text,
      valid_from timestamptz NOT NULL,
      valid_until timestamptz,
      issued_at timestamptz NOT NULL DEFAULT now(),
      issued_by uuid,
      status text NOT NULL DEFAULT 'active',
      status_reason text,
      status_changed_at timestamptz,
      revocation_list_id uuid NOT NULL REFERENCES credential_status_lists(id),
      revocation_index int NOT NULL,
      suspension_list_id uuid NOT NULL REFERENCES credential_status_lists(id),
      suspension_index int NOT NULL,
      is_synthetic boolean NOT NULL DEFAULT false
    );
    CREATE INDEX credentials_org ON credentials (organization_id, issued_at DESC);
    CREATE INDEX credentials_learner_user ON credentials (learner_user_id);
    CREATE INDEX credentials_learner_email ON credentials (lower(learner_email));
    CREATE INDEX credentials_spec ON credentials (specification_id);
    CREATE UNIQUE INDEX credentials_idempotency ON credentials (organization_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
    CREATE INDEX credentials_revocation_slot ON credentials (revocation_list_id) WHERE status = 'revoked';
    CREATE INDEX credentials_suspension_slot ON credentials (suspension_list_id) WHERE status = 'suspended';
  `.execute(db);
}
