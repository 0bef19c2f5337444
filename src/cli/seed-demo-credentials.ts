// Demonstration credentials (SYNTHETIC): micro-credential specifications at the demo competence
// centre and at Satbayev University, credentials issued to demo learners (learner@demo.sapa.kz
// among them) of which some are revoked, some suspended and one expired, and certificates that are
// not verifiable credentials registered at the competence and certification centres. Everything
// goes through the services (entitlement checks, signatures, status lists, audit); the centre gets
// the registration and the university the licence those checks ask for.
import { registerCertificate, revokeCertificate } from '../credentials/certificate-register.service.ts';
import { issueCredential } from '../credentials/credential.service.ts';
import { achievementOf } from '../credentials/specification.issue.ts';
import type { Specification, SpecificationInput } from '../credentials/specification.schema.ts';
import { createSpecification } from '../credentials/specification.service.ts';
import { changeCredentialStatus } from '../credentials/status-list.service.ts';
import type { Ctx } from '../platform/context.ts';
import { addLicence } from '../registry/organization.service.ts';
import { registerCertificationCentre } from '../registry/qualification.service.ts';
import type { Progress } from './seed-reference.ts';

export const DEMO_CENTRE_KEY = 'demo-digital-competence-centre';
export const DEMO_CERTIFICATION_CENTRE_KEY = 'demo-energy-certification-centre';
export const DEMO_UNIVERSITY_KEY = 'satbayev-university';
export const DEMO_LEARNER_EMAIL = 'learner@demo.sapa.kz';

async function organizationId(ctx: Ctx, key: string): Promise<string> {
  const row = await ctx.db.selectFrom('organizations').select('id').where('key', '=', key).executeTakeFirst();
  if (!row) throw new Error(`demo credentials need the organization ${key}`);
  return row.id;
}

/** Demo occupational standards of a sector (codes DEMO-PS-ICT-001…), with their levels. */
async function standardsOf(ctx: Ctx, sector: string) {
  return ctx.db
    .selectFrom('occupational_standards')
    .select(['id', 'code', 'nqf_levels'])
    .where('code', 'like', `DEMO-PS-${sector}-%`)
    .orderBy('code')
    .execute();
}

type Learner = { name: string; email: string; identifier: string };

const LEARNERS: Learner[] = [
  { name: 'Әлия Нұрланқызы', email: DEMO_LEARNER_EMAIL, identifier: 'DEMO-ST-0001' },
  { name: 'Данияр Сейітов', email: 'daniyar.seitov@demo.sapa.kz', identifier: 'DEMO-ST-0002' },
  { name: 'Айгерім Төлеуова', email: 'aigerim.toleuova@demo.sapa.kz', identifier: 'DEMO-ST-0003' },
  { name: 'Нұржан Бекмұхамедов', email: 'nurzhan.bekmukhamedov@demo.sapa.kz', identifier: 'DEMO-ST-0004' },
  { name: 'Сәуле Жақсылықова', email: 'saule.zhaksylykova@demo.sapa.kz', identifier: 'DEMO-ST-0005' },
  { name: 'Ілияс Оразбаев', email: 'ilyas.orazbayev@demo.sapa.kz', identifier: 'DEMO-ST-0006' },
  { name: 'Мадина Ғабдуллина', email: 'madina.gabdullina@demo.sapa.kz', identifier: 'DEMO-ST-0007' },
  { name: 'Руслан Ким', email: 'ruslan.kim@demo.sapa.kz', identifier: 'DEMO-ST-0008' },
  { name: 'Анна Петрова', email: 'anna.petrova@demo.sapa.kz', identifier: 'DEMO-ST-0009' },
];

type Plan = { spec: number; learner: number; on: string; until?: string; status?: { action: 'revoke' | 'suspend'; reason: string } };

