import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  REMEDY_LAWS,
  REMEDY_OUTCOMES,
  type RemedyLaw,
  type RemedyOutcome,
  remedyFor,
  remedyLawOn,
} from '../../src/law/remedies.ts';

const bodies = { reconsiderationBody: '湘潭县人民政府', court: '湘潭县人民法院' };

/** 复议前置 from 2024-01-01 (行政复议法 2023 第二十三条第一款第（四）项), w8 included (§3.4a). */
const WITHHELD = new Set<RemedyOutcome>([
  'partial',
  'w1',
  'w2',
  'w3',
  'w4',
  'w5',
  'w6',
  'w7',
  'w8',
]);

// Dates either side of the change, and well inside each period.
const BEFORE = ['2019-05-15', '2023-12-31'];
const AFTER = ['2024-01-01', '2026-03-05'];

const cases = REMEDY_OUTCOMES.flatMap((outcome) => [
  ...BEFORE.map((day) => ({ outcome, day, first: false })),
  ...AFTER.map((day) => ({ outcome, day, first: WITHHELD.has(outcome) })),
]);

describe('remedies by outcome and decision date (law-and-format.md §3.4a)', () => {
  test('the table covers every outcome on both sides of 2024-01-01 (≥ 40 cases)', () => {
    assert.equal(REMEDY_OUTCOMES.length, 23); // 21 T3 rows, no-reply, correction (Art. 41)
    assert.ok(cases.length >= 40);
  });

  for (const { outcome, day, first } of cases) {
    test(`${outcome} decided ${day}: ${first ? '复议前置' : '复议或诉讼'}`, () => {
      const r = remedyFor(outcome, day, bodies);
      assert.equal(r.reconsiderationFirst, first);
      assert.equal(r.reconsiderationBody, '湘潭县人民政府');
      assert.equal(r.court, '湘潭县人民法院');
      assert.match(r.text, /60日内向湘潭县人民政府申请行政复议/);
      assert.match(r.text, /向湘潭县人民法院提起行政诉讼/);
      if (first) {
        assert.match(r.text, /应当先自收到本答复之日起60日内向湘潭县人民政府申请行政复议/);
        assert.match(r.text, /自收到行政复议决定书之日起15日内向湘潭县人民法院提起行政诉讼/);
        assert.ok(r.basis.some((b) => /行政复议法》（2023年修订）第二十条、第二十三条/.test(b)));
        assert.ok(r.basis.some((b) => /行政诉讼法》第四十五条/.test(b)));
      } else {
        assert.doesNotMatch(r.text, /应当先/);
        assert.match(r.text, /或者自(收到本答复|知道该行政行为)之日起6个月内/);
        assert.ok(r.basis.some((b) => /行政诉讼法》第四十六条/.test(b)));
      }
      const act = day < '2024-01-01' ? '（2017年修正）第九条' : '（2023年修订）第二十条';
      assert.ok(
        r.basis.some((b) => b.includes(act)),
        `${r.basis.join('；')}`,
      );
    });
  }

  test('partial: 复议 first for the withheld part only, a free choice for the rest', () => {
    const r = remedyFor('partial', '2024-06-03', bodies);
    assert.match(r.text, /^对本答复中不予公开的部分不服的，应当先/);
    assert.match(r.text, /对其余部分不服的，可以.*或者.*6个月内/);
  });

  test('no reply (不答复): the period runs from when the applicant knows of it', () => {
    const r = remedyFor('no-reply', '2024-06-03', bodies);
    assert.match(r.text, /^如对本机关未予答复不服，可以自知道该行政行为之日起60日内/);
  });

  test('unset bodies: the letter says 有权的复议机关 / 有管辖权的人民法院 and the JSON has null', () => {
    const r = remedyFor('w4', '2024-06-03', { reconsiderationBody: ' ', court: null });
    assert.equal(r.reconsiderationBody, null);
    assert.equal(r.court, null);
    assert.match(r.text, /依法向有权的行政复议机关申请行政复议/);
    assert.match(r.text, /依法向有管辖权的人民法院提起行政诉讼/);
  });

  test('the law versions tile time without gaps or overlaps', () => {
    for (let i = 1; i < REMEDY_LAWS.length; i++) {
      assert.equal(REMEDY_LAWS[i - 1].until, REMEDY_LAWS[i].from);
    }
    assert.equal(REMEDY_LAWS.at(-1)?.until, null);
    assert.equal(remedyLawOn('2023-12-31').id, 'xzfyf-2017');
    assert.equal(remedyLawOn('2024-01-01').id, 'xzfyf-2023');
  });

  test('a future revision is data: a new row changes the text from its date on', () => {
    const revised: RemedyLaw = {
      ...REMEDY_LAWS[1],
      id: 'future',
      from: '2030-01-01',
      reconsiderationFirst: [...REMEDY_LAWS[1].reconsiderationFirst, 'u1'],
      reconsiderationDays: 90,
    };
    const laws = [REMEDY_LAWS[0], { ...REMEDY_LAWS[1], until: '2030-01-01' }, revised];
    assert.equal(remedyFor('u1', '2029-12-31', bodies, laws).reconsiderationFirst, false);
    const later = remedyFor('u1', '2030-01-01', bodies, laws);
    assert.equal(later.reconsiderationFirst, true);
    assert.match(later.text, /90日内/);
  });

  test('bad input: a clear Chinese error, no guess', () => {
    assert.throws(() => remedyFor('x9' as RemedyOutcome, '2024-01-01', bodies), /未知的办理结果/);
    assert.throws(() => remedyFor('w1', '2024-13-01', bodies), /日期格式不正确/);
    assert.throws(() => remedyFor('w1', '2010-01-01', bodies), /没有可适用的救济途径规定/);
  });
});
