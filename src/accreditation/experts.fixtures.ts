// Test fixtures of the expert register: a complete, certified expert's input with signed
// declarations, for tests that build a panel.

export const signedDeclarations = { conflictOfInterest: '2025-01-10', confidentiality: '2025-01-10', codeOfEthics: '2025-01-10' };

/** The input of a certified expert of the body in field 07 (PhD when academic), `over` on top. */
export function expertBody(bodyId: string | undefined, fullName: string, category: string, over: Record<string, unknown> = {}) {
  return {
    bodyId,
    fullName,
    category,
    degree: category === 'academic' ? 'phd' : 'none',
    fields: ['07'],
    languages: ['kk', 'ru'],
    certifiedOn: '2025-01-10',
    certificationExpiresOn: '2030-01-10',
    declarations: signedDeclarations,
    ...over,
  };
}
