// What platform needs from the modules but may not import, handed to it once per process: the
// modules' message catalogs, the check that a role's organization exists and the registry's
// check whether an organization has issued credentials (its key is then frozen). Every entry point
// (app.ts, cli/main.ts) imports this file.
import './locales.ts';
import { useOrganizationCheck } from './platform/auth/auth.service.ts';
import { hasIssuedCredentials } from './credentials/credential.repository.ts';
import { useIssuedCredentialCheck } from './registry/issued-credentials.ts';
import { existingOrganizationIds } from './registry/organization.repository.ts';

useOrganizationCheck(existingOrganizationIds);
useIssuedCredentialCheck(hasIssuedCredentials);
