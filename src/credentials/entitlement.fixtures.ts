// Facts the entitlement and award-scope rules decide on, for their tests: a bachelor licence for
// the ICT group (B057, field 06, direction 061), in force since 2020 with no end.
import type { LicenceFact } from './specification.rules.ts';

export const licenceFact = (over: Partial<LicenceFact> = {}): LicenceFact => ({
  id: 'l1',
  number: 'KZ-1',
  status: 'active',
  issuedOn: '2020-01-01',
  validUntil: null,
  groups: [{ code: 'B057', level: 'B', fieldCode: '06', directionCode: '061' }],
  ...over,
});
