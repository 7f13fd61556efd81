import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageFee, pieceFee, piecePrice, processingFee } from '../../src/law/fees.ts';

describe('按件计收 (109号 Art. 4)', () => {
  test('45 pieces in a month → 5,500元 (20×100 + 10×200 + 5×300)', () => {
    const fee = processingFee({ method: 'piece', pieces: 45 });
    assert.equal(fee.total, 5500);
    assert.deepEqual(fee.trace, [
      '按件计收（国办函〔2020〕109号第四条）：同一申请人一个自然月内累计申请45件',
      '第1—10件：10件，不收费',
      '第11—30件：20件 × 100元 = 2000元',
      '第31—40件：10件 × 200元 = 2000元',
      '第41—45件：5件 × 300元 = 1500元',
      '合计：5500元',
    ]);
  });
  const totals: [number, number][] = [
    [0, 0],
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [40, 4000],
    [41, 4300],
    [50, 7000],
    [51, 7400],
    [60, 11000],
  ];
  for (const [pieces, total] of totals) {
    test(`${pieces} pieces → ${total}元`, () => assert.equal(pieceFee(pieces).total, total));
  }
  const prices: [number, number][] = [
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
  ];
  for (const [k, price] of prices) {
    test(`the ${k}th piece costs ${price}元`, () => assert.equal(piecePrice(k), price));
  }
  test('pieces already filed this month move the count: 10 before + 5 now → 500元', () => {
    assert.equal(pieceFee(5, 10).total, 500);
  });
  test('28 before + 5 now (29–33) → 2×100 + 3×200 = 800元', () => {
    const fee = pieceFee(5, 28);
    assert.equal(fee.total, 800);
    assert.equal(fee.trace[1], '第29—30件：2件 × 100元 = 200元');
  });
});

describe('按量计收 (109号 Art. 5)', () => {
  test('250 pages → 4,700元 (70×10 + 100×20 + 50×40)', () => {
    const fee = processingFee({ method: 'page', pages: 250 });
    assert.equal(fee.total, 4700);
    assert.deepEqual(fee.trace, [
      '按量计收（国办函〔2020〕109号第五条）：本件申请共250页',
      '第1—30页：30页，不收费',
      '第31—100页：70页 × 10元 = 700元',
      '第101—200页：100页 × 20元 = 2000元',
      '第201—250页：50页 × 40元 = 2000元',
      '合计：4700元',
    ]);
  });
  const totals: [number, number][] = [
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
  ];
  for (const [pages, total] of totals) {
    test(`${pages} pages → ${total}元`, () => assert.equal(pageFee(pages).total, total));
  }
});

describe('validation', () => {
  test('never both for one application', () => {
    assert.throws(() => processingFee({ method: 'page', pages: 40, pieces: 12 } as never), {
      code: 'law.fee.both',
    });
  });
  test('negative or fractional quantities are refused', () => {
    assert.throws(() => pageFee(-1), { code: 'law.fee.invalid' });
    assert.throws(() => pieceFee(2.5), { code: 'law.fee.invalid' });
    assert.throws(() => pieceFee(3, -1), { code: 'law.fee.invalid' });
  });
});
