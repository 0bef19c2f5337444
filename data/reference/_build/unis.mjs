import { src, t, findLine } from './lib.mjs';
import { REGION } from './regions.mjs';
import { LIST1, LIST2, LIST3 } from './unis_data.mjs';

function build(e, listName, category) {
  const rec = {
    key: e.k,
    name: t(e.kk, e.ru, e.en),
    aliases: [...new Set(e.al || [])],
    abbreviation: e.ab ?? null,
    legalForm: e.lf ?? (category === 'non-civil' ? 'non-civil' : null),
    category,
    region: e.reg ? REGION[e.reg] : null,
    kind: 'university',
    status: e.st ?? 'active',
    country: 'KZ',
    seedList: listName,
    source: e.src ?? src('s003', e.l[0], e.l[1], e.m),
    translated: e.translated ?? (e.ru === e.en && e.kk === e.en ? [] : e.ru === e.en ? ['kk'] : ['kk', 'ru']),
  };
  if (rec.legalForm) {
    rec.legalFormBasis = e.lfb ?? (category === 'non-civil'
      ? 'seed 003 L297-315: listed among the 14 military and law-enforcement HEIs (heading mistranslated as "Non-Governmental")'
      : null);
  }
  if (e.reg) {
    if (Array.isArray(e.rb)) {
      rec.regionBasis = 'seed';
      rec.regionSource = src('s003', e.rb[0], e.rb[1], e.rb[2]);
    } else {
      rec.regionBasis = e.rb && e.rb.startsWith('name') ? 'name' : e.rb;
      if (e.rb && e.rb !== 'name') rec.regionBasisNote = e.rb;
    }
  } else {
    rec.regionBasis = null;
  }
  if (e.ru_) rec.regionUnverified = REGION[e.ru_];
  if (e.extra) Object.assign(rec, e.extra);
  if (e.note) rec.note = e.note;
  return rec;
}

