import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DECISIONS, decisionKind, decisionsForRow } from '../../src/law/decisions.ts';
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
    assert.match(decisionKind('fee-unpaid').basis ?? '', /国办函〔2020〕109号/);
  });
  test('no basis is a placeholder: a provision of a law or regulation, or none at all', () => {
    for (const d of DECISIONS) {
      assert.doesNotMatch(`${d.basis ?? ''}${d.basisText}`, /待核实|视具体情形|未明文规定/, d.id);
      if (d.basis) assert.match(d.basis, /^《[^》]+》.*(条|款|项|〔2020〕109号）)$/, d.id);
    }
    assert.equal(decisionKind('confirm-or-reissue').basis, null);
    assert.equal(decisionKind('other').basis, null);
  });
  test('refusals, 已主动公开, 不属于本机关 and 其他 say what they must state (Art. 36)', () => {
    const needs = DECISIONS.filter((d) => d.statement).map((d) => d.id);
    assert.deepEqual(needs, [
      'already-public',
      'state-secret',
      'prohibited-by-law',
      'security-stability',
      'third-party-rights',
      'internal-affairs',
      'process-information',
      'enforcement-file',
      'special-query',
      'not-responsible',
      'other',
    ]);
  });
  test('w8 is a referral, titled as one; w1–w7 are 不予公开', () => {
    assert.equal(
      decisionKind('special-query').letterTitle,
      '政府信息公开申请告知书（依照有关法律、行政法规办理）',
    );
    assert.doesNotMatch(decisionKind('special-query').label, /不予公开/);
    assert.equal(decisionKind('state-secret').letterTitle, '政府信息不予公开告知书');
    assert.equal(decisionKind('withdrawn').letter, false);
  });
});