/** Which learner holds which credential; specs: 0–1 the centre's, 2–3 the university's. */
const PLAN: Plan[] = [
  { spec: 2, learner: 0, on: '2025-06-20' },
  { spec: 3, learner: 0, on: '2025-12-15' },
  { spec: 0, learner: 0, on: '2025-03-10' },
  { spec: 1, learner: 0, on: '2024-02-12', until: '2025-02-12' },
  { spec: 0, learner: 1, on: '2025-03-10' },
  { spec: 0, learner: 2, on: '2025-03-10', status: { action: 'revoke', reason: 'Issued in error: the learner did not pass the final assessment (demo)' } },
  { spec: 1, learner: 3, on: '2026-04-02' },
  { spec: 1, learner: 4, on: '2026-04-02', status: { action: 'suspend', reason: 'Under review after a plagiarism complaint (demo)' } },
  { spec: 2, learner: 5, on: '2025-06-20' },
  { spec: 2, learner: 6, on: '2025-06-20', status: { action: 'revoke', reason: 'Assessment result annulled after an appeal (demo)' } },
  { spec: 3, learner: 7, on: '2026-01-20', status: { action: 'suspend', reason: 'Identity check of the learner pending (demo)' } },
  { spec: 3, learner: 8, on: '2026-01-20' },
];