export function universities() {
  const out = [];
  LIST1.forEach((e) => out.push(build(e, 'civil-1 (89)', 'civil')));
  LIST2.forEach((e) => out.push(build(e, 'civil-2 (17)', 'civil')));
  LIST3.forEach((e) => out.push(build(e, 'non-civil (14)', 'non-civil')));
  if (out.length !== 120) throw new Error('front-matter list should give 120, got ' + out.length);

  // Organizations named elsewhere in seed 003.
  const l2877 = findLine('s003', 'NAO "M.Kh. Dulaty Taraz University"');
  const l2882 = findLine('s003', 'NAO "Kazakh National University of Water Management and Irrigation"');
  const l2884 = findLine('s003', 'full state participation');
  const extra = [
    { k:'dulaty-taraz-university', src: src('s003', l2877, l2877, 'Dulaty Taraz University'), en:'M.Kh. Dulaty Taraz University', ru:'Таразский университет имени М.Х. Дулати', kk:'М.Х. Дулати атындағы Тараз университеті', ab:null, al:['NAO "M.Kh. Dulaty Taraz University"','Dulaty University','M.Kh. Dulaty Taraz University'], reg:'zhambyl', rb:'name', lf:'state', lfb:`seed 003 L${l2884}: founded as NAO "with full state participation in their authorized capital"`, note:'Successor NAO created in April 2024 on the basis of M.Kh. Dulaty Taraz Regional University (seed 003 L2871-2884). Not in the front-matter list of 120.', list:'named elsewhere (L2867-2884)' },
    { k:'kaznuwmi', src: src('s003', l2882, l2882, 'KazNUWMI'), en:'Kazakh National University of Water Management and Irrigation', ru:'Казахский национальный университет водного хозяйства и ирригации', kk:'Қазақ ұлттық су шаруашылығы және ирригация университеті', ab:'KazNUWMI', al:['KazNUWMI','NAO "Kazakh National University of Water Management and Irrigation"'], reg:'zhambyl', rb:`seed-implied`, lf:'national', lfb:`seed: name contains "National"; founded "with full state participation" (seed 003 L${l2884}); brings national HEIs to the 12 counted for 2024 (L2909)`, note:'Created in April 2024 by reorganizing M.Kh. Dulaty Taraz Regional University (seed 003 L2871-2884). Region implied: created on the basis of the Taraz university (Taraz is in Zhambyl Region). Not in the front-matter list of 120.', list:'named elsewhere (L2867-2884)' },
  ];
  const l2886 = findLine('s003', 'Cardiff University on the establishment of a new international research university in Astana');
  const l3504 = findLine('s003', 'branch of City University of Hong Kong');
  const l4340 = findLine('s003', 'Arizona University branch at M. Kozybayev');
  const l574 = findLine('s003', 'Kazakhstan branches of **SeoulTech** and **CityU**');
  const l4348 = findLine('s003', 'Coventry University Kazakhstan');
  const l260 = findLine('s003', 'De Montfort University Kazakhstan');
  const l5728 = findLine('s003', 'University of Arizona (USA)');
  const branches = [
    { k:'cardiff-university-kazakhstan', src: src('s003', l2886, l2886, 'new international research university in Astana'), en:'Cardiff University Kazakhstan', ru:'Cardiff University Kazakhstan', kk:'Cardiff University Kazakhstan', ab:null, al:['International research university in Astana (Cardiff University)','Кардиффский университет Казахстан'], reg:'astana-city', rb:[l2886, l2886, 'research university in Astana'], note:'The seed describes "a new international research university in Astana" set up under an August 2024 memorandum between MSHE and Cardiff University, up to 2,500 students, first programmes in 2025 (L2886-2905). The name "Cardiff University Kazakhstan" is not in the seed. Planned/opening at the time of the report; status set to active.', translated:[] },
    { k:'coventry-university-kazakhstan', src: src('s003', l4348, l4348, 'Coventry University Kazakhstan'), en:'Coventry University Kazakhstan', ru:'Coventry University Kazakhstan', kk:'Coventry University Kazakhstan', ab:null, al:[], reg:'astana-city', rb:[l4348, l4348, 'Coventry University Kazakhstan – 7.9 ha'], note:'Named only for its 7.9 ha campus land plot in the Astana paragraph (L4348). Branch of Coventry University (UK) by name.', translated:[] },
    { k:'cityu-satbayev-branch', src: src('s003', l3504, l3504, 'branch of City University of Hong Kong'), en:'City University of Hong Kong branch at Satbayev University', ru:'Филиал Городского университета Гонконга при Satbayev University', kk:'Гонконг қалалық университетінің Satbayev University жанындағы филиалы', ab:'CityU', al:['CityU Kazakhstan branch','CityU'], reg:'almaty-city', rb:[1839,1839,'(Almaty)'], note:'"Satbayev University launched a branch of City University of Hong Kong, offering dual-degree programs in artificial intelligence" (2024, L3504). Region follows the host university (Satbayev, Almaty, L1839).' },
    { k:'arizona-kozybayev-branch', src: src('s003', l4340, l4340, 'Arizona University branch'), en:'University of Arizona branch at M. Kozybayev North Kazakhstan University', ru:'Филиал Университета Аризоны при Северо-Казахстанском университете имени М. Козыбаева', kk:'Аризона университетінің М. Қозыбаев атындағы Солтүстік Қазақстан университеті жанындағы филиалы', ab:null, al:['Arizona University branch at M. Kozybayev North Kazakhstan State University'], reg:'north-kazakhstan', rb:[l4340, l4340, 'North Kazakhstan'], note:'Region follows the host university (its name contains "North Kazakhstan").' },
    { k:'seoultech-kazakhstan-branch', src: src('s003', l574, l574, 'SeoulTech'), en:'SeoulTech Kazakhstan branch', ru:'Казахстанский филиал SeoulTech', kk:'SeoulTech қазақстандық филиалы', ab:'SeoulTech', al:['Kazakhstan branch of Seoul National University of Science and Technology'], ru_:'kyzylorda', note:'The seed names "the Kazakhstan branches of SeoulTech and CityU" (L574) and a Graduate School of AI and Informatics at Korkyt Ata Kyzylorda University set up with SeoulTech in 2024 (L3504); it does not say where the SeoulTech branch is.' },
  ];
  const foreign = [
    { k:'cardiff-university', country:'GB', src: src('s003', l2886, l2886, 'Cardiff University'), en:'Cardiff University', ru:'Кардиффский университет', kk:'Кардифф университеті' },
    { k:'coventry-university', country:'GB', src: src('s003', l4348, l4348, 'Coventry University'), en:'Coventry University', ru:'Университет Ковентри', kk:'Ковентри университеті', note:'Named only through "Coventry University Kazakhstan" (L4348).' },
    { k:'de-montfort-university', country:'GB', src: src('s003', l260, l260, 'De Montfort University'), en:'De Montfort University', ru:'Университет Де Монфор', kk:'Де Монфор университеті', note:'Named only through "De Montfort University Kazakhstan" (L260).' },
    { k:'city-university-of-hong-kong', country:'HK', src: src('s003', l3504, l3504, 'City University of Hong Kong'), en:'City University of Hong Kong', ru:'Городской университет Гонконга', kk:'Гонконг қалалық университеті', ab:'CityU' },
    { k:'university-of-arizona', country:'US', src: src('s003', l5728, l5728, 'University of Arizona'), en:'University of Arizona', ru:'Университет Аризоны', kk:'Аризона университеті', al:['Arizona University'] },
    { k:'seoultech', country:'KR', src: src('s003', l3504, l3504, 'Seoul National University of Science and Technology'), en:'Seoul National University of Science and Technology', ru:'Сеульский национальный университет науки и технологий', kk:'Сеул ұлттық ғылым және технология университеті', ab:'SeoulTech', al:['SeoulTech'] },
  ];
  for (const e of [...extra, ...branches]) {
    const r = build(e, e.list ?? 'named elsewhere in seed 003', 'civil');
    out.push(r);
  }
  for (const e of foreign) {
    out.push({
      key: e.k, name: t(e.kk, e.ru, e.en), aliases: e.al ?? [], abbreviation: e.ab ?? null,
      legalForm: null, category: 'civil', region: null, kind: 'university', status: 'active',
      country: e.country, seedList: 'foreign parent/partner named in seed 003', source: e.src,
      translated: ['kk', 'ru'], regionBasis: null,
      note: (e.note ? e.note + ' ' : '') + 'Foreign university, included so that branch relationships have both ends.',
    });
  }
  const keys = new Set();
  for (const r of out) { if (keys.has(r.key)) throw new Error('dup key ' + r.key); keys.add(r.key); }
  return out;
}

