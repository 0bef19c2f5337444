// Issuing one credential from a specification: the specification becomes the Open Badges
// achievement (title, outcomes, workload, field, level), the learner its subject. Used for one
// learner at a time and by every row of a batch.
import type { Ctx } from '../platform/context.ts';
import { conflict } from '../platform/errors.ts';
import { settings } from '../platform/settings.ts';
import { type IssuedCredential, issueCredential } from './credential.service.ts';
import type { Specification } from './specification.schema.ts';

export type SpecificationLearner = { name: string; email: string | null; identifier: string };

/** The achievement of a specification, trilingual where Open Badges allows only one string. */
export function achievementOf(spec: Specification) {
  const outcomes = (lang: 'kk' | 'ru' | 'en') => spec.learningOutcomes.map((o) => `• ${o[lang]}`).join('\n');
  return {
    id: `${settings().PUBLIC_URL}/api/credentials/specifications/${spec.id}`,
    name: spec.title.kk,
    description: `${spec.title.kk}\n${outcomes('kk')}\n\n${spec.title.ru}\n${outcomes('ru')}\n\n${spec.title.en}\n${outcomes('en')}`,
    criteria: { narrative: `${spec.assessmentType}; ${spec.participationForm}; ${spec.workloadEcts} ECTS; NQF ${spec.nqfLevel} / EQF ${spec.eqfLevel}` },
    achievementType: 'MicroCredential' as const,
    creditsAvailable: spec.workloadEcts,
    fieldOfStudy: spec.fieldCode,
    ...(spec.code ? { humanCode: spec.code } : {}),
    inLanguage: 'kk',
  };
}

export async function issueFromSpecification(
  ctx: Ctx,
  spec: Specification,
  learner: SpecificationLearner,
  awardedOn: string,
  idempotencyKey: string,
): Promise<IssuedCredential> {
  if (spec.status !== 'active') throw conflict('errors.product.specificationWithdrawn', { id: spec.id });
  return issueCredential(ctx, {
    organizationId: spec.organizationId,
    learner: { name: learner.name, email: learner.email, identifier: learner.identifier },
    achievement: achievementOf(spec),
    validFrom: awardedOn,
    specificationId: spec.id,
    idempotencyKey,
  });
}
