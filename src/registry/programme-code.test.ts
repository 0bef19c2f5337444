import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROGRAMME_CODE_GRAMMAR, programmeCodeProblem } from './programme-code.ts';

test('codes of the register pass: bachelor 6B, master 7M, doctoral 8D', () => {
  for (const code of ['6B06101', '7M01902', '8D05301', '7M12301', '6B10111']) {
    assert.equal(programmeCodeProblem(code), null, code);
    assert.match(code, PROGRAMME_CODE_GRAMMAR);
  }
});

test('a wrong code names the part that is wrong', () => {
  const part = (code: string) => programmeCodeProblem(code)?.part;
  assert.equal(part('6X01901'), 'letter');
  assert.deepEqual(programmeCodeProblem('6M06101')?.params, { code: '6M06101', letter: 'M', digit: '6', expected: 'B' });
  assert.equal(part('7B06101'), 'letter');
  assert.equal(part('8M06101'), 'letter');
  assert.equal(part('5B06101'), 'level');
  assert.equal(part('6B13101'), 'field');
  assert.equal(part('6B00101'), 'field');
  assert.equal(part('6B061A1'), 'sequence');
  assert.equal(part('6B0610X'), 'sequence');
  assert.equal(part('6B061X1'), 'sequence');
  assert.equal(part('6B06X01'), 'direction');
  assert.equal(part('6B06100'), 'sequence');
  assert.equal(part('6B0610'), 'length');
  for (const code of ['6X01901', '7B06101', '6M06101', '6B13101']) assert.doesNotMatch(code, PROGRAMME_CODE_GRAMMAR);
});
