/** Art. 35: which of n4 (不予处理) and 延迟答复 the request for reasons and its finding allow. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type ExcessiveAction,
  excessiveActionProblem,
  type ReasonsFinding,
  type ReasonsRecord,
} from '../../src/law/excessive.ts';

const asked = (finding: ReasonsFinding | null): ReasonsRecord => ({
  requestedOn: '2026-03-02',
  deadline: '2026-03-09',
  finding,
});

// record, action, allowed, the words the refusal must contain
const table: [ReasonsRecord | null, ExcessiveAction, boolean, RegExp | null][] = [
  [null, 'refuse', false, /须先要求申请人说明理由/],
  [null, 'defer', false, /须先要求申请人说明理由/],
  [asked(null), 'refuse', false, /须先登记申请人说明理由的情况/],
  [asked(null), 'defer', false, /须先登记申请人说明理由的情况/],
  [asked('not-given'), 'refuse', true, null],
  [asked('not-given'), 'defer', false, /理由经审查合理/],
  [asked('unreasonable'), 'refuse', true, null],
  [asked('unreasonable'), 'defer', false, /理由经审查合理/],
  [asked('reasonable'), 'refuse', false, /不能按第三十五条不予处理/],
  [asked('reasonable'), 'defer', true, null],
];

for (const [record, action, allowed, words] of table) {
  test(`${action} after ${record ? (record.finding ?? 'asked, no finding') : 'no request'}: ${allowed ? 'allowed' : 'refused'}`, () => {
    const problem = excessiveActionProblem(action, record);
    if (allowed) assert.equal(problem, null);
    else assert.match(problem ?? '', words!);
  });
}
