// Issuing one credential from a specification: the specification becomes the Open Badges
// achievement (title, outcomes, workload, field, level), the learner its subject. Used for one
// learner at a time and by every row of a batch.
import type { Ctx } from '../platform/context.ts';
import { conflict, validationFailed } from '../platform/errors.ts';
import { occupationalStandardsByIds, todayInAlmaty } from '../frameworks/frameworks.api.ts';
import { checkBatchCsv, rowKey } from './batch.rows.ts';
import { assertStillEntitled, getSpecification } from './specification.service.ts';
import { settings } from '../platform/settings.ts';
import { type IssuedCredential, issueCredential } from './credential.service.ts';
import type { Specification } from './specification.schema.ts';
import { credentialAccess } from './credentials.access.ts';

export type SpecificationLearner = { name: string; email: string | null; identifier: string };

export type StandardRef = { id: string; code: string; name: string };

/** The occupational standards a specification links, as Open Badges alignments. */
export async function standardsOf(ctx: Ctx, spec: Specification): Promise<StandardRef[]> {
  if (!spec.occupationalStandardIds.length) return [];
  const rows = await occupationalStandardsByIds(ctx.db, spec.occupationalStandardIds);
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name_kk }));
}

/** The achievement of a specification, trilingual where Open Badges allows only one string. */
export function achievementOf(spec: Specification, standards: StandardRef[] = []) {
  const base = settings().PUBLIC_URL;
  const outcomes = (lang: 'kk' | 'ru' | 'en') => spec.learningOutcomes.map((o) => `• ${o[lang]}`).join('\n');
  return {
    id: `${base}/api/credentials/specifications/${spec.id}`,
    name: spec.title.kk,
    description: `${spec.title.kk}\n${outcomes('kk')}\n\n${spec.title.ru}\n${outcomes('ru')}\n\n${spec.title.en}\n${outcomes('en')}`,
    criteria: { narrative: `${spec.assessmentType}; ${spec.participationForm}; ${spec.workloadEcts} ECTS; NQF ${spec.nqfLevel} / EQF ${spec.eqfLevel}` },
    achievementType: 'MicroCredential' as const,
    creditsAvailable: spec.workloadEcts,
    fieldOfStudy: spec.fieldCode,
    ...(spec.code ? { humanCode: spec.code } : {}),
    inLanguage: 'kk',
    ...(standards.length
      ? {
          alignment: standards.map((s) => ({
            targetName: s.name,
            targetUrl: `${base}/api/occupational-standards/${s.id}`,
            targetCode: s.code,
            targetFramework: 'Occupational standards of the Republic of Kazakhstan',
            targetType: 'ext:OccupationalStandard',
          })),
        }
      : {}),
  };
}

export async function issueFromSpecification(
  ctx: Ctx,
  spec: Specification,
  learner: SpecificationLearner,
  awardedOn: string,
  idempotencyKey: string,
  standards?: StandardRef[],
): Promise<IssuedCredential> {
  if (spec.status !== 'active') throw conflict('errors.product.specificationWithdrawn', { id: spec.id });
  return issueCredential(ctx, {
    organizationId: spec.organizationId,
    learner: { name: learner.name, email: learner.email, identifier: learner.identifier },
    achievement: achievementOf(spec, standards ?? (await standardsOf(ctx, spec))),
    validFrom: awardedOn,
    specificationId: spec.id,
    idempotencyKey,
  });
}

/**
 * One learner from the workspace or the API: checked by the same rules as a batch row, and with
 * the same key, so issuing the same learner and date again returns the first credential.
 */
export async function issueOne(
  ctx: Ctx,
  specificationId: string,
  input: { name: string; email?: string | null; identifier?: string | null; awardedOn: string },
): Promise<IssuedCredential> {
  const spec = await getSpecification(ctx, specificationId);
  credentialAccess(ctx, spec.organizationId).require('issue');
  const q = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const csv = `name,email,identifier,date\n${[input.name, input.email ?? '', input.identifier ?? '', input.awardedOn].map(q).join(',')}\n`;
  const checked = checkBatchCsv(csv, { specificationId: spec.id, identification: spec.learnerIdentification, today: todayInAlmaty() });
  const row = checked.ok ? checked.rows[0] : undefined;
  if (!row?.value) {
    const columnPath: Record<string, string> = { date: 'awardedOn' };
    throw validationFailed((row?.issues ?? []).map((i) => ({ path: columnPath[i.column] ?? i.column, messageKey: i.messageKey, params: i.params })));
  }
  await assertStillEntitled(ctx, spec);
  const { name, email, identifier, awardedOn } = row.value;
  return issueFromSpecification(ctx, spec, { name, email, identifier }, awardedOn, rowKey(spec.id, identifier, awardedOn));
}
