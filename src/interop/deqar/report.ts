// A DEQAR Submission API v2 report: its JSON shape as EQAR documents it (deqar-docs,
// data_submission.md and report_data.md) and the checks DEQAR applies before accepting one.
// Pure: `readReport` turns what was submitted into a checked report or a list of issues, each
// naming the field (`institutions[1].eter_id`) with a catalog key.
import { z } from 'zod';
import type { FieldIssue } from '../../platform/errors.ts';
import {
  DEQAR_DECISIONS,
  DEQAR_STATUSES,
  type DeqarDecision,
  type DeqarStatus,
  type QfEheaLevel,
  deqarValue,
  isDateFormat,
  parseDeqarDate,
  qfEheaLevel,
  sixYearsFrom,
} from './vocabulary.ts';

// DEQAR's identifiers and codes are strings; its own documented example gives an activity group
// as a bare number, so activity references alone also take numbers.
const text = z.string();
const reference = z.union([z.string(), z.number()]).transform(String);

const identifierSchema = z.object({ identifier: text, resource: text.optional() });
const institutionSchema = z.object({
  deqar_id: text.optional(),
  eter_id: text.optional(),
  identifier: text.optional(),
  resource: text.optional(),
});
const programmeSchema = z.object({
  identifiers: z.array(identifierSchema).optional(),
  name_primary: text,
  qualification_primary: text.optional(),
  name_alternative: z.array(text).optional(),
  qualification_alternative: z.array(text).optional(),
  countries: z.array(text).optional(),
  nqf_level: text.optional(),
  qf_ehea_level: text,
  degree_outcome: text.optional(),
  workload_ects: text.optional(),
  assessment_certification: text.optional(),
  field_study: text.optional(),
  learning_outcomes: z.array(text).optional(),
  learning_outcome_description: text.optional(),
});

export const deqarReportSchema = z.object({
  agency: text,
  contributing_agencies: z.array(text).optional(),
  report_id: text.optional(),
  local_identifier: text.optional(),
  activities: z
    .array(z.object({ id: reference.optional(), local_identifier: reference.optional(), group: reference.optional(), agency: text.optional() }))
    .optional(),
  status: text,
  decision: text,
  summary: text.optional(),
  valid_from: text,
  valid_to: text.optional(),
  date_format: text,
  report_links: z.array(z.object({ link: text, link_display_name: text.optional() })).optional(),
  report_files: z
    .array(
      z.object({
        original_location: text.optional(),
        file: text.optional(),
        file_name: text.optional(),
        display_name: text.optional(),
        report_language: z.array(text),
      }),
    )
    .optional(),
  institutions: z.array(institutionSchema),
  platforms: z.array(institutionSchema).optional(),
  programmes: z.array(programmeSchema).optional(),
  other_comment: text.optional(),
});
export type DeqarReportJson = z.input<typeof deqarReportSchema>;
type Submitted = z.output<typeof deqarReportSchema>;

export type DeqarInstitution = z.output<typeof institutionSchema>;
export type DeqarProgramme = Omit<z.output<typeof programmeSchema>, 'qf_ehea_level'> & { qf_ehea_level: QfEheaLevel };

/** Which kind of activity a report is, from its activities (Sapa's own local identifiers) or its content. */
export type ReportKind = 'institutional' | 'programme' | 'joint-programme';

/** A report DEQAR would accept, its values normalized: names for status and decision, ISO dates, valid_to always set. */
export type DeqarReport = Omit<Submitted, 'status' | 'decision' | 'valid_from' | 'valid_to' | 'date_format' | 'programmes'> & {
  status: DeqarStatus;
  decision: DeqarDecision;
  validFrom: string;
  validTo: string;
  kind: ReportKind;
  programmes: DeqarProgramme[];
};

const issue = (path: string, key: string, params?: Record<string, string | number>): FieldIssue => ({
  path,
  messageKey: `errors.deqar.${key}`,
  ...(params && { params }),
});

/** Zod's structural complaints as issues naming the field in DEQAR's own terms. */
function structuralIssues(error: z.ZodError, submitted: unknown, prefix: string): FieldIssue[] {
  return error.issues.map((i) => {
    const path = prefix + i.path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    const given = i.path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), submitted);
    if (i.code === 'invalid_type' && given === undefined) return issue(path, 'required');
    if (i.code === 'invalid_type' && i.expected === 'string') return issue(path, 'notString');
    return issue(path, 'invalid', { expected: i.code === 'invalid_type' ? i.expected : i.code });
  });
}

