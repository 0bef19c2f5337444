import { src, t, findLine } from './lib.mjs';
export function networks() {
  const N = [
    { key:'ENQA', kind:'network', fields:null, s:['s004',51,51,'(ENQA)'], c:[['s003',168,168,'ENQA European Association for Quality Assurance in']], kk:'Жоғары білім сапасын қамтамасыз ету жөніндегі Еуропалық қауымдастық', ru:'Европейская ассоциация по обеспечению качества в высшем образовании', en:'European Association for Quality Assurance in Higher Education' },
    { key:'EQAR', kind:'register', fields:null, s:['s004',680,681,'European Quality'], c:[['s004',2593,2593,'EQAR – The European Quality Assurance Register']], kk:'Жоғары білім сапасын қамтамасыз етудің Еуропалық тізілімі', ru:'Европейский реестр обеспечения качества высшего образования', en:'European Quality Assurance Register for Higher Education' },
    { key:'ENAEE', kind:'network', fields:'engineering', s:['s004',45,46,'European Network for Accreditation of Engineering'], c:[['s002',3413,3415,'European Network for']], kk:'Инженерлік білім беруді аккредиттеудің Еуропалық желісі', ru:'Европейская сеть аккредитации инженерного образования', en:'European Network for Accreditation of Engineering Education', note:'Authorises agencies to award the EUR-ACE® label. Seed 002 ¶221 (L3405-3417) requires full membership of such a network for programme accreditation in engineering.' },
    { key:'WFME', kind:'network', fields:'medicine', s:['s002',3411,3411,'World Federation of Medical Education'], c:[['s002',2497,2499,'WFME']], kk:'Дүниежүзілік медициналық білім беру федерациясы', ru:'Всемирная федерация медицинского образования', en:'World Federation for Medical Education', note:'Seed 002 ¶221 requires full membership of WFME or another medical-education network for programme accreditation in medicine; WFME standards are a basis for accreditation standards (L2497-2499).' },
    { key:'INQAAHE', kind:'network', fields:null, s:['s004',42,42,'(INQAAHE)'], c:[['s004',674,675,'INQAAHE']], kk:'Жоғары білім сапасын қамтамасыз ету агенттіктерінің халықаралық желісі', ru:'Международная сеть агентств по обеспечению качества в высшем образовании', en:'International Network for Quality Assurance Agencies in Higher Education' },
    { key:'IREG', kind:'network', fields:null, s:['s004',48,48,'IREG Observatory'], c:[['s004',1402,1402,'full member of IREG']], kk:'IREG академиялық рейтингтер және үздіктік обсерваториясы', ru:'Обсерватория IREG по академическим рейтингам и совершенству', en:'IREG Observatory on Academic Ranking and Excellence', note:'A rankings network, not a QA-agency network.' },
    { key:'FEANI', kind:'network', fields:'engineering', s:['s004',40,40,'(FEANI)'], c:[], kk:'Ұлттық инженерлік қауымдастықтардың Еуропалық федерациясы', ru:'Европейская федерация национальных инженерных ассоциаций', en:'European Federation of National Engineering Associations' },
    { key:'IFEES', kind:'network', fields:'engineering', s:['s004',39,39,'(IFEES)'], c:[], kk:'Инженерлік білім беру қоғамдарының халықаралық федерациясы', ru:'Международная федерация обществ инженерного образования', en:'International Federation of Engineering Education Societies' },
    { key:'IGIP', kind:'network', fields:'engineering', s:['s004',41,41,'(IGIP)'], c:[], kk:'Инженерлік педагогиканың халықаралық қоғамы', ru:'Международное общество по инженерной педагогике', en:'International Society for Engineering Pedagogy' },
    { key:'CAFEE', kind:'network', fields:'engineering', s:['s004',466,466,'Central Asian Federation of Engineering Education'], c:[['s004',689,690,'Central Asian Federation of Engineering Education']], kk:'Инженерлік білім беру қоғамдастықтарының Орталық Азия федерациясы', ru:'Центральноазиатская федерация сообществ инженерного образования', en:'Central Asian Federation of Engineering Education Communities', note:'Key "CAFEE" is ours; the seed gives no abbreviation.' },
    { key:'ENIC-NARIC', kind:'network', fields:null, s:['s000',267,267,'ENIC-NARIC networks'], c:[], kk:'ENIC-NARIC желілері (академиялық тану және ұтқырлық жөніндегі ақпарат орталықтары)', ru:'Сети ENIC-NARIC (информационные центры по академическому признанию и мобильности)', en:'ENIC-NARIC networks (European Network of Information Centres / National Academic Recognition Information Centres)', note:'Recognition network, not QA; Kazakhstan is represented by the Bologna Process and Academic Mobility Centre.' },
  ];
  return N.map((n) => {
    const r = { key: n.key, name: t(n.kk, n.ru, n.en), kind: n.kind, fields: n.fields, source: src(...n.s), translated: ['kk', 'ru'] };
    if (n.c.length) r.citations = n.c.map((c) => src(...c));
    if (n.note) r.note = n.note;
    return r;
  });
}

