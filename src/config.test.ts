import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoModeWarning, loadConfig } from './config.ts';

test('PUBLIC_URL is read once without its trailing slashes, so every link joins it with one slash', () => {
  assert.equal(loadConfig({ PUBLIC_URL: 'https://sapa.edu.kz/' }).PUBLIC_URL, 'https://sapa.edu.kz');
  assert.equal(loadConfig({ PUBLIC_URL: 'https://sapa.edu.kz/registry//' }).PUBLIC_URL, 'https://sapa.edu.kz/registry');
  assert.equal(loadConfig({ PUBLIC_URL: 'https://sapa.edu.kz' }).PUBLIC_URL, 'https://sapa.edu.kz');
  assert.equal(loadConfig({}).PUBLIC_URL, 'http://localhost:3000');
  assert.throws(() => loadConfig({ PUBLIC_URL: 'not a url' }), /PUBLIC_URL/);
});

test('demo mode is on by default only for the embedded database; on a server database only when asked, with a warning', () => {
  const server = 'postgres://sapa@db.example/sapa';
  assert.equal(loadConfig({}).SAPA_DEMO, true);
  assert.equal(loadConfig({ DATABASE_URL: server }).SAPA_DEMO, false);
  assert.equal(loadConfig({ DATABASE_URL: server, SAPA_DEMO: 'true' }).SAPA_DEMO, true);
  assert.equal(loadConfig({ SAPA_DEMO: 'false' }).SAPA_DEMO, false);
  assert.equal(demoModeWarning(loadConfig({})), null);
  assert.equal(demoModeWarning(loadConfig({ DATABASE_URL: server })), null);
  assert.match(demoModeWarning(loadConfig({ DATABASE_URL: server, SAPA_DEMO: '1' })) ?? '', /demo mode is on with a server database.*sapa-demo-issuer/);
});
