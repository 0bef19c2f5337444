// Credits a learner's micro-credentials count toward programmes: pure. Only credentials in force
// count, and a specification counts once however often it was awarded.
export type CountedCredential = { id: string; specificationId: string | null; status: string; programmeId: string | null; credits: number | null };
export type ProgrammeCredits = { programmeId: string; earned: number; credentialIds: string[] };

export function creditsByProgramme(credentials: CountedCredential[]): ProgrammeCredits[] {
  const out = new Map<string, ProgrammeCredits & { specs: Set<string> }>();
  for (const c of credentials) {
    if (c.status !== 'active' || !c.programmeId || !c.specificationId || !c.credits) continue;
    const entry = out.get(c.programmeId) ?? { programmeId: c.programmeId, earned: 0, credentialIds: [], specs: new Set<string>() };
    if (entry.specs.has(c.specificationId)) continue;
    entry.specs.add(c.specificationId);
    entry.earned = Math.round((entry.earned + c.credits) * 100) / 100;
    entry.credentialIds.push(c.id);
    out.set(c.programmeId, entry);
  }
  return [...out.values()].map(({ specs: _s, ...rest }) => rest);
}