export function bodies() {
  const l482 = findLine('s004', 'No. 482 was issued');
  return [
    {
      key: 'kazsee',
      abbreviation: 'KAZSEE',
      name: t('Қазақстанның Заманауи (Элиталық) Білім Ассоциациясы KAZSEE', 'Казахстанская Ассоциация Современного (Элитного) Образования KAZSEE', 'Kazakhstan Association for Modern (Elite) Education KAZSEE'),
      aliases: ['Kazakhstan Association of Modern (Elite) Education', 'Kazakhstan Association for Engineering Education KAZSEE', 'ЗТБ «ҚЗБҚ KAZSEE»', 'ОЮЛ «КАСО KAZSEE»', 'ULE «КАMЕ KAZSEE»', 'КАСО'],
      country: 'KZ',
      national: true,
      legalForm: 'Association of legal entities (non-profit)',
      networks: ['ENAEE', 'FEANI', 'INQAAHE', 'IFEES', 'IGIP', 'IREG'],
      memberships: [
        { network: 'ENAEE', status: 'full member since 2012; authorised to award the EUR-ACE® label since November 2017 (20 or 21 Nov 2017 in the seed), valid until November 2022', source: src('s004', 67, 75, 'full member') },
        { network: 'FEANI', status: 'full member', source: src('s004', 484, 484, 'full member of the FEANI') },
        { network: 'INQAAHE', status: 'member', source: src('s004', 42, 42, 'INQAAHE') },
        { network: 'IFEES', status: 'member', source: src('s004', 39, 39, 'IFEES') },
        { network: 'IGIP', status: 'member', source: src('s004', 41, 41, 'IGIP') },
        { network: 'IREG', status: 'full member since 2021', source: src('s004', 1402, 1402, 'full member of IREG') },
        { network: 'ENQA', status: 'affiliate; applying for membership (expected 2023)', source: src('s004', 49, 51, 'affiliate') },
        { network: 'EQAR', status: 'registration sought (expected 2023); not registered at the time of the report', source: src('s004', 1384, 1384, 'EQAR registration') },
      ],
      recognition: { register: 'Register 1 (MES RK)', order: 'No. 482', date: '2017-09-27', source: src('s004', l482 - 2, l482 + 1, 'No. 482') },
      scope: {
        accreditationTypes: ['institutional', 'programme', 'cross-border programme (Uzbekistan)', 'EUR-ACE® label', 'TVET colleges (outside ESG scope)'],
        fields: ['05', '06', '07', '08', '01', '02', '03', '04', '09', '10', '11'],
        source: src('s004', 2806, 2819, 'program accreditation'),
      },
      formerName: t('Қазақстандық инженерлік білім беру қауымдастығы KAZSEE', 'Казахстанская ассоциация инженерного образования KAZSEE', 'Kazakhstan Association for Engineering Education KAZSEE'),
      founded: 2007,
      renamed: 2021,
      address: 'Almaty, Bostandyk district, Koktem-3, 24 (Charter 1.5)',
      source: src('s004', 2641, 2656, 'KAZSEE'),
      citations: [src('s004', 1, 57, 'KAZSEE'), src('s004', 577, 606, 'Institutional accreditation')],
      translated: [],
      note: 'Names in all three languages are from the Charter (seed 004 L2641-2650); the former English name is at L28-34 (kk/ru of the former name supplied). scope.fields are the Charter\'s programme-accreditation fields mapped to our field codes (12 is not in the Charter list).',
    },
    {
      key: 'naar',
      abbreviation: 'NAAR',
      name: t('Аккредиттеу және рейтингтің тәуелсіз агенттігі', 'Независимое агентство аккредитации и рейтинга', 'Independent Agency for Accreditation and Rating'),
      aliases: ['IAAR', 'НААР', 'NAAR'],
      country: 'KZ',
      national: true,
      networks: [],
      source: src('s003', 6286, 6286, 'NAAR'),
      citations: [src('s003', 6331, 6331, 'accredited by NAAR')],
      translated: ['kk', 'ru', 'en'],
      note: 'The seed only says "NAAR" (programme accreditation with a 5-year certificate; Erasmus+ project results). We read it as the Russian abbreviation НААР = Independent Agency for Accreditation and Rating (IAAR); the full name and the identification are ours. The seeds give no network memberships.',
    },
    {
      key: 'iqaa',
      abbreviation: 'IQAA',
      name: t('Білім сапасын қамтамасыз ету жөніндегі тәуелсіз агенттік', 'Независимое агентство по обеспечению качества в образовании', 'Independent Agency for Quality Assurance in Education'),
      aliases: ['IQAA', 'НКАОКО'],
      country: 'KZ',
      national: true,
      networks: [],
      source: src('s001', 83, 86, 'IQAA'),
      translated: ['kk', 'en'],
      note: 'Named only as a cited source (seed 001 reference list, Russian name given there). The seeds give no network memberships or recognition details.',
    },
    {
      key: 'aeer',
      abbreviation: 'AEER',
      name: t('Ресейдің инженерлік білім беру қауымдастығы', 'Ассоциация инженерного образования России', 'Association for Engineering Education of Russia'),
      aliases: ['АИОР', 'Russian Association for Engineering Education'],
      country: 'RU',
      national: false,
      networks: [],
      source: src('s004', 684, 687, 'AEER'),
      citations: [src('s004', 2624, 2624, 'AEER')],
      translated: ['kk', 'ru'],
      note: 'Foreign agency; bilateral partner of KAZSEE with which it jointly accredited 16 programmes (seed 004 L684-687). The seeds do not say whether it is recognized in Kazakhstan\'s Register 1 or give its network memberships.',
    },
  ];
}
