// Programmes: one row per programme passport (outcomes and courses as JSON cells), matched by
// organization + code + edition. Written through the registry's programme service.
import { canEverywhere } from '../../platform/access/roles.ts';
import { programmeByNaturalKey, programmeNaturalKey, programmesByNaturalKeys, programmesPage } from '../../registry/registry-bulk.api.ts';
import { type Programme, type ProgrammeInput, programmeInputSchema } from '../../registry/programme.schema.ts';
import { createProgramme, updateProgramme } from '../../registry/programme.service.ts';
import type { Column } from '../import-columns.ts';
import type { ImportDescriptor } from '../import-descriptor.ts';
import { cellsOf, label, organizationCells, patchOf, resolveOrganization } from './shared.ts';

const COLUMNS: readonly Column[] = [
  { key: 'organization', required: true, label: label('Ұйым (БСН немесе кілт)', 'Организация (БИН или ключ)', 'Organization (BIN or key)'), path: 'organization', kind: 'text', natural: true, example: '000140001234' },
  { key: 'organizationName', label: label('Ұйым атауы', 'Название организации', 'Organization name'), kind: 'text', example: 'Әл-Фараби атындағы ҚазҰУ' },
  { key: 'code', required: true, label: label('Бағдарлама коды', 'Код программы', 'Programme code'), path: 'code', kind: 'text', natural: true, example: '6B06101' },
  { key: 'edition', label: label('Редакция', 'Редакция', 'Edition'), path: 'edition', kind: 'int', natural: true, example: '1' },
  { key: 'nameKk', label: label('Атауы (қазақша)', 'Название (на казахском)', 'Name (Kazakh)'), path: 'name.kk', kind: 'text', example: 'Ақпараттық жүйелер' },
  { key: 'nameRu', label: label('Атауы (орысша)', 'Название (на русском)', 'Name (Russian)'), path: 'name.ru', kind: 'text', example: 'Информационные системы' },
  { key: 'nameEn', label: label('Атауы (ағылшынша)', 'Название (на английском)', 'Name (English)'), path: 'name.en', kind: 'text', example: 'Information Systems' },
  { key: 'fieldCode', label: label('Білім саласының коды', 'Код области образования', 'Field of education code'), path: 'fieldCode', kind: 'text', example: '06' },
  { key: 'directionCode', label: label('Дайындық бағытының коды', 'Код направления подготовки', 'Direction code'), path: 'directionCode', kind: 'text', example: '061' },
  { key: 'groupCode', label: label('Бағдарламалар тобының коды', 'Код группы программ', 'Programme group code'), path: 'groupCode', kind: 'text', example: 'B057' },
  { key: 'programmeType', label: label('Бағдарлама түрі', 'Тип программы', 'Programme type'), path: 'programmeType', kind: 'text', example: 'existing' },
  { key: 'nqfLevel', label: label('ҰБШ деңгейі', 'Уровень НРК', 'NQF level'), path: 'nqfLevel', kind: 'int', example: '6' },
  { key: 'degree', label: label('Дәреже', 'Степень', 'Degree'), path: 'degree', kind: 'text', example: 'bachelor' },
  { key: 'creditsEcts', label: label('Кредиттер (ECTS)', 'Кредиты (ECTS)', 'Credits (ECTS)'), path: 'creditsEcts', kind: 'int', example: '240' },
  { key: 'languages', label: label('Оқыту тілдері', 'Языки обучения', 'Languages of instruction'), path: 'languages', kind: 'list', example: 'kk; ru' },
  { key: 'studyForms', label: label('Оқу нысандары', 'Формы обучения', 'Study forms'), path: 'studyForms', kind: 'list', example: 'full-time' },
  { key: 'councilApprovedOn', label: label('Кеңес бекіткен күн', 'Дата утверждения советом', 'Approved by the council on'), path: 'councilApprovedOn', kind: 'day', example: '15.06.2025' },
  { key: 'objectiveKk', label: label('Мақсаты (қазақша)', 'Цель (на казахском)', 'Objective (Kazakh)'), path: 'objective.kk', kind: 'text', example: '' },
  { key: 'objectiveRu', label: label('Мақсаты (орысша)', 'Цель (на русском)', 'Objective (Russian)'), path: 'objective.ru', kind: 'text', example: '' },
  { key: 'objectiveEn', label: label('Мақсаты (ағылшынша)', 'Цель (на английском)', 'Objective (English)'), path: 'objective.en', kind: 'text', example: '' },
  { key: 'outcomes', label: label('Оқыту нәтижелері (JSON)', 'Результаты обучения (JSON)', 'Learning outcomes (JSON)'), path: 'outcomes', kind: 'json', example: '[{"code":"ON1","text":{"kk":"Деректер қорын жобалайды","ru":"Проектирует базы данных","en":"Designs databases"}}]' },
  { key: 'courses', label: label('Пәндер (JSON)', 'Дисциплины (JSON)', 'Courses (JSON)'), path: 'courses', kind: 'json', example: '' },
  { key: 'status', label: label('Мәртебесі', 'Статус', 'Status'), kind: 'text', example: '' },
];

export const programmesDescriptor: ImportDescriptor<ProgrammeInput, Programme> = {
  register: 'programmes',
  permission: 'programme.create',
  columns: COLUMNS,
  schema: programmeInputSchema,
  pathAliases: { organizationId: 'organization' },
  resolve: (ctx, input) => resolveOrganization(ctx, input, 'organization', 'organization', 'organizationId'),
  find: (ctx, input) => programmeByNaturalKey(ctx.db, input.organizationId, input.code, input.edition),
  findMany: { key: programmeNaturalKey, load: (ctx, inputs) => programmesByNaturalKeys(ctx.db, inputs) },
  create: (ctx, input) => createProgramme(ctx, input),
  update: (ctx, current, input, present) => updateProgramme(ctx, current.id, patchOf(COLUMNS, present, input, ['organizationId'])),
  async cells(ctx, records, lang) {
    const organization = await organizationCells(ctx, records.map((p) => p.organizationId), lang);
    return records.map((p) => {
      const org = organization(p.organizationId);
      return { ...cellsOf(COLUMNS, p), organization: org.identity, organizationName: org.name, status: p.status };
    });
  },
  page: (ctx, options) => programmesPage(ctx.db, { ...options, publicOnly: options.publicOnly ?? !canEverywhere(ctx.actor, 'programme.read-unpublished') }),
};
