// The verification page over HTTP: the verdict in plain words with the credential's content, what was
// changed named, no error codes; verify by link, id or number; the header links to it from every page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { ACHIEVEMENT, HOLDER, issuedSample } from './verdict.fixtures.ts';

let t: TestApp;
let credentialId: string;
let credential: Record<string, unknown>;


const verify = async (lang: string, json: unknown) => {
  const res = await t.app.request(`/${lang}/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ credential: JSON.stringify(json) }).toString(),
  });
  return { status: res.status, body: await res.text() };
};
const textOf = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the verification page', () => {
  before(async () => {
    t = await createTestApp();
    ({ id: credentialId, credential } = await issuedSample(t));
  });
  after(() => t?.close());

  test('a tampered credential: a red verdict naming what was changed, the holder and achievement shown, no error code', async () => {
    const tampered = structuredClone(credential) as { credentialSubject: { name: string } };
    tampered.credentialSubject.name = 'Someone Else';
    for (const lang of LANGUAGES) {
      const { status, body } = await verify(lang, tampered);
      assert.equal(status, 200);
      assert.match(body, /class="verdict verdict-invalid"/);
      const changed = body.match(/<p class="changes">([\s\S]*?)<\/p>/)?.[1] ?? '';
      assert.match(textOf(changed), { kk: /Иесі|иесі/, ru: /владелец/i, en: /holder/i }[lang], `${lang}: the banner names the holder as changed`);
      assert.match(body, /<dd class="changed" data-field="holder">/);
      assert.match(textOf(body), /Someone Else/);
      assert.match(textOf(body), new RegExp(HOLDER), 'what was issued is shown beside the change');
      assert.match(textOf(body), new RegExp(ACHIEVEMENT));
      assert.doesNotMatch(body, /invalid_signature/);
      // The checks after a failed signature read unsigned content: none of them is shown as passed.
      assert.doesNotMatch(body, /data-check="(issuer|status|validity)" data-state="ok"/);
    }
  });

  test('a genuine credential: a green verdict and its content with dates in the page language', async () => {
    const { body } = await verify('ru', credential);
    assert.match(body, /class="verdict verdict-valid/);
    assert.match(textOf(body), new RegExp(HOLDER));
    assert.match(textOf(body), /1 сентября 2025/);
  });

  test('verify by link, by credential id, or by a certificate number', async () => {
    for (const value of [`http://localhost/en/credentials/${credentialId}`, `urn:uuid:${credentialId}`, credentialId]) {
      const res = await t.request('GET', `/en/verify?q=${encodeURIComponent(value)}`);
      assert.equal(res.status, 303, value);
      assert.equal(res.headers.get('location'), `/en/credentials/${credentialId}`);
    }
    const number = await t.request('GET', `/kk/verify?q=${encodeURIComponent('CC-2026-0001')}`);
    assert.equal(number.status, 303);
    assert.equal(number.headers.get('location'), '/kk/certificates?number=CC-2026-0001');
    const unknown = await t.request('GET', '/en/verify?q=urn%3Auuid%3A00000000-0000-4000-8000-000000000000');
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /id="f-lookup-error"/);
  });

  test('the credential page names the field of education instead of showing its bare code', async () => {
    const body = textOf(await (await t.request('GET', `/en/credentials/${credentialId}`)).text());
    assert.match(body, /Field of education \(ISCED-F\) [A-Z][^()]+ \(0613\)/);
  });

  test('verify and certificate lookup are linked from the header of every page', async () => {
    for (const path of ['/en/', '/ru/search?q=x', '/kk/nqf', `/en/credentials/${credentialId}`, '/en/accreditation']) {
      const body = await (await t.request('GET', path)).text();
      const header = body.match(/<header class="site">([\s\S]*?)<\/header>/)?.[1] ?? '';
      assert.match(header, new RegExp(`href="/${path.slice(1, 3)}/verify"`), path);
      assert.match(header, new RegExp(`href="/${path.slice(1, 3)}/certificates"`), path);
    }
  });
});
