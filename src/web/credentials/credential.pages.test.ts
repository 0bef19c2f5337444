// The public credential pages over HTTP in kk, ru and en: the credential page with its status,
// checks and QR code, the PDF certificate, and the verification page with good, tampered and bad input.
import { entryByCode } from '../../frameworks/frameworks.api.ts';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { licensedUniversity, specBody } from '../../credentials/specification.fixtures.ts';
import { catalogs } from '../../platform/i18n/i18n.ts';
import { MAX_VERIFY_BYTES } from './verify.page.tsx';

let t: TestApp;
let orgId: string;
let admin: string;
let specId: string;
let activeId: string;
let revokedId: string;
let suspendedId: string;
let credential: Record<string, unknown>;

const LANGS = ['kk', 'ru', 'en'] as const;
// biome-ignore lint/suspicious/noExplicitAny: catalogs are nested JSON
const text = (lang: string, key: string): string => key.split('.').reduce((o: any, k) => o?.[k], catalogs[lang as 'kk']) as string;
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const has = (html: string, lang: string, key: string) => assert.ok(html.includes(escaped(text(lang, key))), `${lang}: ${key} “${text(lang, key)}”`);

async function issue(name: string): Promise<{ id: string; credential: Record<string, unknown> }> {
  const res = await t.json('POST', '/api/credentials', {
    token: admin,
    body: {
      organizationId: orgId,
      specificationId: specId,
      learner: { name, email: `${name.length}@example.kz` },
      achievement: { name: 'Деректерді талдау негіздері', description: 'Деректерді тазалау', criteria: { narrative: 'Жоба' }, creditsAvailable: 5 },
      validFrom: '2025-09-01',
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

before(async () => {
  t = await createTestApp();
  orgId = await licensedUniversity(t);
  admin = await t.tokenFor('org-admin', orgId);
  const spec = await t.json('POST', '/api/credentials/specifications', { token: admin, body: specBody(orgId) });
  assert.equal(spec.status, 201, JSON.stringify(spec.body));
  specId = spec.body.id;
  const active = await issue('Әлия Нұрланқызы <b>');
  activeId = active.id;
  credential = active.credential;
  revokedId = (await issue('Ерлан Сәрсенов')).id;
  suspendedId = (await issue('Гүлнар Қасымова')).id;
  assert.equal(
    (await t.json('POST', `/api/credentials/${revokedId}/status`, { token: admin, body: { action: 'revoke', reason: 'Issued in error' } })).status,
    200,
  );
  assert.equal(
    (await t.json('POST', `/api/credentials/${suspendedId}/status`, { token: admin, body: { action: 'suspend', reason: 'Plagiarism inquiry' } })).status,
    200,
  );
});
after(() => t?.close());

describe('the credential page', () => {
  for (const lang of LANGS) {
    test(`${lang}: shows the achievement, issuer link, learner, dates, ECTS, level, live status, checks, QR code and downloads`, async () => {
      const res = await t.app.request(`/${lang}/credentials/${activeId}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, new RegExp(`<html lang="${lang}"`));
      const title = { kk: 'Деректерді талдау негіздері', ru: 'Основы анализа данных', en: 'Foundations of data analysis' }[lang];
      assert.match(html, new RegExp(`<h1>${title}`));
      assert.ok(html.includes(`href="/${lang}/organizations/${orgId}"`), 'links to the issuer in the register');
      assert.ok(html.includes('Әлия Нұрланқызы &lt;b&gt;'), 'the learner name is escaped');
      assert.ok(!html.includes('Нұрланқызы <b>'), 'no unescaped markup');
      has(html, lang, 'ui.credentialPages.status.valid');
      has(html, lang, 'ui.credentialPages.verdict.valid');
      for (const check of ['shape', 'proof', 'issuer', 'accreditation', 'status', 'validity'])
        assert.match(html, new RegExp(`data-check="${check}" data-state="ok"`), check);
      assert.match(html, /<svg[^>]*role="img"[^>]*aria-label="[^"]+"/);
      assert.ok(html.includes(`http://localhost:3000/${lang}/credentials/${activeId}`), 'the QR code URL is this page');
      assert.ok(html.includes(`href="/api/credentials/${activeId}/vc"`));
      assert.ok(html.includes(`href="/api/credentials/${activeId}/pdf?lang=${lang}"`));
      assert.match(html, /href="mailto:\?subject=/);
      assert.ok(html.includes('>5<'), 'ECTS credits');
      has(html, lang, 'ui.credentialPages.level');
    });
  }

  test('a revoked credential says so with its reason; a suspended one with its reason; both fail the status check', async () => {
    const revoked = await (await t.app.request(`/en/credentials/${revokedId}`)).text();
    assert.match(revoked, /<strong>Revoked<\/strong>/);
    assert.match(revoked, /Issued in error/);
    assert.match(revoked, /data-check="status" data-state="failed"/);
    has(revoked, 'en', 'ui.credentialPages.verdict.invalid');
    const suspended = await (await t.app.request(`/ru/credentials/${suspendedId}`)).text();
    assert.ok(suspended.includes(`<strong>${text('ru', 'ui.credentialPages.status.suspended')}</strong>`));
    assert.match(suspended, /Plagiarism inquiry/);
  });

  test('an unknown credential is a localized 404 page, a malformed id a 400', async () => {
    const res = await t.app.request('/kk/credentials/00000000-0000-4000-8000-000000000000');
    assert.equal(res.status, 404);
    assert.match(await res.text(), /<html lang="kk"/);
    assert.equal((await t.app.request('/en/credentials/not-an-id')).status, 400);
  });
});

/** The text a PDF shows: each font's glyph codes in the content streams mapped through that font's ToUnicode map. */
function pdfText(bytes: Uint8Array): string {
  const latin = Buffer.from(bytes).toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  for (const m of latin.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] as string;
    const at = body.search(/(?<!end)stream\r?\n/);
    let stream: string | null = null;
    if (at >= 0) {
      const data = Buffer.from(body.slice(body.indexOf('\n', at) + 1, body.lastIndexOf('endstream')), 'latin1');
      try {
        stream = inflateSync(data).toString('latin1');
      } catch {
        stream = data.toString('latin1');
      }
    }
    objects.set(m[1] as string, { dict: at >= 0 ? body.slice(0, at) : body, stream });
  }
  const hexText = (hex: string) => (hex.match(/.{4}/g) ?? []).map((h) => String.fromCharCode(Number.parseInt(h, 16))).join('');
  const cmapOf = (fontRef: string): Map<number, string> => {
    const map = new Map<number, string>();
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontRef)?.dict ?? '')?.[1];
    const cmap = ref ? (objects.get(ref)?.stream ?? '') : '';
    for (const r of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      // A ligature maps to several code points: <0066 0069>.
      for (const [i, x] of [...(r[3] as string).matchAll(/<([0-9a-f ]+)>/gi)].entries()) {
        map.set(Number.parseInt(r[1] as string, 16) + i, hexText((x[1] as string).replace(/ /g, '')));
      }
    }
    return map;
  };
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const f of dict.matchAll(/\/Font\s*<<([^>]*)>>/g))
      for (const e of (f[1] as string).matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(e[1] as string, cmapOf(e[2] as string));
  }
  let out = '';
  for (const { stream } of objects.values()) {
    if (!stream || !/T[Jj]/.test(stream)) continue;
    let font = new Map<number, string>();
    for (const op of stream.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\]\s*TJ|<([0-9a-f]+)>\s*Tj/gi)) {
      if (op[1]) {
        font = fonts.get(op[1]) ?? new Map();
        continue;
      }
      const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-f]+)>/gi)].map((x) => x[1] as string) : [op[3] as string];
      for (const hex of hexes) for (const code of hex.match(/.{4}/g) ?? []) out += font.get(Number.parseInt(code, 16)) ?? '';
      out += ' ';
    }
  }
  return out;
}

