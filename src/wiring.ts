// What platform needs from the modules but may not import, handed to it once per process: the
// modules' message catalogs and the check that a role's organization exists; to the registry, the
// check whether an organization has issued credentials (its key is then frozen), the counts issued
// against a record, and, for search, accreditation's "accredited on date D"; to accreditation,
// oversight's "working internal QA system" and its state control reminders for the daily job; to recognition, credentials' issuing service and the
// learner's own credentials. Every entry point (app.ts, cli/main.ts) imports this file.
import './locales.ts';
import { useOrganizationCheck } from './platform/auth/auth.service.ts';
import { accreditedOnQuery, useInternalQaSource, useReminderSource } from './accreditation/accreditation.api.ts';
import { hasIssuedCredentials } from './credentials/credential.repository.ts';
import { issuedCounts } from './credentials/issued-counts.repository.ts';
import { internalQaStatusOn, sendStateControlReminders } from './oversight/oversight.api.ts';
import { issueCredential, listMyCredentials } from './credentials/credential.service.ts';
import { useCredentialPort } from './recognition/credential-port.ts';
import { useIssuedCounts, useIssuedCredentialCheck } from './registry/issued-credentials.ts';
import { existingOrganizationIds } from './registry/organization.repository.ts';
import { useAccreditedSource } from './registry/search/accredited-source.ts';

useOrganizationCheck(existingOrganizationIds);
useIssuedCredentialCheck(hasIssuedCredentials);
// Record details (API and pages) carry the public counts of what was issued against them.
useIssuedCounts(issuedCounts);
// Search's accreditation facet and badges read the one "accredited on date D" computation.
useAccreditedSource(accreditedOnQuery);
// The decision rule's "working internal QA system" is oversight's accepted self-assessment.
useInternalQaSource(internalQaStatusOn);
// The daily reminder job also reminds of state controls due soon or overdue (oversight's calendar).
useReminderSource({ name: 'state-control', send: async (ctx, today) => (await sendStateControlReminders(ctx, today)).length });
// Recognised prior learning is certified by a credential issued like any other (permission, signature, status, audit).
useCredentialPort({
  issue: async (ctx, input) => ({ id: (await issueCredential(ctx, input)).id }),
  mine: async (ctx) => (await listMyCredentials(ctx, { limit: 1000, offset: 0 })).items.map((c) => ({ id: c.id, name: c.achievementName })),
});
