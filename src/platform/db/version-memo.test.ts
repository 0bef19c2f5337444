import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Db } from './database.ts';
import { atDataVersion } from './version-memo.ts';

// Only the two properties the memo reads; a real database is not needed to show its rules.
const fakeDb = (isTransaction = false) => ({ isTransaction }) as unknown as Db;

describe('atDataVersion', () => {
  it('shares a read between requests at the same data version and reads again when it moves', async () => {
    const db = fakeDb();
    let loads = 0;
    const load = async () => ++loads;
    assert.equal(await atDataVersion({ db, dataVersion: '7' }, 'k', load), 1);
    assert.equal(await atDataVersion({ db, dataVersion: '7' }, 'k', load), 1);
    assert.equal(await atDataVersion({ db, dataVersion: '8' }, 'k', load), 2);
    assert.equal(await atDataVersion({ db, dataVersion: '8' }, 'other', load), 3);
  });

  it('never shares without a known version, inside a transaction, or across databases', async () => {
    let loads = 0;
    const load = async () => ++loads;
    const db = fakeDb();
    await atDataVersion({ db }, 'k', load);
    await atDataVersion({ db }, 'k', load);
    assert.equal(loads, 2, 'no version: every call reads');
    const trx = fakeDb(true);
    await atDataVersion({ db: trx, dataVersion: '1' }, 'k', load);
    await atDataVersion({ db: trx, dataVersion: '1' }, 'k', load);
    assert.equal(loads, 4, 'a transaction may see its own uncommitted writes: every call reads');
    await atDataVersion({ db: fakeDb(), dataVersion: '1' }, 'k', load);
    await atDataVersion({ db: fakeDb(), dataVersion: '1' }, 'k', load);
    assert.equal(loads, 6, 'the same version of another database is other data');
  });

  it('does not keep a failed read', async () => {
    const db = fakeDb();
    await assert.rejects(atDataVersion({ db, dataVersion: '1' }, 'k', async () => Promise.reject(new Error('connection lost'))));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await atDataVersion({ db, dataVersion: '1' }, 'k', async () => 'read again'), 'read again');
  });
});