function kindOf(report: Submitted): ReportKind {
  const declared = (report.activities ?? []).map((a) => a.local_identifier);
  if (declared.includes('joint-programme')) return 'joint-programme';
  if (declared.includes('programme')) return 'programme';
  if (declared.includes('institutional')) return 'institutional';
  if (!report.programmes?.length) return 'institutional';
  return report.institutions.length > 1 ? 'joint-programme' : 'programme';
}

/** The checks DEQAR makes of a report's values and structure (prefix: where the report sits, e.g. "[2]."). */
function valueIssues(r: Submitted, prefix: string): { issues: FieldIssue[]; report?: DeqarReport } {
  const issues: FieldIssue[] = [];
  const status = deqarValue(DEQAR_STATUSES, r.status);
  if (!status) issues.push(issue(`${prefix}status`, 'status', { value: r.status }));
  const decision = deqarValue(DEQAR_DECISIONS, r.decision);
  if (!decision) issues.push(issue(`${prefix}decision`, 'decision', { value: r.decision }));
  let validFrom: string | undefined;
  let validTo: string | undefined;
  if (!isDateFormat(r.date_format)) issues.push(issue(`${prefix}date_format`, 'dateFormat', { value: r.date_format }));
  else {
    validFrom = parseDeqarDate(r.valid_from, r.date_format);
    if (!validFrom) issues.push(issue(`${prefix}valid_from`, 'date', { value: r.valid_from, format: r.date_format }));
    if (r.valid_to?.trim()) {
      validTo = parseDeqarDate(r.valid_to, r.date_format);
      if (!validTo) issues.push(issue(`${prefix}valid_to`, 'date', { value: r.valid_to, format: r.date_format }));
      else if (validFrom && validTo < validFrom) issues.push(issue(`${prefix}valid_to`, 'validToBeforeFrom'));
    }
  }
  if (!r.agency.trim()) issues.push(issue(`${prefix}agency`, 'required'));
  if (!r.institutions.length) issues.push(issue(`${prefix}institutions`, 'noInstitution'));
  r.institutions.forEach((i, n) => {
    if (!i.deqar_id?.trim() && !i.eter_id?.trim() && !i.identifier?.trim()) issues.push(issue(`${prefix}institutions[${n + 1}]`, 'institutionUnidentified'));
  });
  const kind = kindOf(r);
  if (kind === 'programme' && r.institutions.length !== 1) issues.push(issue(`${prefix}institutions`, 'programmeOneInstitution', { count: r.institutions.length }));
  if (kind === 'joint-programme' && r.institutions.length < 2) issues.push(issue(`${prefix}institutions`, 'jointTwoInstitutions', { count: r.institutions.length }));
  if (kind !== 'institutional' && !r.programmes?.length) issues.push(issue(`${prefix}programmes`, 'noProgramme'));
  const programmes: DeqarProgramme[] = [];
  (r.programmes ?? []).forEach((p, n) => {
    const level = qfEheaLevel(p.qf_ehea_level);
    if (!level) issues.push(issue(`${prefix}programmes[${n + 1}].qf_ehea_level`, 'qfEheaLevel', { value: p.qf_ehea_level }));
    if (!p.name_primary.trim()) issues.push(issue(`${prefix}programmes[${n + 1}].name_primary`, 'required'));
    if (level) programmes.push({ ...p, qf_ehea_level: level });
  });
  if (issues.length || !status || !decision || !validFrom) return { issues };
  const { status: _s, decision: _d, valid_from: _f, valid_to: _t, date_format: _df, programmes: _p, ...rest } = r;
  return { issues, report: { ...rest, status, decision, validFrom, validTo: validTo ?? sixYearsFrom(validFrom), kind, programmes } };
}

/** One submitted report, checked; `prefix` names where it sits in a batch ("[2]." or ""). */
export function readReport(submitted: unknown, prefix = ''): { report: DeqarReport } | { issues: FieldIssue[] } {
  const parsed = deqarReportSchema.safeParse(submitted);
  if (!parsed.success) return { issues: structuralIssues(parsed.error, submitted, prefix) };
  const { issues, report } = valueIssues(parsed.data, prefix);
  return report ? { report } : { issues };
}

/** A JSON submission: one report object or an array of them; every report's issues are listed together. */
export function readReports(submitted: unknown): { reports: DeqarReport[] } | { issues: FieldIssue[] } {
  const list = Array.isArray(submitted) ? submitted : [submitted];
  const reports: DeqarReport[] = [];
  const issues: FieldIssue[] = [];
  list.forEach((item, n) => {
    const read = readReport(item, Array.isArray(submitted) ? `[${n + 1}].` : '');
    if ('report' in read) reports.push(read.report);
    else issues.push(...read.issues);
  });
  return issues.length ? { issues } : { reports };
}
