/** Art. 44 "the same information": bigram Jaccard over normalised request texts, table-driven. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  normaliseRequest,
  requestSimilarity,
  SAME_INFORMATION_THRESHOLD,
  similarGroups,
} from '../../src/cases/similarRequests.ts';

const STATS = '2025年湘潭县信访事项办理情况统计';
const PLAN = '某小区拆迁补偿安置方案';

// a, b, same information?, the similarity when it matters
const pairs: [string, string, boolean, number | null][] = [
  [STATS, STATS, true, 1],
  [STATS, '申请公开：2025年湘潭县信访事项办理情况的统计', true, 1],
  [STATS, '湘潭县2025年信访事项办理情况统计数据', true, null],
  [STATS, '2024年湘潭县信访事项办理情况统计', false, 0],
  [STATS, PLAN, false, 0],
  [PLAN, '请公开某小区的拆迁补偿安置方案。', true, 1],
  [PLAN, '某小区拆迁补偿标准', false, 0.5],
  ['湘政发〔2025〕3号文件', '湘政发〔2025〕3号', true, null],
  ['湘政发〔2025〕3号文件', '湘政发〔2025〕4号文件', false, 0],
  ['Ｈｅｌｌｏ World', 'hello world', true, 1],
  ['', '的', false, 0],
];

describe('request similarity (Art. 44)', () => {
  for (const [a, b, same, value] of pairs) {
    test(`“${a}” ~ “${b}”: ${same ? 'same' : 'different'}`, () => {
      const s = requestSimilarity(a, b);
      assert.equal(s, requestSimilarity(b, a), 'symmetric');
      if (value !== null) assert.equal(s, value);
      assert.equal(s >= SAME_INFORMATION_THRESHOLD, same, `similarity ${s}`);
    });
  }

  test('normalising drops width, case, spaces, punctuation and stock words', () => {
    assert.equal(normaliseRequest('申请公开：关于 ２０２５年的统计！'), '2025年统计');
  });
});

describe('groups asked by several applicants', () => {
  const req = (id: number, applicantKey: string, text: string) => ({ id, applicantKey, text });
  const requests = [
    req(4, '李四', '请公开2025年湘潭县信访事项办理情况的统计'),
    req(1, '张三', STATS),
    req(2, '张三', STATS),
    req(7, '王五', '湘潭县2025年信访事项办理情况统计数据'),
    req(3, '赵六', PLAN),
    req(5, '钱七', '请公开某小区的拆迁补偿安置方案'),
  ];

  const table: [number, number[][]][] = [
    [3, [[1, 2, 4, 7]]],
    [
      2,
      [
        [1, 2, 4, 7],
        [3, 5],
      ],
    ],
    [4, []],
  ];
  for (const [min, expected] of table) {
    test(`at least ${min} applicants`, () => {
      assert.deepEqual(
        similarGroups(requests, min).map((g) => g.ids),
        expected,
      );
    });
  }

  test('one applicant asking three times is not several applicants', () => {
    const same = [req(1, '张三', STATS), req(2, '张三', STATS), req(3, '张三', STATS)];
    assert.deepEqual(similarGroups(same, 3), []);
    assert.deepEqual(similarGroups(same, 1), [{ ids: [1, 2, 3], applicants: 1 }]);
  });
});
