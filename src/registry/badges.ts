// The standing badges a record carries wherever it is listed (search hits, record pages, Registers
// 2–3): accredited, EUR-ACE® (ENAEE approved only), excluded, under update, demonstration data.
// Pure: callers say what they know; one rule so a register row and a search hit never disagree.

export const BADGES = ['accredited', 'eur-ace', 'excluded', 'under-update', 'synthetic'] as const;
export type Badge = (typeof BADGES)[number];

export function standingBadges(r: { accredited: boolean; eurAce: boolean; programmeStatus?: string | null; synthetic: boolean }): Badge[] {
  const of = (on: boolean, badge: Badge) => (on ? [badge] : []);
  return [
    ...of(r.accredited, 'accredited'),
    ...of(r.eurAce, 'eur-ace'),
    ...of(r.programmeStatus === 'excluded', 'excluded'),
    ...of(r.programmeStatus === 'update', 'under-update'),
    ...of(r.synthetic, 'synthetic'),
  ];
}
