import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { type ErrorCode, errorMessages } from '../../src/errors/catalogue.ts';
import { GongkaiError } from '../../src/errors.ts';

const codes = Object.keys(errorMessages) as ErrorCode[];

test('every code is `area.kind` in one style, with a Chinese message', () => {
  for (const code of codes) {
    assert.match(code, /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/, code);
    assert.match(errorMessages[code], /\p{Script=Han}/u, code);
  }
  assert.deepEqual(codes, [...codes].sort(), 'the catalogue is sorted');
});

test('docs/errors.md lists exactly the catalogue, each code with its message', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| `([^`]+)` \| (.*) \|$/gm)].map((m) => [
    m[1],
    m[2].replace(/\\\|/g, '|'),
  ]);
  assert.deepEqual(rows, Object.entries(errorMessages));
});

test('a GongkaiError without a message carries the catalogue’s', () => {
  const error = new GongkaiError('case.not-found');
  assert.equal(error.code, 'case.not-found');
  assert.equal(error.message, errorMessages['case.not-found']);
  assert.equal(new GongkaiError('case.not-found', '记录不存在：7').message, '记录不存在：7');
});
