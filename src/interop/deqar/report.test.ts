import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { columnOfPath, reportsOfCsv, reportsToCsv } from './csv.ts';
import { type DeqarReportJson, readReport, readReports } from './report.ts';
import { parseDeqarDate, qfEheaLevel, sixYearsFrom } from './vocabulary.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/deqar/${name}`, import.meta.url), 'utf8');
const documented: Array<{ title: string; report: unknown }> = JSON.parse(fixture('documented-v2-examples.json'));

test("every example of DEQAR's v2 documentation reads without an issue", () => {
  assert.ok(documented.length >= 6);
  for (const { title, report } of documented) {
    const read = readReport(report);
    assert.ok('report' in read, `${title}: ${JSON.stringify('issues' in read && read.issues)}`);
  }
});

test('ids and names mean the same status, decision and level; valid_to absent is valid_from + 6 years', () => {
  const [institutional] = documented;
  const base = institutional?.report as Record<string, unknown>;
  const byId = readReport({ ...base, status: '1', decision: '2', valid_to: undefined });
  assert.ok('report' in byId);
  assert.equal(byId.report.status, 'part of obligatory EQA system');
  assert.equal(byId.report.decision, 'positive with conditions or restrictions');
  assert.equal(byId.report.validTo, '2022-10-28');
  assert.equal(sixYearsFrom('2020-02-29'), '2026-03-01');
  assert.equal(qfEheaLevel('2'), 'second cycle');
  assert.equal(qfEheaLevel('1 - first cycle'), 'first cycle');
  assert.equal(qfEheaLevel('Third cycle'), 'third cycle');
});

test('date_format is honoured: %d.%m.%Y, %-d/%-m/%y; a date not in the format is refused naming the field', () => {
  assert.equal(parseDeqarDate('15.01.2020', '%d.%m.%Y'), '2020-01-15');
  assert.equal(parseDeqarDate('4/1/14', '%-d/%-m/%y'), '2014-01-04');
  assert.equal(parseDeqarDate('2020-01-15', '%d.%m.%Y'), undefined);
  assert.equal(parseDeqarDate('31.02.2020', '%d.%m.%Y'), undefined);
  const base = documented[0]?.report as Record<string, unknown>;
  const read = readReport({ ...base, valid_from: '2016-10-28', date_format: '%d.%m.%Y' });
  assert.ok('issues' in read);
  assert.deepEqual(
    read.issues.map((i) => [i.path, i.messageKey]),
    [
      ['valid_from', 'errors.deqar.date'],
      ['valid_to', 'errors.deqar.date'],
    ],
  );
});

test('numbers where DEQAR wants strings, unknown values and broken structure are all listed, with the report they are in', () => {
  const base = documented[0]?.report as Record<string, unknown>;
  const read = readReports([base, { ...base, agency: 7, status: '3', decision: 'maybe' }, { ...base, institutions: [{}], programmes: [{ name_primary: 'X', qf_ehea_level: 'fourth cycle' }] }]);
  assert.ok('issues' in read);
  assert.deepEqual(
    read.issues.map((i) => `${i.path} ${i.messageKey}`),
    [
      '[2].agency errors.deqar.notString',
      '[3].institutions[1] errors.deqar.institutionUnidentified',
      '[3].programmes[1].qf_ehea_level errors.deqar.qfEheaLevel',
    ],
  );
  const values = readReport({ ...base, status: '3', decision: 'maybe' });
  assert.ok('issues' in values);
  assert.deepEqual(values.issues.map((i) => i.path), ['status', 'decision']);
});

test('a programme report has exactly one institution; a joint programme two or more', () => {
  const programme = documented.find((d) => d.title === 'Programme report')?.report as Record<string, unknown>;
  const two = readReport({ ...programme, activities: [{ local_identifier: 'programme' }], institutions: [{ eter_id: 'A' }, { eter_id: 'B' }] });
  assert.ok('issues' in two);
  assert.equal(two.issues[0]?.messageKey, 'errors.deqar.programmeOneInstitution');
  const joint = readReport({ ...programme, activities: [{ local_identifier: 'joint-programme' }] });
  assert.ok('issues' in joint);
  assert.equal(joint.issues[0]?.messageKey, 'errors.deqar.jointTwoInstitutions');
  const inferred = readReport({ ...programme, institutions: [{ eter_id: 'A' }, { eter_id: 'B' }] });
  assert.ok('report' in inferred);
  assert.equal(inferred.report.kind, 'joint-programme');
});

test("EQAR's own CSV test files read as reports with indexed columns folded into lists", () => {
  const rows = reportsOfCsv(fixture('fulltest_prog.csv'));
  assert.equal(rows.length, 4);
  const second = rows[1];
  assert.equal(second?.line, 3);
  const read = readReport(second?.report);
  assert.ok('report' in read, JSON.stringify(read));
  assert.equal(read.report.programmes.length, 3);
  assert.deepEqual(read.report.programmes[0]?.identifiers, [{ identifier: 'MusiQuE14' }]);
  assert.deepEqual(read.report.programmes[0]?.name_alternative, ['Música']);
  assert.equal(read.report.programmes[0]?.qf_ehea_level, 'second cycle');
  assert.deepEqual(read.report.report_files?.[1]?.report_language, ['eng']);
  assert.ok(reportsOfCsv(fixture('fulltest_jp.csv')).every((r) => 'report' in readReport(r.report)));
});

test('JSON → CSV → JSON gives back every documented example', () => {
  const reports = documented.map((d) => d.report as DeqarReportJson);
  const back = reportsOfCsv(reportsToCsv(reports));
  assert.equal(back.length, reports.length);
  back.forEach(({ report }, n) => {
    const a = readReport(reports[n]);
    const b = readReport(report);
    assert.ok('report' in a && 'report' in b);
    // The CSV carries every value as text: the one number in the examples (an activity group) comes back as its string.
    assert.deepEqual(b.report, a.report);
  });
  assert.equal(columnOfPath('institutions[2].eter_id'), 'institution[2].eter_id');
  assert.equal(columnOfPath('programmes[1].identifiers[1].identifier'), 'programme[1].identifier[1]');
});
