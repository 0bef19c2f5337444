import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PASSWORD_COST, TEST_PASSWORD_COST, hashPassword, usePasswordCost, verifyPassword } from './password.ts';

// This file imports no test helper, so it sees the cost a production process gets.
test('new hashes use the production cost by default and record it', async () => {
  assert.deepEqual(PASSWORD_COST, { N: 32768, r: 8, p: 1 });
  const hash = await hashPassword('correct horse battery');
  assert.match(hash, /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  assert.equal(await verifyPassword('correct horse battery', hash), true);
  assert.equal(await verifyPassword('wrong horse battery', hash), false);
});

test('a hash made at the test cost verifies after the cost is back at production, and the other way round', async () => {
  const production = await hashPassword('s3cret enough');
  usePasswordCost(TEST_PASSWORD_COST);
  try {
    const cheap = await hashPassword('s3cret enough');
    assert.match(cheap, /^scrypt\$1024\$8\$1\$/);
    assert.equal(await verifyPassword('s3cret enough', production), true);
    usePasswordCost(PASSWORD_COST);
    assert.equal(await verifyPassword('s3cret enough', cheap), true);
    assert.equal(await verifyPassword('not it', cheap), false);
  } finally {
    usePasswordCost(PASSWORD_COST);
  }
});

test('a lower cost is refused in production', () => {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    assert.throws(() => usePasswordCost(TEST_PASSWORD_COST), /tests only/);
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
});
