// Demonstration data of the state control calendar (issue 16 item 5), written through the service
// with days counted back from today, so the calendar always shows each state: the demo college's
// TVET state attestation falls due within the reminder window, one university's planned preventive
// control is overdue, another's is upcoming, and a third had one with no next control planned.
import { addDays, addMonths, todayInAlmaty } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { organizationIdByKey } from '../registry/registry.api.ts';
import { recordStateControlResult } from '../oversight/state-control.service.ts';

export async function seedDemoStateControl(ctx: Ctx, universities: { id: string; key: string | null }[]): Promise<void> {
  const today = todayInAlmaty();
  const college = await organizationIdByKey(ctx.db, 'demo-almaty-polytechnic-college');
  if (college) {
    await recordStateControlResult(ctx, college, {
      kind: 'tvet-attestation',
      heldOn: addDays(addMonths(today, -60), 12),
      outcome: 'remarks',
      document: 'Акт государственной аттестации № 14-ТиПО (демонстрационные данные)',
      notes: 'Замечания по учебно-методическому обеспечению устранены в установленный срок.',
    });
  }
  const [overdue, upcoming, unplanned] = [...universities].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
  if (overdue) {
    await recordStateControlResult(ctx, overdue.id, {
      kind: 'preventive-control',
      heldOn: addDays(today, -400),
      outcome: 'non-compliant',
      document: 'Акт профилактического контроля № 7 (демонстрационные данные)',
      notes: 'Нарушения требований к кадровому обеспечению; повторный контроль запланирован.',
      nextPlannedOn: addDays(today, -21),
    });
  }
  if (upcoming) {
    await recordStateControlResult(ctx, upcoming.id, {
      kind: 'preventive-control',
      heldOn: addDays(today, -120),
      outcome: 'remarks',
      document: 'Акт профилактического контроля № 19 (демонстрационные данные)',
      nextPlannedOn: addDays(today, 150),
    });
  }
  if (unplanned) await recordStateControlResult(ctx, unplanned.id, { kind: 'preventive-control', heldOn: addDays(today, -700), outcome: 'compliant' });
}
