// What a person reads on a credential (holder, achievement, issuer, dates), taken from the JSON as
// presented, and which of those differ from the credential Sapa actually issued under that id. Pure.

export const CONTENT_FIELDS = ['holder', 'achievement', 'description', 'credits', 'field', 'issuer', 'awarded', 'validUntil'] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];
export type CredentialContent = Record<ContentField, string | null>;

/** What changed: named fields, or something else in the signed content, or the signature alone. */
export type Changes = { fields: ContentField[]; other: boolean; proofOnly: boolean };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);

export function credentialContent(input: unknown): CredentialContent {
  const credential = isObject(input) ? input : {};
  const subject = isObject(first(credential.credentialSubject)) ? (first(credential.credentialSubject) as Record<string, unknown>) : {};
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  const identifiers = Array.isArray(subject.identifier) ? subject.identifier.filter(isObject) : [];
  const nameIdentity = identifiers.find((i) => i.identityType === 'name' && i.hashed === false);
  const issuer = credential.issuer;
  return {
    holder: text(subject.name) ?? text(nameIdentity?.identityHash),
    achievement: text(achievement.name) ?? text(credential.name),
    description: text(achievement.description),
    credits: text(achievement.creditsAvailable),
    field: text(achievement.fieldOfStudy),
    issuer: isObject(issuer) ? text(issuer.name) : null,
    awarded: text(credential.validFrom),
    validUntil: text(credential.validUntil),
  };
}

/** Object keys in a fixed order, so that two documents with the same content compare equal. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

export function changesFrom(presented: unknown, issued: Record<string, unknown>): Changes {
  const a = credentialContent(presented);
  const b = credentialContent(issued);
  const fields = CONTENT_FIELDS.filter((f) => a[f] !== b[f]);
  const withoutProof = (v: unknown) => {
    if (!isObject(v)) return stable(v);
    const { proof: _proof, ...rest } = v;
    return stable(rest);
  };
  const contentDiffers = withoutProof(presented) !== withoutProof(issued);
  return {
    fields,
    other: contentDiffers && fields.length === 0,
    proofOnly: !contentDiffers && stable(presented) !== stable(issued),
  };
}
