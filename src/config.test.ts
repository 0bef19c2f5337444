import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from './config.ts';

test('PUBLIC_URL is read once without its trailing slashes, so every link joins it with one slash', () => {
  assert.equal(loadConfig({ PUBLIC_URL: 'https://sapa.edu.kz/' }).PUBLIC_URL, 'https://sapa.edu.kz');
  assert.equal(loadConfig({ PUBLIC_URL: 'https://sapa.edu.kz/registry//' }).PUBLIC_URL, 'https://sapa.edu.kz/registry');
  assert.equal(loadConfig({ PUBLIC_URL: 'https://sapa.edu.kz' }).PUBLIC_URL, 'https://sapa.edu.kz');
  assert.equal(loadConfig({}).PUBLIC_URL, 'http://localhost:3000');
  assert.throws(() => loadConfig({ PUBLIC_URL: 'not a url' }), /PUBLIC_URL/);
});
