import assert from 'node:assert/strict';
import { test } from 'node:test';
import { returnPath, signInHref } from './return-path.ts';

test('only a path on this site is followed after signing in', () => {
  assert.equal(returnPath('/workspace/review?page=2'), '/workspace/review?page=2');
  for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'workspace', '', '/sign-in', '/sign-out', '/en/workspace', '/a\u0000b', `/${'x'.repeat(1001)}`, 42, undefined]) {
    assert.equal(returnPath(bad), null, String(bad));
  }
});

test('the sign-in link carries the page, except for the home pages it would return to anyway', () => {
  assert.equal(signInHref('kk', '/workspace/tokens', '?a=1'), '/kk/sign-in?next=%2Fworkspace%2Ftokens%3Fa%3D1');
  assert.equal(signInHref('en', '/workspace'), '/en/sign-in');
  assert.equal(signInHref('en', '/'), '/en/sign-in');
});
