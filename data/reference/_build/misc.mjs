import { src, t, findLine, lines, D } from './lib.mjs';
export function qualificationTypes() {
  const gl = (term) => { const L = lines(D.s003); for (let i = 316; i < 512; i++) if (L[i].trim() === term) return i + 1; throw new Error('glossary term ' + term); };
  const Q = [
    { key:'applied-bachelor', nqfLevel:5, nqfLevels:[5], sector:'post-secondary', degree:false, kk:'Қолданбалы бакалавр', ru:'Прикладной бакалавр', en:'Applied bachelor', s:['s003', gl("Applied bachelor's degree"), gl("Applied bachelor's degree") + 2, 'applied bachelor'], c:[['s003',780,780,'applied bachelor'],['s000',119,119,'Applied Bachelor\'s Degree, at Level 5']], note:'Awarded by VET colleges; seed 000 L99 notes its descriptors are currently identical to level 6.' },
    { key:'bachelor', nqfLevel:6, nqfLevels:[6], sector:'higher', degree:true, kk:'Бакалавр', ru:'Бакалавр', en:'Bachelor', s:['s003', gl('Bachelor'), gl('Bachelor') + 2, 'completed higher education programs'], c:[['s003',779,779,'Higher education'],['s000',99,99,'levels 6 to 8']] },
    { key:'specialist', nqfLevel:6, nqfLevels:[6], sector:'higher', degree:false, status:'legacy', kk:'Маман (жоғары білім)', ru:'Специалист (высшее образование)', en:'Specialist (higher education diploma)', s:['s003',3095,3095,'Specialist degree'], c:[['s003',779,779,'Specialist / Engineer']], note:'Legacy higher-education qualification still held by 4.63% of academic staff (L3095); placed at level 6 by the "Specialist / Engineer" typical qualification of Figure 1.1.1 (editorial).' },
    { key:'master-scientific-pedagogical', nqfLevel:7, nqfLevels:[7], sector:'postgraduate', degree:true, kk:'Ғылыми-педагогикалық магистр', ru:'Магистр (научно-педагогическое направление)', en:'Master (scientific and pedagogical track)', s:['s004',224,231,'scientific and pedagogical training for at least'], c:[['s003', gl("Master's degree"), gl("Master's degree") + 2, "master's level"],['s003',778,778,"Master's degree"]], note:'At least 2 years (seed 004 L225-227); the basis for doctoral studies (L231).' },
    { key:'master-profile', nqfLevel:7, nqfLevels:[7], sector:'postgraduate', degree:true, kk:'Бейіндік магистр', ru:'Магистр (профильное направление)', en:'Master (profile track)', s:['s004',224,227,'profile training for at least 1 year'], c:[['s003',778,778,"Master's degree"]], note:'At least 1 year (seed 004 L226-227).' },
    { key:'residency', nqfLevel:7, nqfLevels:[7], sector:'postgraduate', degree:false, field:'10', kk:'Резидентура', ru:'Резидентура', en:'Residency (medical)', s:['s003', gl('Residency (medical education)'), gl('Residency (medical education)') + 2, 'postgraduate medical education'], c:[['s003',778,778,'residency']] },
    { key:'phd', nqfLevel:8, nqfLevels:[8], sector:'postgraduate', degree:true, kk:'Философия докторы (PhD)', ru:'Доктор философии (PhD)', en:'Doctor of Philosophy (PhD)', s:['s003', gl('Doctor of Philosophy (PhD)'), gl('Doctor of Philosophy (PhD)') + 2, 'scientific-pedagogical field'], c:[['s003',777,777,'PhD']] },
    { key:'doctor-by-profile', nqfLevel:8, nqfLevels:[8], sector:'postgraduate', degree:true, kk:'Бейіні бойынша доктор', ru:'Доктор по профилю', en:'Doctor by profile (professional doctorate)', s:['s003', gl('Professional doctorate'), gl('Professional doctorate') + 2, 'specific professional field'], c:[['s003',3174,3174,'Doctor of Profile']], aliases:['Doctor of Profile','Professional doctorate'] },
    { key:'candidate-of-sciences', nqfLevel:8, nqfLevels:[8], sector:'postgraduate', degree:true, status:'legacy', kk:'Ғылым кандидаты', ru:'Кандидат наук', en:'Candidate of Sciences', s:['s003', gl('Candidate of Sciences, Doctor of Sciences'), gl('Candidate of Sciences, Doctor of Sciences') + 2, 'dissertation defense'], note:'Legacy degree; the seeds give no NQF level — level 8 is editorial.' },
    { key:'doctor-of-sciences', nqfLevel:8, nqfLevels:[8], sector:'postgraduate', degree:true, status:'legacy', kk:'Ғылым докторы', ru:'Доктор наук', en:'Doctor of Sciences', s:['s003', gl('Candidate of Sciences, Doctor of Sciences'), gl('Candidate of Sciences, Doctor of Sciences') + 2, 'dissertation defense'], note:'Legacy degree; the seeds give no NQF level — level 8 is editorial.' },
    { key:'working-qualification', nqfLevel:3, nqfLevels:[2,3], sector:'tvet', degree:false, kk:'Жұмысшы біліктілігі (ТжКБ)', ru:'Рабочая квалификация (ТиПО)', en:'Working qualification (TVET)', s:['s002',1783,1786,'working qualification'], c:[['s003',783,783,'Skilled Worker'],['s000',99,99,'Levels 2 to 4']], note:'Certificate of assignment of a working qualification after the qualification exam (seed 002 L1783-1791). Levels 2-3 are editorial (Figure 1.1.1 puts "Skilled Worker" at level 2; seed 000 reserves levels 2-4 for general secondary or VET). nqfLevel is the highest of nqfLevels.' },
    { key:'mid-level-specialist', nqfLevel:4, nqfLevels:[4], sector:'tvet', degree:false, kk:'Орта буын маманы (ТжКБ)', ru:'Специалист среднего звена (ТиПО)', en:'Mid-level specialist (TVET)', s:['s003',781,781,'Technician'], c:[['s002',2059,2059,'mid-level specialists'],['s000',119,119,'mid-level specialist']], note:'Typical qualification "Technician" (Figure 1.1.1).' },
    { key:'micro-qualification', nqfLevel:5, nqfLevels:[4,5], sector:'non-formal', degree:false, kk:'Микробіліктілік', ru:'Микроквалификация', en:'Micro-qualification', s:['s003',2205,2209,'Levels 4–5'], c:[['s002',2833,2833,'micro-qualification programs'],['s003',557,557,'micro-qualifications']], aliases:['micro-credential'], note:'Certified at NQF levels 4-5 when earned at university (L2209); nqfLevel is the highest of nqfLevels.' },
  ];
  return Q.map((q) => {
    const r = { key: q.key, name: t(q.kk, q.ru, q.en), nqfLevel: q.nqfLevel, nqfLevels: q.nqfLevels, sector: q.sector, degree: q.degree, status: q.status ?? 'current' };
    if (q.field) r.fieldCode = q.field;
    if (q.aliases) r.aliases = q.aliases;
    r.source = src(...q.s);
    if (q.c) r.citations = q.c.map((c) => src(...c));
    r.translated = ['kk', 'ru'];
    if (q.note) r.note = q.note;
    return r;
  });
}
export function legalForms() {
  const s = ['s003', 2907, 2909];
  return [
    ['private', 52, 'Жеке меншік', 'Частный', 'Private', 'private universities – 52'],
    ['state', 31, 'Мемлекеттік', 'Государственный', 'State', 'state universities – 31'],
    ['non-civil', 14, 'Азаматтық емес (әскери және құқық қорғау)', 'Негражданский (военные и правоохранительные)', 'Non-civil (military and law enforcement)', 'non-civil universities'],
    ['national', 12, 'Ұлттық (ерекше мәртебе)', 'Национальный (особый статус)', 'National (special status)', '12 national universities'],
    ['joint-stock', 11, 'Акционерлік қоғам', 'Акционерное общество', 'Joint-stock company', '11 joint-stock universities'],
    ['autonomous', 1, 'Дербес білім беру ұйымы (ДБҰ)', 'Автономная организация образования (АОО)', 'Autonomous educational organization (AEO)', 'autonomous educational organization (AEO)'],
    ['international', 1, 'Халықаралық университет', 'Международный университет', 'International university', 'one international university'],
  ].map(([key, n, kk, ru, en, needle]) => ({ key, name: t(kk, ru, en), count2024: n, source: src(s[0], s[1], s[2], needle), translated: ['kk', 'ru'], ...(key === 'national' ? { note: 'A status rather than a corporate form; national HEIs are usually non-profit joint-stock companies (NAO). Glossary: "a higher and/or postgraduate educational institution with a special status" (seed 003 L505).' } : {}), ...(key === 'joint-stock' ? { note: 'Seed 003 L4439-4443 (part 2 of the report) gives other counts: national 11, state NAO 29, private 44, joint-stock 16, international 1 (sum 101 of 103 civil HEIs).' } : {}) }));
}
export function organizationKinds() {
  return [
    ['university', 'Жоғары және (немесе) жоғары оқу орнынан кейінгі білім беру ұйымы (университет, академия, институт)', 'Организация высшего и (или) послевузовского образования (университет, академия, институт)', 'Higher and/or postgraduate education institution (university, academy, institute)', ['s003', 421, 423, 'higher and/or postgraduate education programs'], [['s003',317,319,'Academy'],['s003',437,439,'Institute']]],
    ['college', 'Колледж (техникалық және кәсіптік білім беру ұйымы)', 'Колледж (организация технического и профессионального образования)', 'College (technical and vocational education organization)', ['s002', 1723, 1727, 'Organizations of TVET'], [['s000', 119, 119, 'VET colleges']]],
    ['training-provider', 'Қосымша білім беру ұйымы (провайдер)', 'Организация дополнительного образования (провайдер)', 'Additional (continuing) education provider', ['s002', 2722, 2724, 'various providers and centers'], []],
    ['competence-centre', 'Құзыреттілік орталығы', 'Центр компетенций', 'Competence centre', ['s003', 2750, 2750, 'Competence centers are specialized structural units'], [['s003', 2810, 2818, 'competence centers']]],
    ['certification-centre', 'Мамандарды сертификаттау орталығы', 'Центр сертификации специалистов', 'Certification centre (independent certification of specialists)', ['s000', 139, 139, '36 certification centres'], []],
    ['accreditation-body', 'Аккредиттеу органы', 'Аккредитационный орган', 'Accreditation body', ['s003', 329, 331, 'legal entity that conducts institutional'], []],
    ['employer', 'Жұмыс беруші (әлеуметтік әріптес)', 'Работодатель (социальный партнёр)', 'Employer (social partner)', ['s002', 1842, 1842, 'social partners, employers'], [['s002', 1727, 1731, 'employers']]],
    ['ministry', 'Министрлік (білім беру саласындағы уәкілетті орган)', 'Министерство (уполномоченный орган в области образования)', 'Ministry (authorized body in the field of education)', ['s002', 865, 865, 'authorized body in the field of education'], [['s003', 130, 130, 'Ministry of Science and Higher Education']]],
  ].map(([key, kk, ru, en, s, c]) => ({ key, name: t(kk, ru, en), source: src(...s), ...(c.length ? { citations: c.map((x) => src(...x)) } : {}), translated: ['kk', 'ru'] }));
}
export function languages() {
  const l = findLine('s003', 'Popular Courses by Language of Instruction');
  const row = (w) => findLine('s003', w + '\t', l);
  return [
    { code: 'kk', name: t('Қазақ тілі', 'Казахский язык', 'Kazakh'), stateLanguage: true, instruction: true, source: src('s003', row('Kazakh'), row('Kazakh'), 'Kazakh'), citations: [src('s003', 2457, 2457, 'state language')], translated: ['kk', 'ru'] },
    { code: 'ru', name: t('Орыс тілі', 'Русский язык', 'Russian'), stateLanguage: false, instruction: true, source: src('s003', row('Russian'), row('Russian'), 'Russian'), translated: ['kk', 'ru'] },
    { code: 'en', name: t('Ағылшын тілі', 'Английский язык', 'English'), stateLanguage: false, instruction: true, source: src('s003', row('English'), row('English'), 'English'), translated: ['kk', 'ru'] },
  ];
}
