// Conflicts of interest of an expert or a council member with a case's organization (PRODUCT §3.3).
// Pure: the repository gathers the facts (register graph, affiliations, panel service, seminars,
// declarations); this decides which of them are conflicts.

/** How an organization is tied to the case's organization in the register. */
export type Relation = 'self' | 'parent' | 'predecessor' | 'partner';
export type RelatedOrganization = { organizationId: string; relation: Relation };

export type ConflictFacts = {
  /** The case's organization and its parents, predecessors and partners. */
  related: RelatedOrganization[];
  affiliations: { organizationId: string; kind: 'employment' | 'study'; from: string | null; to: string | null }[];
  /** Panels served at other cases, with the case's organization and the date service started. */
  panelService: { caseId: string; organizationId: string; on: string }[];
  /** Self-assessment seminars the person ran. */
  seminars: { organizationId: string; on: string }[];
  declared: { organizationId: string; reason: string }[];
  today: string;
  lookbackYears: number;
};

export type ConflictCode = 'employment' | 'study' | 'panel-service' | 'seminar' | 'declared';
export type Conflict = { code: ConflictCode; relation: Relation; organizationId: string; detail?: string };

function yearsBefore(date: string, years: number): string {
  const [y, rest] = [Number(date.slice(0, 4)), date.slice(4)];
  return `${String(y - years).padStart(4, '0')}${rest === '-02-29' ? '-02-28' : rest}`;
}

export function conflictsOf(f: ConflictFacts): Conflict[] {
  const relationOf = new Map<string, Relation>();
  // 'self' wins over any other tie to the same organization.
  for (const r of f.related) if (!relationOf.has(r.organizationId) || r.relation === 'self') relationOf.set(r.organizationId, r.relation);
  const out: Conflict[] = [];

  // Current or past employment or study: any time counts.
  for (const a of f.affiliations) {
    const relation = relationOf.get(a.organizationId);
    if (!relation) continue;
    const when = a.to && a.to < f.today ? `${a.from ?? '…'}–${a.to}` : `${a.from ?? '…'}–`;
    out.push({ code: a.kind, relation, organizationId: a.organizationId, detail: when });
  }

  // Panel service at the organization itself, within the lookback window.
  const since = yearsBefore(f.today, f.lookbackYears);
  for (const p of f.panelService) {
    if (relationOf.get(p.organizationId) !== 'self' || p.on < since || p.on > f.today) continue;
    out.push({ code: 'panel-service', relation: 'self', organizationId: p.organizationId, detail: p.on });
  }

  for (const s of f.seminars) {
    const relation = relationOf.get(s.organizationId);
    if (relation) out.push({ code: 'seminar', relation, organizationId: s.organizationId, detail: s.on });
  }

  // A declaration names an organization; it matters when that organization is tied to this case.
  for (const d of f.declared) {
    const relation = relationOf.get(d.organizationId);
    if (relation) out.push({ code: 'declared', relation, organizationId: d.organizationId, detail: d.reason });
  }
  return out;
}
