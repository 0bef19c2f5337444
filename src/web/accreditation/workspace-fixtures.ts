// Test data for the accreditation workspace pages: users of every role with a password, a case at
// the council step (panel, report grades, a meeting with it on the agenda, a conflicted member),
// another organization's case, and a case awaiting the body head's approval. Created through the
// services with the system actor; only the case rows and their state are written directly.
import type { TestApp } from '../../../test/helpers/app.ts';
import { insertApprovedDecision, insertCase, orgByKey } from '../../accreditation/after.fixtures.ts';
import { startDeadline } from '../../accreditation/case.repository.ts';
import { createMeeting } from '../../accreditation/council.service.ts';
import { expertBody } from '../../accreditation/experts.fixtures.ts';
import { expertInputSchema } from '../../accreditation/experts.schema.ts';
import { createExpert } from '../../accreditation/experts.service.ts';
import { panelInputSchema } from '../../accreditation/panel.schema.ts';
import { setPanel } from '../../accreditation/panel.service.ts';
import { createVersion } from '../../accreditation/report.service.ts';
import type { Role } from '../../platform/access/roles.ts';
import { createUser } from '../../platform/auth/auth.service.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';

export const PASSWORD = 'correct horse battery';

export type Fixture = Awaited<ReturnType<typeof accreditationFixture>>;

export async function accreditationFixture(t: Pick<TestApp, 'db' | 'system'>) {
  const db = t.db;
  const kazsee = await orgByKey(db, 'kazsee');
  const satbayev = await orgByKey(db, 'satbayev-university');
  const enu = await orgByKey(db, 'enu');
  const kaznu = await orgByKey(db, 'kaznu');
  const set = await db.selectFrom('standard_sets').select('id').where('key', '=', 'kazsee-programme').executeTakeFirstOrThrow();
  const standards = await db.selectFrom('standards').select('code').where('set_id', '=', set.id).where('parent_code', 'is', null).execute();

  return inTransaction(t.system, async (ctx: Ctx) => {
    const user = async (email: string, displayName: string, roles: [Role, string | null][]) =>
      (await createUser(ctx, { email, displayName, password: PASSWORD, roles: roles.map(([role, organizationId]) => ({ role, organizationId })) })).id;
    const users = {
      orgAdmin: await user('admin@satbayev.test', 'Satbayev Admin', [['org-admin', satbayev]]),
      otherAdmin: await user('admin@enu.test', 'ENU Admin', [['org-admin', enu]]),
      staff: await user('staff@kazsee.test', 'Kazsee Coordinator', [['agency-staff', kazsee]]),
      head: await user('head@kazsee.test', 'Kazsee President', [
        ['agency-staff', kazsee],
        ['agency-head', kazsee],
      ]),
      chair: await user('chair@experts.test', 'Aigerim Chair', [['expert', kazsee]]),
      outsider: await user('outsider@experts.test', 'Ivan Outsider', [['expert', kazsee]]),
      member: await user('member@council.test', 'Council Member', [['council-member', kazsee]]),
      conflicted: await user('conflicted@council.test', 'Conflicted Member', [['council-member', kazsee]]),
      ministry: await user('ministry@edu.test', 'Ministry Officer', [['ministry', null]]),
    };
    const expert = async (fullName: string, category: string, over: Record<string, unknown> = {}) =>
      (await createExpert(ctx, expertInputSchema.parse(expertBody(kazsee, fullName, category, over)))).id;
    const chair = await expert('Aigerim Chair', 'academic', { priorPanels: 8, degree: 'doctor', userId: users.chair });
    const academic2 = await expert('Bolat Academic', 'academic', { priorPanels: 2 });
    const academic3 = await expert('Dana Academic', 'academic', { degree: 'candidate' });
    const employer = await expert('Erlan Employer', 'employer');
    const student = await expert('Farida Student', 'student');
    await expert('Ivan Outsider', 'academic', { userId: users.outsider });

    // The route's schema fills in each member's defaults, as it does for a request.
    const fullPanel = () =>
      panelInputSchema.parse({
        members: [
          { expertId: chair, role: 'chair' },
          { expertId: academic2, role: 'member' },
          { expertId: academic3, role: 'member' },
          { expertId: employer, role: 'member' },
          { expertId: student, role: 'member' },
        ],
      });
    const councilCase = await insertCase(ctx.db, { bodyId: kazsee, organizationId: satbayev, state: 'sar-review', standardSetId: set.id });
    await setPanel(ctx, councilCase, fullPanel());
    await createVersion(ctx, councilCase, {
      summary: 'The programme meets the standards.',
      recommendedOutcome: 'accredited',
      recommendedTermYears: 5,
      grades: standards.map((s) => ({ standardCode: s.code, grade: 'compliant', findings: `Findings on ${s.code}` })),
    });
    await ctx.db.updateTable('accreditation_cases').set({ state: 'council-scheduled' }).where('id', '=', councilCase).execute();
    // The council's deadline has passed: the lists flag the case as overdue.
    await startDeadline(ctx.db, councilCase, 'council', '2025-01-10', '2025-03-10');
    const meeting = await createMeeting(ctx, {
      bodyId: kazsee,
      meetsOn: '2026-12-10',
      location: 'Astana',
      agenda: [{ caseId: councilCase, proposedOutcome: 'accredited', proposedTermYears: 5 }],
    });
    // The conflicted member declared a conflict with the organization of the case on the agenda.
    await ctx.db
      .insertInto('declared_conflicts')
      .values({ user_id: users.conflicted, expert_id: null, organization_id: satbayev, reason: 'Taught there until last year.' })
      .execute();

    // A case whose panel the organization may still challenge (and the chair later drafts the report of).
    const kaznpu = await orgByKey(ctx.db, 'kaznpu');
    const panelCase = await insertCase(ctx.db, { bodyId: kazsee, organizationId: kaznpu, state: 'sar-review', standardSetId: set.id });
    await setPanel(ctx, panelCase, fullPanel());
    await user('admin@kaznpu.test', 'KazNPU Admin', [['org-admin', kaznpu]]);
    const sarCase = await insertCase(ctx.db, { bodyId: kazsee, organizationId: satbayev, state: 'sar-in-preparation', standardSetId: set.id });
    const otherCase = await insertCase(ctx.db, { bodyId: kazsee, organizationId: enu, state: 'initial-review', standardSetId: set.id });
    const toApprove = await insertCase(ctx.db, { bodyId: kazsee, organizationId: kaznu, state: 'council-decided', standardSetId: set.id });
    const decided = await insertApprovedDecision(ctx.db, { bodyId: kazsee, organizationId: satbayev, decidedOn: '2025-06-01', standardSetId: set.id });
    const number = async (id: string) =>
      (await ctx.db.selectFrom('accreditation_cases').select('number').where('id', '=', id).executeTakeFirstOrThrow()).number;
    return {
      orgs: { kazsee, satbayev, enu, kaznu },
      users,
      cases: { council: councilCase, other: otherCase, toApprove, panel: panelCase, sar: sarCase, decided: decided.caseId },
      numbers: { council: await number(councilCase), other: await number(otherCase), toApprove: await number(toApprove) },
      meetingId: meeting.id,
    };
  });
}
