// The metadata published with every dump: a DCAT-AP catalogue describing each register as a dataset
// with its distributions, and CSVW table metadata for each CSV (column names, titles in kk/ru/en).

import type { DumpFile } from './dump-store.table.ts';
import type { AnyDescriptor } from './import-descriptor.ts';

const TITLES: Record<string, Record<'kk' | 'ru' | 'en', string>> = {
  programmes: { kk: 'Білім беру бағдарламалары', ru: 'Образовательные программы', en: 'Educational programmes' },
  organizations: { kk: 'Білім беру ұйымдары', ru: 'Организации образования', en: 'Education organizations' },
  qualifications: { kk: 'Біліктіліктер', ru: 'Квалификации', en: 'Qualifications' },
  licences: { kk: 'Лицензиялар', ru: 'Лицензии', en: 'Licences' },
  decisions: { kk: 'Аккредиттеу шешімдері', ru: 'Решения об аккредитации', en: 'Accreditation decisions' },
  'occupational-standards': { kk: 'Кәсіби стандарттар', ru: 'Профессиональные стандарты', en: 'Occupational standards' },
  'certification-centres': { kk: 'Сертификаттау орталықтары', ru: 'Центры сертификации', en: 'Certification centres' },
};

const DEMO_NOTE = { kk: 'Демонстрациялық (синтетикалық) деректер', ru: 'Демонстрационные (синтетические) данные', en: 'Demonstration (synthetic) data' };

const langMap = (m: Record<string, string>) => Object.entries(m).map(([lang, value]) => ({ '@language': lang, '@value': value }));

export function datasetTitle(register: string, label: 'real' | 'demonstration'): Record<'kk' | 'ru' | 'en', string> {
  const title = TITLES[register] ?? { kk: register, ru: register, en: register };
  if (label === 'real') return title;
  return { kk: `${title.kk} — ${DEMO_NOTE.kk}`, ru: `${title.ru} — ${DEMO_NOTE.ru}`, en: `${title.en} — ${DEMO_NOTE.en}` };
}

export function csvwMetadata(descriptor: AnyDescriptor, csvName: string, label: 'real' | 'demonstration'): object {
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'en' }],
    url: csvName,
    'dc:title': langMap(datasetTitle(descriptor.register, label)),
    dialect: { encoding: 'utf-8', header: true, delimiter: ',' },
    tableSchema: {
      columns: descriptor.columns.map((c) => ({
        name: c.key,
        titles: c.label,
        datatype: c.kind === 'int' ? 'integer' : c.kind === 'day' ? 'date' : c.kind === 'json' ? 'json' : 'string',
        ...(c.kind === 'list' ? { separator: ';' } : {}),
      })),
      primaryKey: descriptor.columns.filter((c) => c.natural).map((c) => c.key),
    },
  };
}

export function dcatCatalogue(options: { baseUrl: string; dumpId: string; issued: string; label: 'real' | 'demonstration'; files: DumpFile[] }): object {
  const download = (f: DumpFile) => `${options.baseUrl}/api/open-data/${options.dumpId}/${f.name}`;
  const datasets = [...new Set(options.files.map((f) => f.dataset))];
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      spdx: 'http://spdx.org/rdf/terms#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${options.baseUrl}/api/open-data/${options.dumpId}`,
    '@type': 'dcat:Catalog',
    'dct:title': langMap(options.label === 'real' ? { kk: 'Sapa ашық деректері', ru: 'Открытые данные Sapa', en: 'Sapa open data' } : DEMO_NOTE),
    'dct:publisher': { '@type': 'http://xmlns.com/foaf/0.1/Agent', 'http://xmlns.com/foaf/0.1/name': 'Sapa' },
    'dct:issued': { '@value': options.issued, '@type': 'xsd:dateTime' },
    'dcat:dataset': datasets.map((dataset) => ({
      '@type': 'dcat:Dataset',
      'dct:identifier': dataset,
      'dct:title': langMap(datasetTitle(dataset, options.label)),
      'dct:issued': { '@value': options.issued, '@type': 'xsd:dateTime' },
      'dcat:distribution': options.files
        .filter((f) => f.dataset === dataset)
        .map((f) => ({
          '@type': 'dcat:Distribution',
          'dct:title': f.name,
          'dcat:downloadURL': { '@id': download(f) },
          'dcat:mediaType': f.mediaType,
          'dcat:byteSize': { '@value': String(f.size), '@type': 'xsd:nonNegativeInteger' },
          'spdx:checksum': { '@type': 'spdx:Checksum', 'spdx:algorithm': 'spdx:checksumAlgorithm_sha256', 'spdx:checksumValue': f.sha256 },
        })),
    })),
  };
}
