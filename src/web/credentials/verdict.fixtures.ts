// One credential issued by a licensed university, for the tests of the verification page.
import type { TestApp } from '../../../test/helpers/app.ts';
import { licensedUniversity, specBody } from '../../credentials/specification.fixtures.ts';

export const HOLDER = 'Әлия Нұрланқызы';
export const ACHIEVEMENT = 'Деректерді талдау негіздері';

export async function issuedSample(t: TestApp): Promise<{ id: string; credential: Record<string, unknown>; organizationId: string }> {
  const orgId = await licensedUniversity(t);
  const admin = await t.tokenFor('org-admin', orgId);
  const spec = await t.json('POST', '/api/credentials/specifications', { token: admin, body: specBody(orgId) });
  const issued = await t.json('POST', '/api/credentials', {
    token: admin,
    body: {
      organizationId: orgId,
      specificationId: spec.body.id,
      learner: { name: HOLDER },
      achievement: { name: ACHIEVEMENT, description: 'Деректерді тазалау', criteria: { narrative: 'Жоба' }, creditsAvailable: 5 },
      validFrom: '2025-09-01',
    },
  });
  if (issued.status !== 201) throw new Error(`issuing the sample credential: ${JSON.stringify(issued.body)}`);
  return { id: issued.body.id, credential: issued.body.credential, organizationId: orgId };
}