async function seedSpecifications(ctx: Ctx): Promise<Specification[]> {
  const centre = await organizationId(ctx, DEMO_CENTRE_KEY);
  const university = await organizationId(ctx, DEMO_UNIVERSITY_KEY);
  const ict = (await standardsOf(ctx, 'ICT')).filter((s) => s.nqf_levels.length > 0);
  const standard = ict.find((s) => s.nqf_levels.includes(5)) ?? ict[0];
  if (!standard) throw new Error('demo credentials need the demo ICT occupational standards');
  const centreLevel = standard.nqf_levels.includes(5) ? 5 : (standard.nqf_levels[0] as number);
  // The centre is registered for the ICT standards, as a certification centre would be.
  await registerCertificationCentre(
    ctx,
    {
      organizationId: centre,
      sector: 'Information and communication technologies',
      occupationalStandardIds: ict.map((s) => s.id),
      accreditedOn: '2023-09-01',
      validUntil: '2028-09-01',
    },
    { isSynthetic: true },
  );
  const programme = await ctx.db
    .selectFrom('programmes')
    .select(['id', 'group_code'])
    .where('organization_id', '=', university)
    .where('status', '=', 'included')
    .where('nqf_level', '=', 6)
    // Preferably one accredited since before the awards, else one with a programme group the
    // licence can cover, so the verifier's programme check has something to find.
    .orderBy((eb) =>
      eb
        .case()
        .when(
          eb.exists(
            eb
              .selectFrom('accreditation_decision_programmes as dp')
              .innerJoin('accreditation_decisions as d', 'd.id', 'dp.decision_id')
              .select('dp.decision_id')
              .whereRef('dp.programme_id', '=', 'programmes.id')
              .where('d.outcome', '=', 'accredited')
              .where('d.valid_from', '<=', '2025-06-20'),
          ),
        )
        .then(0)
        .else(1)
        .end(),
    )
    .orderBy((eb) => eb.case().when('group_code', 'is', null).then(1).else(0).end())
    .orderBy('code')
    .executeTakeFirst();
  // A licence whose programme groups cover the micro-credentials' field (B057, information
  // technologies) and the programme they stack toward, so both verify as licensed.
  const groups = [...new Set(['B057', ...(programme?.group_code ? [programme.group_code] : [])])];
  await addLicence(ctx, university, {
    number: 'DEMO-SU-KZ-MC-2019',
    issuedOn: '2019-06-14',
    validUntil: null,
    programmeGroups: groups,
    attachments: [],
    status: 'active',
  });
  const stacking = programme ? { stackability: 'stackable' as const, programmeId: programme.id } : { stackability: 'standalone' as const };

  const common = { countryCode: 'KZ', learnerIdentification: 'email' as const, supervision: 'supervised-onsite-id' as const };
  // The university's licensed level-6 micro-credentials in field 0613, stacking toward its programme.
  const ofUniversity = {
    ...common,
    ...stacking,
    organizationId: university,
    awardingBodyId: university,
    nqfLevel: 6,
    qualityAssurance: 'licensing' as const,
    fieldCode: '0613',
    occupationalStandardIds: [],
  };
  const inputs: SpecificationInput[] = [
    {
      ...common,
      organizationId: centre,
      code: 'DCC-PY-01',
      title: { kk: 'Python тілінде бағдарламалау негіздері', ru: 'Основы программирования на Python', en: 'Foundations of Python programming' },
      regionCode: 'KZ-71',
      awardingBodyId: centre,
      learningOutcomes: [
        { kk: 'Python тілінде қарапайым бағдарламалар жазады', ru: 'Пишет простые программы на Python', en: 'Writes simple Python programs' },
        { kk: 'Деректерді файлдардан оқып, өңдейді', ru: 'Читает и обрабатывает данные из файлов', en: 'Reads and processes data from files' },
      ],
      workloadEcts: 4,
      nqfLevel: centreLevel,
      assessmentType: 'practical',
      participationForm: 'blended',
      qualityAssurance: 'certification-centre-registration',
      fieldCode: '0613',
      occupationalStandardIds: [standard.id],
    },
    {
      ...common,
      organizationId: centre,
      code: 'DCC-SEC-01',
      title: { kk: 'Киберқауіпсіздік негіздері', ru: 'Основы кибербезопасности', en: 'Cybersecurity essentials' },
      regionCode: 'KZ-71',
      awardingBodyId: centre,
      learningOutcomes: [
        {
          kk: 'Ақпараттық қауіптерді анықтайды және бағалайды',
          ru: 'Выявляет и оценивает информационные угрозы',
          en: 'Identifies and assesses information threats',
        },
        { kk: 'Жұмыс орнында қорғаныс шараларын қолданады', ru: 'Применяет меры защиты на рабочем месте', en: 'Applies protective measures at the workplace' },
      ],
      workloadEcts: 3,
      nqfLevel: centreLevel,
      assessmentType: 'online-test',
      participationForm: 'online',
      qualityAssurance: 'certification-centre-registration',
      fieldCode: '0612',
      occupationalStandardIds: [standard.id],
    },
    {
      ...ofUniversity,
      code: 'SU-MC-DA-01',
      title: { kk: 'Деректерді талдау негіздері', ru: 'Основы анализа данных', en: 'Foundations of data analysis' },
      regionCode: undefined,
      learningOutcomes: [
        { kk: 'Деректер жиынтығын тазалайды және дайындайды', ru: 'Очищает и подготавливает наборы данных', en: 'Cleans and prepares data sets' },
        { kk: 'Статистикалық қорытынды жасайды', ru: 'Делает статистические выводы', en: 'Draws statistical conclusions' },
      ],
      workloadEcts: 5,
      assessmentType: 'project',
      participationForm: 'blended',
    },
    {
      ...ofUniversity,
      code: 'SU-MC-ML-01',
      title: { kk: 'Машиналық оқыту', ru: 'Машинное обучение', en: 'Machine learning' },
      learningOutcomes: [
        { kk: 'Жіктеу және регрессия модельдерін құрады', ru: 'Строит модели классификации и регрессии', en: 'Builds classification and regression models' },
        { kk: 'Модель сапасын бағалайды', ru: 'Оценивает качество моделей', en: 'Evaluates the quality of models' },
      ],
      workloadEcts: 6,
      assessmentType: 'exam',
      participationForm: 'onsite',
    },
  ];
  const specs: Specification[] = [];
  for (const input of inputs) specs.push(await createSpecification(ctx, input));
  // The demo rows are synthetic like everything else the demo seed writes.
  await ctx.db
    .updateTable('credential_specifications')
    .set({ is_synthetic: true })
    .where(
      'id',
      'in',
      specs.map((s) => s.id),
    )
    .execute();
  return specs;
}

