// Panel composition rules (PRODUCT §3.3; digest 004 §2.2, §3.7). Pure: every broken rule is
// returned, never only the first, so a 422 can list them all.

export const PANEL_ROLES = ['chair', 'member', 'foreign', 'coordinator'] as const;
export type PanelRole = (typeof PANEL_ROLES)[number];
export const EXPERT_CATEGORIES = ['academic', 'employer', 'student', 'foreign'] as const;
export type ExpertCategory = (typeof EXPERT_CATEGORIES)[number];
export const DEGREES = ['candidate', 'doctor', 'phd', 'none'] as const;
export type Degree = (typeof DEGREES)[number];
export const DECLARATIONS = ['conflictOfInterest', 'confidentiality', 'codeOfEthics'] as const;
export type Declaration = (typeof DECLARATIONS)[number];

export const MIN_ACADEMICS = 3;

export type PanelCandidate = {
  /** Stable label used in messages (the expert's name). */
  name: string;
  role: PanelRole;
  /** Null for the coordinator, who is agency staff rather than an expert record. */
  expert: {
    id: string;
    category: ExpertCategory;
    degree: Degree;
    /** Panels served: the accreditation experience that picks the chair. */
    experience: number;
    certifiedOn: string | null;
    certificationExpiresOn: string | null;
    excluded: boolean;
    declarations: Partial<Record<Declaration, string | null>>;
  } | null;
};

export type PanelViolation = { code: string; member?: number; params: Record<string, string | number> };

const hasDegree = (c: PanelCandidate) => c.expert?.category === 'academic' && c.expert.degree !== 'none';

export function panelViolations(kind: 'institutional' | 'programme', members: PanelCandidate[], today: string): PanelViolation[] {
  const out: PanelViolation[] = [];
  const experts = members.filter((m) => m.role !== 'coordinator');
  const count = (category: ExpertCategory) => experts.filter((m) => m.expert?.category === category).length;

  const academics = experts.filter(hasDegree).length;
  if (academics < MIN_ACADEMICS) out.push({ code: 'academics', params: { required: MIN_ACADEMICS, actual: academics } });
  if (count('employer') < 1) out.push({ code: 'employer', params: { required: 1, actual: 0 } });
  if (count('student') < 1) out.push({ code: 'student', params: { required: 1, actual: 0 } });
  if (kind === 'institutional') {
    if (count('foreign') < 1) out.push({ code: 'foreign', params: { required: 1, actual: 0 } });
    if (!members.some((m) => m.role === 'coordinator')) out.push({ code: 'coordinator', params: { required: 1 } });
  }

  const chairs = members.filter((m) => m.role === 'chair');
  if (chairs.length !== 1) out.push({ code: 'chairCount', params: { actual: chairs.length } });
  const chair = chairs.length === 1 ? chairs[0] : undefined;
  if (chair) {
    const i = members.indexOf(chair);
    if (!hasDegree(chair)) out.push({ code: 'chairNotAcademic', member: i, params: { name: chair.name } });
    const most = Math.max(0, ...experts.filter(hasDegree).map((m) => m.expert?.experience ?? 0));
    const mine = chair.expert?.experience ?? 0;
    if (hasDegree(chair) && mine < most) out.push({ code: 'chairNotMostExperienced', member: i, params: { name: chair.name, experience: mine, most } });
  }

  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (m.role === 'coordinator') {
      if (m.expert) out.push({ code: 'coordinatorIsStaff', member: i, params: { name: m.name } });
      return;
    }
    const e = m.expert;
    if (!e) {
      out.push({ code: 'notAnExpert', member: i, params: { name: m.name } });
      return;
    }
    if (seen.has(e.id)) out.push({ code: 'duplicate', member: i, params: { name: m.name } });
    seen.add(e.id);
    if (m.role === 'foreign' && e.category !== 'foreign') out.push({ code: 'foreignRole', member: i, params: { name: m.name } });
    if (e.excluded) out.push({ code: 'excluded', member: i, params: { name: m.name } });
    if (!e.certifiedOn) out.push({ code: 'notCertified', member: i, params: { name: m.name } });
    else if (e.certificationExpiresOn && e.certificationExpiresOn < today)
      out.push({ code: 'certificationExpired', member: i, params: { name: m.name, expiredOn: e.certificationExpiresOn } });
    const unsigned = DECLARATIONS.filter((d) => !e.declarations[d]);
    if (unsigned.length) out.push({ code: 'declarationsUnsigned', member: i, params: { name: m.name, declarations: unsigned.join(', ') } });
  });
  return out;
}
