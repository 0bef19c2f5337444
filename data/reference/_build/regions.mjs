import { src, t, findLine } from './lib.mjs';
// [key, iso, legacyIso, kind, seedName, kk, ru, en, centre kk, ru, en]
const R = [
  ['almaty-city','KZ-75','KZ-ALA','city','Almaty city','Алматы қаласы','город Алматы','Almaty','Алматы','Алматы','Almaty'],
  ['east-kazakhstan','KZ-63','KZ-VOS','region','East Kazakhstan Region','Шығыс Қазақстан облысы','Восточно-Казахстанская область','East Kazakhstan Region','Өскемен','Усть-Каменогорск','Oskemen (Ust-Kamenogorsk)'],
  ['shymkent-city','KZ-79','KZ-SHY','city','Shymkent city','Шымкент қаласы','город Шымкент','Shymkent','Шымкент','Шымкент','Shymkent'],
  ['pavlodar','KZ-55','KZ-PAV','region','Pavlodar Region','Павлодар облысы','Павлодарская область','Pavlodar Region','Павлодар','Павлодар','Pavlodar'],
  ['astana-city','KZ-71','KZ-AST','city','Astana city','Астана қаласы','город Астана','Astana','Астана','Астана','Astana'],
  ['abai','KZ-10',null,'region','Abai Region','Абай облысы','область Абай','Abai Region','Семей','Семей','Semey'],
  ['zhambyl','KZ-31','KZ-ZHA','region','Zhambyl Region','Жамбыл облысы','Жамбылская область','Zhambyl Region','Тараз','Тараз','Taraz'],
  ['karaganda','KZ-35','KZ-KAR','region','Karaganda Region','Қарағанды облысы','Карагандинская область','Karaganda Region','Қарағанды','Караганда','Karaganda'],
  ['turkistan','KZ-61','KZ-YUZ','region','Turkistan Region','Түркістан облысы','Туркестанская область','Turkistan Region','Түркістан','Туркестан','Turkistan'],
  ['akmola','KZ-11','KZ-AKM','region','Akmola Region','Ақмола облысы','Акмолинская область','Akmola Region','Көкшетау','Кокшетау','Kokshetau'],
  ['mangystau','KZ-47','KZ-MAN','region','Mangystau Region','Маңғыстау облысы','Мангистауская область','Mangystau Region','Ақтау','Актау','Aktau'],
  ['aktobe','KZ-15','KZ-AKT','region','Aktobe Region','Ақтөбе облысы','Актюбинская область','Aktobe Region','Ақтөбе','Актобе','Aktobe'],
  ['kostanay','KZ-39','KZ-KUS','region','Kostanay Region','Қостанай облысы','Костанайская область','Kostanay Region','Қостанай','Костанай','Kostanay'],
  ['zhetysu','KZ-33',null,'region','Zhetysu Region','Жетісу облысы','область Жетісу','Zhetysu Region','Талдықорған','Талдыкорган','Taldykorgan'],
  ['kyzylorda','KZ-43','KZ-KZY','region','Kyzylorda Region','Қызылорда облысы','Кызылординская область','Kyzylorda Region','Қызылорда','Кызылорда','Kyzylorda'],
  ['north-kazakhstan','KZ-59','KZ-SEV','region','North Kazakhstan Region','Солтүстік Қазақстан облысы','Северо-Казахстанская область','North Kazakhstan Region','Петропавл','Петропавловск','Petropavl'],
  ['almaty-region','KZ-19','KZ-ALM','region','Almaty Region','Алматы облысы','Алматинская область','Almaty Region','Қонаев','Конаев','Konaev'],
  ['atyrau','KZ-23','KZ-ATY','region','Atyrau Region','Атырау облысы','Атырауская область','Atyrau Region','Атырау','Атырау','Atyrau'],
  ['west-kazakhstan','KZ-27','KZ-ZAP','region','West Kazakhstan Region','Батыс Қазақстан облысы','Западно-Казахстанская область','West Kazakhstan Region','Орал','Уральск','Oral (Uralsk)'],
  ['ulytau','KZ-62',null,'region','Ulytau Region','Ұлытау облысы','область Ұлытау','Ulytau Region','Жезқазған','Жезказган','Zhezkazgan'],
];
export const REGION = Object.fromEntries(R.map((r) => [r[0], r[1]]));
export function regions() {
  const tableStart = findLine('s003', 'Number of Atlas-Based Educational Programs by Region');
  return R.map(([key, code, legacy, kind, seedName, kk, ru, en, ck, cr, ce]) => {
    const line = findLine('s003', seedName + '\t', tableStart);
    const rec = {
      code,
      key,
      kind,
      name: t(kk, ru, en),
      centre: t(ck, cr, ce),
      isoCode: code,
      legacyIsoCode: legacy,
      seedName,
      source: src('s003', line, line, seedName),
      translated: ['kk', 'ru'],
    };
    if (['abai', 'zhetysu', 'ulytau'].includes(key)) rec.note = 'Region created in 2022 (June 2022 reform); Semey, Taldykorgan and Zhezkazgan became regional centres. No alphabetic legacy ISO code.';
    if (key === 'almaty-region') rec.note = 'Administrative centre moved from Taldykorgan to Konaev (formerly Kapchagay) in 2022.';
    if (key === 'turkistan') rec.note = 'Formerly South Kazakhstan Region (legacy ISO KZ-YUZ); renamed in 2018 when Shymkent became a city of republican significance.';
    if (kind === 'city') rec.note = 'City of republican significance; centre is the city itself.';
    return rec;
  });
}
