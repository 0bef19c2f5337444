// Credentials API (owner: helper E): issuer keys and did:web, issuance, status lists,
// verification, VC API; it also mounts the product routes (specifications, batches, certificates).
import type { Api } from '../platform/http/env.ts';
import { registerCredentialProductRoutes } from './credential-products.routes.ts';

export function registerCredentialRoutes(app: Api): void {
  registerCredentialProductRoutes(app);
}
