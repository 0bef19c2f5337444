// Kysely table types of the credentials core (migration 0016): issuer keys, issued credentials,
// status lists.
import type { Generated } from 'kysely';
import type { JsonColumn, NullableJson } from '../platform/db/schema.ts';

export type IssuerKeyStatus = 'active' | 'rotated';
export type CredentialStatus = 'active' | 'revoked' | 'suspended';
export type StatusPurpose = 'revocation' | 'suspension';

export type CredentialTables = {
  /** Challenges handed to verifiers for presentations (migration 0055): each expires and is accepted once. */
  credential_challenges: {
    challenge: string;
    created_at: Generated<Date>;
    expires_at: Date;
    used_at: Date | null;
  };
  issuer_keys: {
    id: Generated<string>;
    organization_id: string;
    /** did:web of the organization, as it was when the key was made */
    did: string;
    /** `${did}#${publicKeyMultibase}` */
    verification_method: string;
    public_key_multibase: string;
    /** AES-256-GCM sealed secretKeyMultibase (keys.secret.ts) */
    secret_key_encrypted: string;
    status: Generated<string>;
    created_at: Generated<Date>;
    rotated_at: Date | null;
  };
  credential_status_lists: {
    id: Generated<string>;
    organization_id: string;
    purpose: string;
    length: number;
    next_index: Generated<number>;
    /** the signed BitstringStatusListCredential, rebuilt on every status change */
    credential: NullableJson<Record<string, unknown>>;
    etag: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  credentials: {
    id: string;
    organization_id: string;
    credential: JsonColumn<Record<string, unknown>>;
    /** sha-256 hex of the stored JSON text */
    hash: string;
    learner_name: string;
    learner_email: string | null;
    learner_identifier: string | null;
    learner_user_id: string | null;
    achievement_name: string;
    specification_id: string | null;
    idempotency_key: string | null;
    valid_from: Date;
    valid_until: Date | null;
    issued_at: Generated<Date>;
    issued_by: string | null;
    status: Generated<string>;
    status_reason: string | null;
    status_changed_at: Date | null;
    revocation_list_id: string;
    revocation_index: number;
    suspension_list_id: string;
    suspension_index: number;
    is_synthetic: Generated<boolean>;
  };
};
