import { write } from './lib.mjs';
import { regions } from './regions.mjs';
import { universities, relationships } from './unis.mjs';
import { nqf } from './nqf.mjs';
import { fields, programmeGroups } from './fields.mjs';
import { networks, bodies } from './bodies.mjs';
import { standards } from './standards.mjs';
import { qualificationTypes, legalForms, organizationKinds, languages } from './misc.mjs';

const R = regions(); const U = universities(); const REL = relationships(); const F = fields(); const PG = programmeGroups();
const NET = networks(); const B = bodies(); const ST = standards(); const QT = qualificationTypes(); const LF = legalForms(); const OK = organizationKinds(); const LG = languages(); const N = nqf();
// cross-checks
const regionCodes = new Set(R.map((r) => r.code)); const ukeys = new Set(U.map((u) => u.key));
for (const u of U) { if (u.region && !regionCodes.has(u.region)) throw new Error('bad region ' + u.key); if (u.regionUnverified && !regionCodes.has(u.regionUnverified)) throw new Error('bad regionUnverified ' + u.key); if (u.legalForm && !LF.find((l) => l.key === u.legalForm)) throw new Error('bad legal form ' + u.key); }
for (const r of REL) for (const k of [r.from, r.to]) if (!ukeys.has(k)) throw new Error('bad rel key ' + k);
const netKeys = new Set(NET.map((n) => n.key));
for (const b of B) for (const n of b.networks) if (!netKeys.has(n)) throw new Error('bad network ' + n);
const fieldCodes = new Set(F.map((f) => f.code));
for (const g of PG) { if (!fieldCodes.has(g.fieldCode)) throw new Error('bad field ' + g.code); const f = F.find((x) => x.code === g.fieldCode); if (!f.narrowFields.find((d) => d.code === g.narrowFieldCode)) throw new Error('group direction missing ' + g.code); }
for (const q of QT) if (!N.find((n) => n.level === q.nqfLevel)) throw new Error('bad nqf ' + q.key);
write('nqf-levels.json', N);
write('fields-of-education.json', F);
write('programme-groups.json', PG);
write('regions.json', R);
write('universities.json', U);
write('organization-relationships.json', REL);
write('accreditation-bodies.json', B);
write('international-networks.json', NET);
write('standards.json', ST);
write('qualification-types.json', QT);
write('legal-forms.json', LF);
write('organization-kinds.json', OK);
write('languages.json', LG);
const stats = {
  universities: U.length,
  frontMatter: U.filter((u) => u.seedList.startsWith('civil-') || u.seedList.startsWith('non-civil')).length,
  withRegion: U.filter((u) => u.region).length,
  regionSeed: U.filter((u) => u.regionBasis === 'seed').length,
  regionName: U.filter((u) => u.regionBasis === 'name').length,
  regionUnverified: U.filter((u) => !u.region && u.regionUnverified).length,
  noRegion: U.filter((u) => !u.region && !u.regionUnverified).map((u) => u.key),
  legalForms: Object.entries(U.reduce((a, u) => ((a[u.legalForm ?? 'null'] = (a[u.legalForm ?? 'null'] ?? 0) + 1), a), {})),
};
console.log(JSON.stringify(stats));
