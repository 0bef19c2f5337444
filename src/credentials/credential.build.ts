// The unsigned Open Badges 3.0 OpenBadgeCredential (W3C VC 2.0 data model) Sapa issues. Pure.
import { createHash, randomBytes } from 'node:crypto';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from './document-loader.ts';

export const OB_ACHIEVEMENT_TYPES = [
  'Achievement',
  'Badge',
  'Certificate',
  'Certification',
  'Course',
  'Competency',
  'Diploma',
  'LearningProgram',
  'MicroCredential',
] as const;

export type Alignment = {
  targetName: string;
  targetUrl: string;
  targetCode?: string;
  targetDescription?: string;
  targetFramework?: string;
  targetType?: string;
};

export type AchievementInput = {
  /** A stable id (URL or URN) of what is achieved; derived from the content when absent. */
  id?: string;
  name: string;
  description: string;
  criteria: { narrative?: string; id?: string };
  achievementType?: (typeof OB_ACHIEVEMENT_TYPES)[number];
  /** ECTS credits the achievement is worth. */
  creditsAvailable?: number;
  fieldOfStudy?: string;
  humanCode?: string;
  inLanguage?: string;
  alignment?: Alignment[];
};

/** What the register says about an issuer: its DID, name, website and business identification number. */
export type IssuerRecord = { did: string; name: string; url?: string | null; bin?: string | null };

/** The OB 3.0 issuer Profile of a register organization. */
export function issuerProfile(issuer: IssuerRecord): Record<string, unknown> {
  return {
    id: issuer.did,
    type: ['Profile'],
    name: issuer.name,
    ...(issuer.url ? { url: issuer.url } : {}),
    ...(issuer.bin ? { otherIdentifier: [{ type: 'IdentifierEntry', identifier: issuer.bin, identifierType: 'ext:BIN' }] } : {}),
  };
}

export type LearnerInput = { name: string; email?: string | null; identifier?: string | null };

export type BuildInput = {
  id: string;
  issuer: IssuerRecord;
  learner: LearnerInput;
  achievement: AchievementInput;
  validFrom: string;
  validUntil?: string | null;
  credentialStatus: Record<string, unknown>;
  /** Salt for hashed identifiers; random unless a test fixes it. */
  salt?: string;
};

/** `YYYY-MM-DD` or a date-time, as the xsd:dateTimeStamp VC 2.0 wants (UTC, whole seconds). */
export function toDateTimeStamp(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${value}`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** OB 3.0 IdentityObject hashing: `sha256$` + hex(sha256(value + salt)). */
export const hashIdentity = (value: string, salt: string): string => `sha256$${sha256(value + salt)}`;

function achievementId(a: AchievementInput): string {
  if (a.id) return a.id;
  const digest = sha256(JSON.stringify([a.name, a.description, a.criteria, a.creditsAvailable ?? null, a.fieldOfStudy ?? null]));
  // A name-based (v5-style) UUID from the content: the same achievement gets the same id.
  return `urn:uuid:${digest.slice(0, 8)}-${digest.slice(8, 12)}-5${digest.slice(13, 16)}-a${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
}

export function buildOpenBadgeCredential(input: BuildInput): Record<string, unknown> {
  const { learner, achievement: a } = input;
  const salt = input.salt ?? randomBytes(8).toString('hex');
  const identifier: Record<string, unknown>[] = [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: learner.name }];
  if (learner.email)
    identifier.push({
      type: 'IdentityObject',
      identityType: 'emailAddress',
      hashed: true,
      identityHash: hashIdentity(learner.email.trim().toLowerCase(), salt),
      salt,
    });
  if (learner.identifier)
    identifier.push({ type: 'IdentityObject', identityType: 'identifier', hashed: true, identityHash: hashIdentity(learner.identifier.trim(), salt), salt });

  const achievement: Record<string, unknown> = {
    id: achievementId(a),
    type: ['Achievement'],
    name: a.name,
    description: a.description,
    criteria: { ...(a.criteria.id ? { id: a.criteria.id } : {}), ...(a.criteria.narrative ? { narrative: a.criteria.narrative } : {}) },
  };
  if (a.achievementType) achievement.achievementType = a.achievementType;
  if (a.creditsAvailable !== undefined) achievement.creditsAvailable = a.creditsAvailable;
  if (a.fieldOfStudy) achievement.fieldOfStudy = a.fieldOfStudy;
  if (a.humanCode) achievement.humanCode = a.humanCode;
  if (a.inLanguage) achievement.inLanguage = a.inLanguage;
  if (a.alignment?.length) achievement.alignment = a.alignment.map((al) => ({ type: ['Alignment'], ...al }));

  const credential: Record<string, unknown> = {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: a.name,
    description: a.description,
    issuer: issuerProfile(input.issuer),
    validFrom: toDateTimeStamp(input.validFrom),
  };
  if (input.validUntil) credential.validUntil = toDateTimeStamp(input.validUntil);
  credential.credentialSubject = { type: ['AchievementSubject'], name: learner.name, identifier, achievement };
  credential.credentialStatus = input.credentialStatus;
  return credential;
}
