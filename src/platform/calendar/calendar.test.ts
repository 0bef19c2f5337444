import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonths, addWorkingDays, dueAfter, holidaysOf, isWorkingDay, nextWorkingDay, todayInAlmaty, workingDaysBetween } from './calendar.ts';

describe("Kazakhstan's working-day calendar", () => {
  test('Nauryz 21–23 March is off; in 2026 it starts on a Saturday, so Tuesday 24 and Wednesday 25 are off too', () => {
    // 2025: Friday to Sunday, so Monday 24 and Tuesday 25 replace the weekend days.
    for (const d of ['2025-03-21', '2025-03-24', '2025-03-25']) assert.equal(isWorkingDay(d), false, d);
    assert.equal(isWorkingDay('2025-03-26'), true);
    for (const d of ['2026-03-23', '2026-03-24', '2026-03-25']) assert.equal(isWorkingDay(d), false, d);
    assert.equal(isWorkingDay('2026-03-26'), true);
    assert.deepEqual(
      holidaysOf(2026).filter((h) => h.key === 'nauryz').map((h) => [h.date, h.kind]),
      [['2026-03-21', 'holiday'], ['2026-03-22', 'holiday'], ['2026-03-23', 'holiday'], ['2026-03-24', 'moved'], ['2026-03-25', 'moved']],
    );
  });

  test('a holiday on a weekend gives the next working day off (Capital Day 2024 → Monday 8 July)', () => {
    assert.equal(isWorkingDay('2024-07-08'), false);
    assert.equal(isWorkingDay('2025-10-27'), false); // Republic Day on Saturday 25 October 2025
    assert.equal(isWorkingDay('2025-09-01'), false); // Constitution Day on Saturday 30 August 2025
  });

  test('religious holidays are not moved: Orthodox Christmas on a Sunday (2024) leaves Monday 8 January working', () => {
    assert.equal(isWorkingDay('2024-01-08'), true);
    assert.equal(isWorkingDay('2026-05-27'), false); // Kurban Ait 2026
  });

  test('a transfer makes a weekend day working and a weekday off (3 and 5 January 2025)', () => {
    assert.equal(isWorkingDay('2025-01-03'), false);
    assert.equal(isWorkingDay('2025-01-05'), true);
  });

  test('counts working days across the year boundary', () => {
    // 31 Dec 2024 (Tue) → 1, 2 Jan holidays, 3 Jan transferred off, 4 Jan Saturday, 5 Jan working Sunday.
    assert.equal(addWorkingDays('2024-12-31', 1), '2025-01-05');
    assert.equal(addWorkingDays('2024-12-31', 2), '2025-01-06');
    // 7 Jan 2025 is Christmas (Tuesday).
    assert.equal(addWorkingDays('2024-12-31', 3), '2025-01-08');
    assert.equal(workingDaysBetween('2024-12-31', '2025-01-08'), 3);
    assert.equal(workingDaysBetween('2025-01-08', '2024-12-31'), -3);
  });

  test('publication deadlines: 3, 10 and 30 working days after a decision on Friday 20 March 2026', () => {
    // 21–25 March are Nauryz and its moved days, 26 March is the first working day after.
    assert.equal(addWorkingDays('2026-03-20', 3), '2026-03-30');
    assert.equal(addWorkingDays('2026-03-20', 10), '2026-04-08');
    assert.equal(workingDaysBetween('2026-03-20', addWorkingDays('2026-03-20', 30)), 30);
  });

  test('a period in months ends on the same day, moved to the next working day when it is a day off', () => {
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-11-15', 3), '2026-02-15');
    assert.equal(dueAfter('2025-11-15', { unit: 'months', amount: 3 }), '2026-02-16'); // 15 Feb 2026 is a Sunday
    assert.equal(dueAfter('2026-02-21', { unit: 'months', amount: 1 }), '2026-03-26'); // 21 March is Nauryz
    assert.equal(dueAfter('2025-06-02', { unit: 'weeks', amount: 3 }), '2025-06-23');
    assert.equal(nextWorkingDay('2025-06-06'), '2025-06-09'); // Kurban Ait on a Friday, then the weekend
  });

  test("today is taken in Almaty's time zone (UTC+5)", () => {
    assert.equal(todayInAlmaty(new Date('2025-03-20T19:30:00Z')), '2025-03-21');
    assert.equal(todayInAlmaty(new Date('2025-03-20T18:30:00Z')), '2025-03-20');
  });

  test('covers 2024 to 2028 with the 14 fixed holidays and Kurban Ait each year', () => {
    for (const year of [2024, 2025, 2026, 2027, 2028]) {
      const list = holidaysOf(year);
      assert.equal(list.filter((h) => h.kind === 'holiday' && h.key !== 'kurban-ait').length, 14, `${year}`);
      assert.equal(list.filter((h) => h.key === 'kurban-ait').length, 1, `${year}`);
    }
  });
});
