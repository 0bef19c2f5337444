// What platform needs from the modules but may not import, handed to it once per process: the
// modules' message catalogs and the check that a role's organization exists. Every entry point
// (app.ts, cli/main.ts) imports this file.
import './locales.ts';
import { useOrganizationCheck } from './platform/auth/auth.service.ts';
import { existingOrganizationIds } from './registry/organization.repository.ts';

useOrganizationCheck(existingOrganizationIds);
