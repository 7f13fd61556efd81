import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Finding } from '../../src/report/finding.ts';
import type { AnnualReport } from '../../src/report/model.ts';
import { parseText } from '../../src/report/parse/text.ts';
import { r16, rules } from '../../src/report/rules/index.ts';
import { seedPath } from '../support/shared.ts';

const seedText = readFileSync(new URL(`file://${seedPath}`), 'utf8');
const base = (): AnnualReport => structuredClone(parseText(seedText).report);

type Case = {
  rule: string;
  bad: (r: AnnualReport) => void;
  good?: (r: AnnualReport) => void;
  previous?: (p: AnnualReport) => void;
};

const setCells = (r: AnnualReport, cells: Record<string, unknown>) => Object.assign(r.cells, cells);
const balanced = {
  't3.new.np': 2,
  't3.new.tot': 2,
  't3.open.np': 2,
  't3.open.tot': 2,
  't3.total.np': 2,
  't3.total.tot': 2,
};

const cases: Case[] = [
  { rule: 'R1', bad: (r) => setCells(r, { 't3.new.tot': 3 }), good: (r) => setCells(r, balanced) },
  {
    rule: 'R2',
    bad: (r) => setCells(r, { 't3.open.np': 1, 't3.open.tot': 1 }),
    good: (r) => setCells(r, balanced),
  },
  { rule: 'R3', bad: (r) => setCells(r, { 't3.open.biz': 1 }), good: (r) => setCells(r, balanced) },
  {
    rule: 'R4',
    bad: (r) => setCells(r, { 't4.rv.upheld': 1 }),
    good: (r) => setCells(r, { 't4.rv.upheld': 1, 't4.rv.total': 1 }),
  },
  {
    rule: 'R5',
    bad: (r) => setCells(r, { 't4.rv.upheld': -1, 't4.rv.total': -1 }),
    good: (r) => setCells(r, { 't2.fee.amountWan': 0.5 }),
  },
  { rule: 'R6', bad: (r) => setCells(r, { 't2.reg.made': 1 }) },
  { rule: 'R7', bad: (r) => setCells(r, { 't3.carryIn.tot': 'blank' }) },
  {
    rule: 'R8',
    bad: (r) => setCells(r, { 't3.carryIn.tot': 0 }),
    previous: (p) => setCells(p, { 't3.carryOut.tot': 2, 't3.carryOut.np': 2 }),
  },
  {
    rule: 'R9',
    bad: (r) => setCells(r, { 't2.norm.valid': 3 }),
    good: (r) => setCells(r, { 't2.norm.made': 2, 't2.norm.valid': 7 }),
    previous: (p) => setCells(p, { 't2.norm.valid': 5 }),
  },
  {
    rule: 'R11',
    bad: (r) => {
      r.sections.S1!.text += '全年共收到政府信息公开申请5件。';
    },
    good: (r) => {
      setCells(r, balanced);
      r.sections.S1!.text += '全年共收到政府信息公开申请2件。';
    },
  },
  {
    rule: 'R12',
    bad: (r) => {
      r.sections.S6!.text = '无。';
    },
  },
  {
    rule: 'R13',
    bad: (r) => setCells(r, { 't3.n4.np': 1, 't3.n4.tot': 1 }),
    good: (r) => {
      setCells(r, { 't3.n4.np': 1, 't3.n4.tot': 1 });
      r.sections.S1!.text += '1件属于无正当理由大量反复申请。';
    },
  },
  {
    rule: 'R14',
    bad: (r) => {
      delete r.sections.S6;
    },
  },
  {
    rule: 'R15',
    bad: (r) => {
      r.formatVersion = '2019';
    },
  },
  {
    rule: 'heading-number',
    bad: () => {},
    good: (r) => {
      r.sections.S5!.heading = '五、存在的主要问题及改进情况';
    },
  },
  {
    rule: 'artifact',
    bad: () => {},
    good: (r) => {
      r.sections.S1!.text = r.sections.S1!.text.replace('[bookmark: _GoBack]', '');
    },
  },
  {
    rule: 'year',
    bad: (r) => {
      r.preamble = '本报告所列数据统计期限自2020年1月1日起至2020年12月31日止。';
    },
    good: (r) => {
      r.preamble = '本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。';
    },
  },
  {
    rule: 'fee-unit',
    bad: (r) => setCells(r, { 't2.fee.amountWan': 250000 }),
    good: (r) => setCells(r, { 't2.fee.amountWan': 2.5 }),
  },
  {
    rule: 'narrative-sum',
    bad: (r) => {
      r.sections.S1!.text += '主动公开信息10条，其中：动态3条，公告3条。';
    },
  },
  {
    rule: 'enumeration',
    bad: (r) => {
      r.sections.S5!.text = '一是甲；二是乙；二是丙。';
    },
  },
  {
    rule: 'brackets',
    bad: (r) => {
      r.sections.S1!.text += '（未闭合';
    },
  },
];

function run(rule: string, report: AnnualReport, previous?: AnnualReport): Finding[] {
  return rules[rule](report, previous).filter(
    (f) => f.rule === rule || (rule === 'enumeration' && f.rule === 'repeat'),
  );
}

for (const c of cases) {
  test(`${c.rule}: fails on a bad report, passes on a good one`, () => {
    const previous = c.previous ? base() : undefined;
    if (previous && c.previous) c.previous(previous);
    const bad = base();
    c.bad(bad);
    assert.ok(run(c.rule, bad, previous).length > 0, `${c.rule} should fire`);
    const good = base();
    c.good?.(good);
    if (c.rule === 'R8' && previous) setCells(good, { 't3.carryIn.tot': 2, 't3.carryIn.np': 2 });
    assert.deepEqual(run(c.rule, good, previous), [], `${c.rule} should not fire`);
  });
}

test('rules do not treat an uncertain cell as a number', () => {
  const r = base();
  setCells(r, { 't3.new.tot': { uncertain: true, candidates: [0, 3] } });
  assert.deepEqual(rules.R1(r), []);
  setCells(r, { 't3.new.tot': { uncertain: true, candidates: [3, 4] } });
  assert.equal(rules.R1(r).length, 1, 'certainly unequal whatever the reading');
});

test('blank is not zero: a blank total is reported by R7, not by R3', () => {
  const r = base();
  setCells(r, { 't3.open.np': 1, 't3.open.tot': 'blank' });
  assert.deepEqual(rules.R3(r), []);
  assert.equal(rules.R7(r).length, 1);
});

test('R16: the aggregate equals the sum of its members', () => {
  const a = base();
  const b = base();
  const agg = base();
  setCells(a, balanced);
  setCells(b, balanced);
  setCells(agg, { 't3.new.tot': 4 });
  assert.deepEqual(
    r16(agg, [a, b])
      .map((f) => f.cells[0])
      .includes('t3.new.tot'),
    false,
  );
  setCells(agg, { 't3.new.tot': 5 });
  assert.ok(r16(agg, [a, b]).some((f) => f.cells[0] === 't3.new.tot'));
});
