// What recognition needs from credentials, a peer module it may not import: issuing the credential
// that certifies recognised prior learning, and the learner's own credentials offered as evidence.
// The root (src/wiring.ts) hands it credentials' issuing service, so issuance keeps its permission
// check (credential.issue for the organization), signature, status slots and audit.
import type { Ctx } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';

export type PriorLearningCredential = {
  organizationId: string;
  learner: { name: string; email: string | null };
  achievement: {
    name: string;
    description: string;
    criteria: { narrative: string };
    achievementType: 'Certificate' | 'Certification';
    creditsAvailable?: number;
  };
  validFrom: string;
  idempotencyKey: string;
};

export type CredentialPort = {
  issue(ctx: Ctx, input: PriorLearningCredential): Promise<{ id: string }>;
  /** The signed-in learner's own credentials (id and name). */
  mine(ctx: Ctx): Promise<{ id: string; name: string }[]>;
};

let port: CredentialPort | null = null;

export function useCredentialPort(p: CredentialPort): void {
  port = p;
}

export function credentialPort(): CredentialPort {
  if (!port) throw new AppError('internal', 500, 'errors.internal');
  return port;
}
