// What SQFs and occupational standards share: a passport (code, names, sector, developer, approval,
// edition, status) stored in the same columns and answered in the same fields.
import type { LangMap } from '../platform/db/schema.ts';

type PassportRow = {
  id: string;
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  sector_kk: string;
  sector_ru: string;
  sector_en: string;
  developer: string;
  approved_on: string | null;
  version: string;
  status: string;
};

type PassportInput = { code: string; name: LangMap; sector: LangMap; developer: string; approvedOn?: string | null; edition: string; status: string };

/** id, code, name and sector as answered. */
export const headOf = (r: PassportRow) => ({
  id: r.id,
  code: r.code,
  name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
  sector: { kk: r.sector_kk, ru: r.sector_ru, en: r.sector_en },
});

/** developer, approval date, edition and status as answered. */
export const publicationOf = (r: PassportRow) => ({ developer: r.developer, approvedOn: r.approved_on, edition: r.version, status: r.status });

/** The passport columns of a new document. */
export const passportValues = (input: PassportInput) => ({
  code: input.code,
  name_kk: input.name.kk,
  name_ru: input.name.ru,
  name_en: input.name.en,
  sector_kk: input.sector.kk,
  sector_ru: input.sector.ru,
  sector_en: input.sector.en,
  developer: input.developer,
  approved_on: input.approvedOn ?? null,
  version: input.edition,
  status: input.status,
});

/** The passport columns a patch changes. */
export const passportPatch = (patch: Partial<PassportInput>) => ({
  ...(patch.code !== undefined && { code: patch.code }),
  ...(patch.name !== undefined && { name_kk: patch.name.kk, name_ru: patch.name.ru, name_en: patch.name.en }),
  ...(patch.sector !== undefined && { sector_kk: patch.sector.kk, sector_ru: patch.sector.ru, sector_en: patch.sector.en }),
  ...(patch.developer !== undefined && { developer: patch.developer }),
  ...(patch.approvedOn !== undefined && { approved_on: patch.approvedOn }),
  ...(patch.edition !== undefined && { version: patch.edition }),
  ...(patch.status !== undefined && { status: patch.status }),
});
