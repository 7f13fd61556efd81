/** Real published reports (test/report/real/): no wrong cell and no false error on any of them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureNames, measure } from './real/measure.ts';

const names = fixtureNames();

test('the real-report fixtures are there', () => {
  assert.ok(names.length >= 4, `only ${names.length} fixtures`);
});

for (const name of names)
  test(`real report ${name}: identity, no wrong cell, no false error`, async () => {
    const m = await measure(name);
    assert.ok(m.identityOk, 'agency, year and format as published');
    assert.deepEqual(m.wrong, [], 'cells read certain but wrong');
    assert.deepEqual(m.falseErrors, [], 'error findings that are not real defects');
    assert.ok(m.read > 0, 'some cells read');
  });
