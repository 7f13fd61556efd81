import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGongkaiError } from '../../src/errors.ts';
import { isUncertain } from '../../src/report/model.ts';
import { decodeText, parseFile } from '../../src/report/parse/index.ts';
import { cellValues, readRow } from '../../src/report/parse/solve.ts';

const text = (s: string) => ({ kind: 'text' as const, text: s });
const row7 = Array(7).fill({});
const rowTotal = [{ target: 6, parts: [0, 1, 2, 3, 4, 5] }];

test('fused digits: one reading that fits the row total is certain', () => {
  const r = readRow([text('200'), text('000121')], row7, 'fused', rowTotal);
  assert.deepEqual(cellValues(r.solutions, 7), [20, 0, 0, 0, 0, 1, 21]);
});

test('fused T4 with more digits than cells is solved by the group totals', () => {
  const specs = Array(15).fill({});
  const cons = [0, 5, 10].map((b) => ({ target: b + 4, parts: [b, b + 1, b + 2, b + 3] }));
  const r = readRow([text('10203120001200000')], specs, 'fused', cons);
  assert.deepEqual(cellValues(r.solutions, 15), [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
});

test('collapsed lines: a position that is not determined stays uncertain', () => {
  const r = readRow(['4', '1', '0', '5'].map(text), row7, 'lines', rowTotal);
  const values = cellValues(r.solutions, 7);
  assert.equal(values[6], 5);
  assert.ok(isUncertain(values[0]));
  assert.ok(isUncertain(values[1]));
});

test('an inconsistent row is read structurally and flagged', () => {
  const r = readRow([text('6000018')], row7, 'fused', rowTotal);
  assert.equal(r.inconsistent, true);
  assert.deepEqual(cellValues(r.solutions, 7), [6, 0, 0, 0, 0, 1, 8]);
});

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    assert.ok(isGongkaiError(e), String(e));
    return e.code;
  }
}

test('bad input becomes a GongkaiError, never a crash', async () => {
  assert.equal(await code(parseFile(Buffer.from(''), 'a.txt')), 'report.empty');
  assert.equal(
    await code(parseFile(Buffer.from([0, 1, 2, 3, 0, 0, 5, 6, 7, 8, 0, 0, 1, 2]), 'a.txt')),
    'report.binary',
  );
  assert.equal(
    await code(parseFile(Buffer.alloc(21 * 1024 * 1024, 0x41), 'a.txt')),
    'report.too-large',
  );
  assert.equal(await code(parseFile(Buffer.from('你好，世界。'), 'a.txt')), 'report.unrecognized');
  assert.equal(await code(parseFile('/nonexistent/x.txt')), 'report.unreadable');
  assert.equal(await code(parseFile(Buffer.from('<p>x</p>'), 'a.pdfx')), 'report.unsupported');
});

test('GB18030 text is decoded', async () => {
  const { default: iconv } = await import('iconv-lite');
  assert.equal(decodeText(iconv.encode('一、总体情况', 'gb18030'), 'a.txt'), '一、总体情况');
});