describe('the PDF certificate', () => {
  test('is a PDF with the DejaVu Sans font embedded whose text holds Kazakh, Russian and English', async () => {
    const res = await t.app.request(`/api/credentials/${activeId}/pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('content-disposition') ?? '', /credential-.*\.pdf/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const latin = Buffer.from(bytes).toString('latin1');
    assert.ok(latin.startsWith('%PDF-'));
    assert.match(latin, /\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    assert.doesNotMatch(latin, /Helvetica/);
    const shown = pdfText(bytes).replace(/\s+/g, ' ');
    for (const phrase of [
      'Микробіліктілік туралы куәлік',
      'Свидетельство о микроквалификации',
      'Micro-credential certificate',
      'Деректерді талдау негіздері',
      'Әлия Нұрланқызы',
      'Қорытынды жасай алады',
    ]) {
      assert.ok(shown.includes(phrase), `the PDF shows “${phrase}”: ${shown.slice(0, 400)}`);
    }
    assert.ok(latin.includes(`/URI (http://localhost:3000/kk/credentials/${activeId})`), 'the QR code links to the credential page');
  });

  test('names the field of education in each language beside its code, never the bare code 0613 (issue 11)', async () => {
    const direction = await entryByCode(t.db, 'direction', '061');
    assert.ok(direction);
    const shown = pdfText(new Uint8Array(await (await t.app.request(`/api/credentials/${activeId}/pdf`)).arrayBuffer())).replace(/\s+/g, ' ');
    for (const name of [direction.name_kk, direction.name_ru, direction.name_en ?? direction.name_ru]) {
      assert.ok(shown.includes(`${name} (0613)`), `the PDF shows “${name} (0613)”: ${shown.slice(0, 400)}`);
    }
    assert.equal(shown.match(/0613/g)?.length, 3, 'the code appears only beside its name, once per language');
  });

  test('a revoked credential’s PDF carries the revocation notice; an unknown id is 404', async () => {
    const bytes = new Uint8Array(await (await t.app.request(`/api/credentials/${revokedId}/pdf`)).arrayBuffer());
    assert.ok(pdfText(bytes).replace(/\s+/g, ' ').includes('Issued in error'));
    assert.equal((await t.app.request('/api/credentials/00000000-0000-4000-8000-000000000000/pdf')).status, 404);
    const en = Buffer.from(await (await t.app.request(`/api/credentials/${activeId}/pdf?lang=en`)).arrayBuffer()).toString('latin1');
    assert.ok(en.includes(`/URI (http://localhost:3000/en/credentials/${activeId})`), 'the QR code opens the page in the language asked');
  });
});

const post = (lang: string, fields: Record<string, string | Blob>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return t.app.request(`/${lang}/verify`, { method: 'POST', body: form });
};

describe('the verification page', () => {
  for (const lang of LANGS) {
    test(`${lang}: the form has a labelled text area and file input`, async () => {
      const res = await t.app.request(`/${lang}/verify`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.ok(html.includes(`<label for="f-credential">${escaped(text(lang, 'ui.credentialPages.pasteLabel'))}</label>`));
      assert.match(html, /<input id="f-file" name="file" type="file"/);
      assert.match(html, /enctype="multipart\/form-data"/);
    });

    test(`${lang}: a pasted genuine credential passes every check, with the verdict in the page language`, async () => {
      const res = await post(lang, { credential: JSON.stringify(credential) });
      assert.equal(res.status, 200);
      const html = await res.text();
      has(html, lang, 'ui.credentialPages.verdict.valid');
      for (const check of ['shape', 'proof', 'issuer', 'accreditation', 'status', 'validity'])
        assert.match(html, new RegExp(`data-check="${check}" data-state="ok"`));
      has(html, lang, 'ui.credential.check.proof');
    });
  }

  test('an uploaded file is verified like pasted text', async () => {
    const res = await post('en', { credential: '', file: new File([JSON.stringify(credential)], 'credential.json', { type: 'application/json' }) });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /data-check="proof" data-state="ok"/);
  });

  test('a tampered credential fails and the page names the signature check', async () => {
    const tampered = structuredClone(credential) as { credentialSubject: { name: string } };
    tampered.credentialSubject.name = 'Someone Else';
    const html = await (await post('en', { credential: JSON.stringify(tampered) })).text();
    assert.match(html, /data-check="proof" data-state="failed"/);
    has(html, 'en', 'ui.credentialPages.verdict.invalid');
    // What failed is listed in words, with the content the issuer signed not relied upon.
    assert.match(html, /<li data-failed="proof"><strong>Signature:<\/strong>/);
    assert.doesNotMatch(html, /invalid_signature/);
  });

  test('a revoked credential pasted on the page fails the status check with its reason', async () => {
    const vc = await (await t.app.request(`/api/credentials/${revokedId}/vc`)).text();
    const html = await (await post('ru', { credential: vc })).text();
    assert.match(html, /data-check="status" data-state="failed"/);
    assert.match(html, /Issued in error/);
  });

  test('empty input, text that is not JSON and a file over the limit come back to the form with a localized error, never a 500', async () => {
    for (const lang of LANGS) {
      const empty = await post(lang, { credential: '   ' });
      assert.equal(empty.status, 422);
      has(await empty.text(), lang, 'errors.credentialPages.empty');
      const garbage = await post(lang, { credential: 'not json at all <script>' });
      assert.equal(garbage.status, 422);
      const html = await garbage.text();
      has(html, lang, 'errors.credentialPages.notJson');
      assert.ok(html.includes('not json at all &lt;script&gt;'), 'the text is kept, escaped');
      assert.match(html, /aria-invalid="true"/);
    }
    const huge = await post('en', { credential: '', file: new File([new Uint8Array(10 * 1024 * 1024).fill(32)], 'big.json') });
    assert.equal(huge.status, 413);
    assert.ok((await huge.text()).includes(escaped(text('en', 'errors.credentialPages.tooLarge').replace('{{size}}', String(MAX_VERIFY_BYTES / 1024 / 1024)))));
    const array = await post('en', { credential: '[1, 2]' });
    assert.equal(array.status, 200, 'JSON that is not a credential gets a report, not an error');
    assert.match(await array.text(), /data-check="shape" data-state="failed"/);
  });
});
