import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DECISIONS, decisionKind, decisionsForRow, REMEDY_TEXT } from '../../src/law/decisions.ts';
import {
  APPLICANT_TYPES,
  isOutcomeRow,
  OUTCOME_ROW_LABELS,
  OUTCOME_ROWS,
  outcomeGroupOf,
} from '../../src/law/keys.ts';

describe('keys', () => {
  test('21 T3 outcome rows in table order', () => {
    assert.equal(OUTCOME_ROWS.length, 21);
    assert.deepEqual(OUTCOME_ROWS.slice(0, 3), ['open', 'partial', 'w1']);
    assert.equal(OUTCOME_ROWS.at(-1), 'o3');
    assert.equal(OUTCOME_ROW_LABELS.w3, '3.危及“三安全一稳定”');
    assert.equal(outcomeGroupOf('n4'), 'notProcessed');
    assert.equal(isOutcomeRow('total'), false);
  });
  test('applicant types are the six T3 columns without 总计', () => {
    assert.deepEqual([...APPLICANT_TYPES], ['np', 'biz', 'res', 'ngo', 'law', 'oth']);
  });
});

describe('decision catalogue', () => {
  test('every T3 outcome row has at least one decision', () => {
    for (const row of OUTCOME_ROWS) assert.ok(decisionsForRow(row).length > 0, row);
  });
  test('ids and letter templates are unique', () => {
    assert.equal(new Set(DECISIONS.map((d) => d.id)).size, DECISIONS.length);
    assert.equal(new Set(DECISIONS.map((d) => d.letterTemplate)).size, DECISIONS.length);
  });
  test('the mapping follows law-and-format.md §3.4', () => {
    assert.equal(decisionKind('partial').basis, '《政府信息公开条例》第三十七条');
    assert.equal(decisionKind('not-responsible').outcome, 'u1');
    assert.equal(decisionKind('repeated').outcome, 'n2');
    assert.equal(decisionKind('excessive').outcome, 'n4');
    assert.equal(decisionKind('supplement-lapsed').outcome, 'o1');
    assert.match(decisionKind('fee-unpaid').basis, /国办函〔2020〕109号/);
  });
  test('replies carry the remedy: 行政复议 within 60 days, 行政诉讼 within 6 months', () => {
    assert.match(REMEDY_TEXT, /60日内.*行政复议.*6个月内.*行政诉讼/);
    assert.equal(decisionKind('disclose').remedy, REMEDY_TEXT);
    assert.equal(decisionKind('withdrawn').remedy, null);
  });
});