export function relationships() {
  const a = findLine('s003', 'a decision was made to reorganize M.Kh. Dulaty Taraz Regional University');
  const b = findLine('s003', 'full state participation');
  const l2886 = findLine('s003', 'Cardiff University on the establishment');
  const l3504 = findLine('s003', 'branch of City University of Hong Kong');
  const l4340 = findLine('s003', 'Arizona University branch at M. Kozybayev');
  const l4348 = findLine('s003', 'Coventry University Kazakhstan');
  const l574 = findLine('s003', 'Kazakhstan branches of **SeoulTech**');
  return [
    { type:'split', from:'dulaty-taraz-regional-university', to:'dulaty-taraz-university', effectiveDate:'2024-04-01', effectiveDatePrecision:'month', source: src('s003', a, b, 'Dulaty Taraz University'), note:'"In April 2024 ... a decision was made to reorganize M.Kh. Dulaty Taraz Regional University. On its basis, two independent universities were established". The seed gives the month only.' },
    { type:'split', from:'dulaty-taraz-regional-university', to:'kaznuwmi', effectiveDate:'2024-04-01', effectiveDatePrecision:'month', source: src('s003', a, b, 'KazNUWMI'), note:'Restoration of a specialized HEI in water management and irrigation; month only in the seed.' },
    { type:'branch', from:'cardiff-university', to:'cardiff-university-kazakhstan', effectiveDate:'2024-08-01', effectiveDatePrecision:'month', source: src('s003', l2886, l2886 + 19, 'Cardiff'), note:'Date is that of the MSHE–Cardiff memorandum; first programmes planned for 2025. The seed calls it a new international research university implemented with Cardiff\'s participation rather than a branch.' },
    { type:'branch', from:'coventry-university', to:'coventry-university-kazakhstan', effectiveDate:null, effectiveDatePrecision:'unknown', source: src('s003', l4348, l4348, 'Coventry University Kazakhstan'), note:'Relationship inferred from the name.' },
    { type:'branch', from:'de-montfort-university', to:'de-montfort-university-kazakhstan', effectiveDate:null, effectiveDatePrecision:'unknown', source: src('s003', 260, 260, 'De Montfort University Kazakhstan'), note:'Relationship inferred from the name.' },
    { type:'branch', from:'city-university-of-hong-kong', to:'cityu-satbayev-branch', effectiveDate:'2024-01-01', effectiveDatePrecision:'year', source: src('s003', l3504, l3504, 'branch of City University of Hong Kong') },
    { type:'parent', from:'satbayev-university', to:'cityu-satbayev-branch', effectiveDate:'2024-01-01', effectiveDatePrecision:'year', source: src('s003', l3504, l3504, 'Satbayev University launched a branch'), note:'Host university of the branch.' },
    { type:'branch', from:'university-of-arizona', to:'arizona-kozybayev-branch', effectiveDate:null, effectiveDatePrecision:'unknown', source: src('s003', l4340, l4340, 'Arizona University branch') },
    { type:'parent', from:'kozybayev-university', to:'arizona-kozybayev-branch', effectiveDate:null, effectiveDatePrecision:'unknown', source: src('s003', l4340, l4340, 'M. Kozybayev North Kazakhstan State University'), note:'Host university of the branch.' },
    { type:'branch', from:'seoultech', to:'seoultech-kazakhstan-branch', effectiveDate:null, effectiveDatePrecision:'unknown', source: src('s003', l574, l574, 'SeoulTech'), note:'Host institution not stated in the seed.' },
  ];
}
