// Registers 1–3 as tables for the CSV / XLSX / JSON-LD downloads: exactly what the same filters
// show on the register's page and API, every page of it, read 500 entries at a time so the whole
// register is never held at once. Headers and values (outcomes, statuses, kinds) in the reader's
// language, codes kept beside the names.
import type { z } from '@hono/zod-openapi';
import type { Ctx } from '../platform/context.ts';
import { type Lang, translator } from '../platform/i18n/i18n.ts';
import type { TableRow, TableSource } from '../platform/tabular/table-stream.ts';
import { listRegisterOne } from './recognition.service.ts';
import type { registerQuerySchema } from './registers.schema.ts';
import { listRegister } from './registers.service.ts';

const PAGE = 500;

export type RegisterOneFilters = { status?: string; scopeType?: string; network?: string; asOf?: string };
export type RegisterFilters = Omit<z.infer<typeof registerQuerySchema>, 'limit' | 'offset'>;

type Name = { kk: string; ru: string; en: string | null };
const nameIn = (lang: Lang) => (n: Name) => (lang === 'en' ? (n.en ?? n.ru) : n[lang]) || n.ru;

const DECISION_COLUMNS = [
  'programmeCode',
  'programme',
  'fieldCode',
  'nqfLevel',
  'organization',
  'regionCode',
  'body',
  'outcome',
  'termYears',
  'status',
  'decidedOn',
  'validFrom',
  'validTo',
  'certificateNumber',
  'eurAce',
  'link',
] as const;
const RECOGNITION_COLUMNS = [
  'body',
  'shortName',
  'national',
  'orderNumber',
  'orderDate',
  'validFrom',
  'validTo',
  'status',
  'scopeTypes',
  'scopeLevels',
  'scopeFields',
  'networks',
  'link',
] as const;

async function* pages<T>(read: (offset: number) => Promise<{ items: T[] }>): AsyncGenerator<T> {
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await read(offset);
    yield* items;
    if (items.length < PAGE) return;
  }
}

async function* decisionRows(ctx: Ctx, register: 2 | 3, filters: RegisterFilters, lang: Lang, baseUrl: string): AsyncGenerator<TableRow> {
  const t = translator(lang);
  const name = nameIn(lang);
  for await (const e of pages((offset) => listRegister(ctx, register, { ...filters, limit: PAGE, offset }))) {
    const link = `${baseUrl}/${lang}/accreditation/decisions/${e.decisionId}`;
    yield {
      // Register 3 lists a decision once per programme it covers.
      id: `${baseUrl}/api/accreditation/decisions/${e.decisionId}${e.programme ? `#programme-${e.programme.id}` : ''}`,
      cells: {
        programmeCode: e.programme?.code ?? '',
        programme: e.programme ? name(e.programme.name) : '',
        fieldCode: e.programme?.fieldCode ?? '',
        nqfLevel: e.programme?.nqfLevel ? String(e.programme.nqfLevel) : '',
        organization: name(e.organization.name),
        regionCode: e.organization.regionCode ?? '',
        body: name(e.body.name),
        outcome: t(`ui.accreditationPublic.outcomeValue.${e.outcome}`, { defaultValue: e.outcome }),
        termYears: e.termYears === null ? '' : String(e.termYears),
        status: t(`ui.accreditationPublic.decisionStatus.${e.status}`, { defaultValue: e.status }),
        decidedOn: e.decidedOn,
        validFrom: e.validFrom ?? '',
        validTo: e.validTo ?? '',
        certificateNumber: e.certificateNumber ?? '',
        eurAce: e.eurAce ? 'EUR-ACE®' : '',
        link,
      },
    };
  }
}

async function* recognitionRows(ctx: Ctx, filters: RegisterOneFilters, lang: Lang, baseUrl: string): AsyncGenerator<TableRow> {
  const t = translator(lang);
  const name = nameIn(lang);
  for await (const r of pages((offset) => listRegisterOne(ctx, { ...filters, limit: PAGE, offset }))) {
    yield {
      id: `${baseUrl}/api/accreditation/bodies/${r.body.id}#recognition-${r.id}`,
      cells: {
        body: name(r.body.name),
        shortName: r.body.shortName ?? '',
        national: t(r.national ? 'ui.accreditationPublic.national' : 'ui.accreditationPublic.foreign'),
        orderNumber: r.orderNumber,
        orderDate: r.orderDate,
        validFrom: r.validFrom,
        validTo: r.validTo ?? '',
        status: t(`ui.accreditationPublic.recognitionStatus.${r.status}`, { defaultValue: r.status }),
        scopeTypes: r.scopeTypes.map((s) => t(`ui.accreditationPublic.kind.${s}`, { defaultValue: s })).join('; '),
        scopeLevels: r.scopeLevels.join('; '),
        scopeFields: r.scopeFields.join('; '),
        networks: r.networks.join('; '),
        link: `${baseUrl}/${lang}/organizations/${r.body.id}`,
      },
    };
  }
}

const columnsOf = (keys: readonly string[], lang: Lang) => {
  const t = translator(lang);
  return keys.map((key) => ({ key, label: t(`registerExport.${key}`) }));
};

/** Register 2 or 3 with the filters of GET /api/registers/{2,3}. */
export function decisionRegisterTable(ctx: Ctx, register: 2 | 3, filters: RegisterFilters, lang: Lang, baseUrl: string): TableSource {
  const keys = register === 3 ? DECISION_COLUMNS : DECISION_COLUMNS.filter((k) => !['programmeCode', 'programme', 'fieldCode', 'nqfLevel'].includes(k));
  return { name: `register-${register}`, columns: columnsOf(keys, lang), rows: decisionRows(ctx, register, filters, lang, baseUrl), baseUrl, idOf: (id) => id };
}

/** Register 1 with the filters of GET /api/registers/1. */
export function recognitionRegisterTable(ctx: Ctx, filters: RegisterOneFilters, lang: Lang, baseUrl: string): TableSource {
  return { name: 'register-1', columns: columnsOf(RECOGNITION_COLUMNS, lang), rows: recognitionRows(ctx, filters, lang, baseUrl), baseUrl, idOf: (id) => id };
}