async function seedCredentials(ctx: Ctx, specs: Specification[], progress: Progress): Promise<void> {
  for (const [n, plan] of PLAN.entries()) {
    const spec = specs[plan.spec] as Specification;
    const learner = LEARNERS[plan.learner] as Learner;
    const issued = await issueCredential(
      ctx,
      {
        organizationId: spec.organizationId,
        learner,
        achievement: achievementOf(spec),
        validFrom: plan.on,
        validUntil: plan.until ?? null,
        specificationId: spec.id,
        idempotencyKey: `demo:${spec.code}:${learner.email}:${plan.on}`,
      },
      { isSynthetic: true },
    );
    if (plan.status) await changeCredentialStatus(ctx, issued.id, plan.status.action, plan.status.reason);
    progress('demo credentials', n + 1, PLAN.length);
  }
}

type CertificatePlan = { key: string; number: string; holder: string; title: string; on: string; until?: string; revoked?: string };

const CERTIFICATES: CertificatePlan[] = [
  {
    key: DEMO_CERTIFICATION_CENTRE_KEY,
    number: 'ECC-2024-000117',
    holder: 'Қайрат Сұлтанов',
    title: 'Электр монтері, 4-деңгей / Электромонтёр, 4 уровень',
    on: '2024-05-14',
    until: '2029-05-14',
  },
  {
    key: DEMO_CERTIFICATION_CENTRE_KEY,
    number: 'ECC-2024-000118',
    holder: 'Ерболат Нұрғалиев',
    title: 'Электр монтері, 4-деңгей / Электромонтёр, 4 уровень',
    on: '2024-05-14',
    until: '2029-05-14',
  },
  {
    key: DEMO_CERTIFICATION_CENTRE_KEY,
    number: 'ECC-2025-000042',
    holder: 'Виктор Ли',
    title: 'Қосалқы станция операторы / Оператор подстанции',
    on: '2025-02-03',
    until: '2030-02-03',
    revoked: 'Certificate issued on a forged diploma (demo)',
  },
  {
    key: DEMO_CERTIFICATION_CENTRE_KEY,
    number: 'ECC-2025-000043',
    holder: 'Гүлжан Әбдірахманова',
    title: 'Қосалқы станция операторы / Оператор подстанции',
    on: '2025-02-03',
    until: '2030-02-03',
  },
  { key: DEMO_CENTRE_KEY, number: 'DCC-2025-0501', holder: 'Данияр Сейітов', title: 'Желілік әкімші / Сетевой администратор', on: '2025-10-01' },
  { key: DEMO_CENTRE_KEY, number: 'DCC-2025-0502', holder: 'Айгерім Төлеуова', title: 'Желілік әкімші / Сетевой администратор', on: '2025-10-01' },
];

async function seedCertificates(ctx: Ctx): Promise<void> {
  for (const plan of CERTIFICATES) {
    const certificate = await registerCertificate(
      ctx,
      {
        organizationId: await organizationId(ctx, plan.key),
        number: plan.number,
        holderName: plan.holder,
        title: plan.title,
        issuedOn: plan.on,
        validUntil: plan.until,
      },
      { isSynthetic: true },
    );
    if (plan.revoked) await revokeCertificate(ctx, certificate.id, plan.revoked);
  }
}

export async function seedDemoCredentials(ctx: Ctx, progress: Progress): Promise<void> {
  const specs = await seedSpecifications(ctx);
  progress('demo credential specifications', specs.length, specs.length);
  await seedCredentials(ctx, specs, progress);
  await seedCertificates(ctx);
  progress('demo certificates', CERTIFICATES.length, CERTIFICATES.length);
}
