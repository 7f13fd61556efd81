import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedCells } from '../../src/annual/amendments.ts';
import {
  deadlineWarning,
  dueSeasonYear,
  effectiveDeadline,
  isMonthDay,
  reportStanding,
  statutoryDeadline,
} from '../../src/annual/deadline.ts';
import {
  applicationSentence,
  feeSentence,
  fillTemplate,
  publicationSentence,
  type ReportFacts,
  selfReference,
} from '../../src/annual/facts.ts';
import { placeholderFindings } from '../../src/annual/templates.ts';
import { cspSafeSvg } from '../../src/web/admin/reports/charts.ts';

const facts: ReportFacts = {
  year: 2025,
  self: '我局',
  publications: [
    { name: '工作动态', count: 3 },
    { name: '政府信息公开指南', count: 1 },
  ],
  fees: { notices: 0, paid: 0, collectedYuan: 0 },
};

test('deadlines: statutory 1-31 / 3-31, earlier local dates only', () => {
  assert.equal(statutoryDeadline('department', 2025), '2026-01-31');
  assert.equal(statutoryDeadline('government', 2025), '2026-03-31');
  assert.deepEqual(effectiveDeadline('department', 2025, '01-25'), {
    due: '2026-01-25',
    local: true,
  });
  assert.deepEqual(effectiveDeadline('department', 2025, '02-15'), {
    due: '2026-01-31',
    local: false,
  });
  assert.deepEqual(effectiveDeadline('government', 2025, '02-20'), {
    due: '2026-02-20',
    local: true,
  });
  assert.equal(isMonthDay('02-30'), false);
  assert.equal(isMonthDay('1-5'), false);
  assert.equal(dueSeasonYear('2026-01-01'), 2025);
});

test('standing: draft before the deadline, late after it, published late flagged', () => {
  assert.equal(reportStanding(null, null, '2026-01-31', '2026-01-10').state, 'not-started');
  assert.equal(reportStanding('draft', null, '2026-01-31', '2026-01-31').state, 'draft');
  const late = reportStanding('approved', null, '2026-01-31', '2026-02-01');
  assert.equal(late.state, 'late');
  assert.equal(late.daysLeft, -1);
  const published = reportStanding('published', '2026-02-03', '2026-01-31', '2026-03-01');
  assert.deepEqual([published.state, published.publishedLate], ['published', true]);
  assert.match(
    deadlineWarning(reportStanding('draft', null, '2026-01-31', '2026-01-01'), 2025, '2026-01-31')!,
    /2026年1月31日前发布，还有30天/,
  );
  assert.match(deadlineWarning(late, 2025, '2026-01-31')!, /超过发布期限（1月31日）1天/);
  assert.equal(deadlineWarning(published, 2025, '2026-01-31'), null);
});

test('facts: sentences follow the cells and the records', () => {
  assert.equal(
    publicationSentence(facts),
    '2025年通过政务网站主动公开政府信息4条，其中：工作动态3条，信息公开指南1条。',
  );
  assert.equal(
    applicationSentence(facts, {}),
    '2025年，我局没有收到政府信息公开申请，全年没有一件因政府信息公开工作被申请行政复议、提起行政诉讼。',
  );
  const cells = {
    't3.new.tot': 3,
    't3.carryIn.tot': 1,
    't3.total.tot': 3,
    't3.open.tot': 2,
    't3.u1.tot': 1,
    't3.carryOut.tot': 1,
    't4.rv.total': 1,
  };
  assert.equal(
    applicationSentence(facts, cells),
    '2025年，我局收到政府信息公开申请3件，上年结转1件；办结3件，其中予以公开2件、无法提供1件；结转下年度继续办理1件。因政府信息公开工作被申请行政复议1件、提起行政诉讼0件。',
  );
  assert.equal(feeSentence(facts), '2025年度我局没有收取信息处理费。');
  assert.match(
    feeSentence({ ...facts, fees: { notices: 2, paid: 1, collectedYuan: 120 } }),
    /收取信息处理费1件，共计120元/,
  );
  assert.equal(selfReference('湘潭县人民政府'), '我县');
  assert.equal(selfReference('示例县发展和改革局'), '我局');
  assert.equal(selfReference('示例县政务服务中心'), '本单位');
  assert.equal(fillTemplate('{{年度}}年{{未知}}', { 年度: '2025' }), '2025年{{未知}}');
});

test('placeholders and unknown fields block approval', () => {
  const findings = placeholderFindings({ S1: '（请填写：x）\n{{未知}}', S5: '完成。' });
  assert.deepEqual(
    findings.map((f) => [f.rule, f.severity]),
    [
      ['text', 'error'],
      ['text', 'error'],
    ],
  );
  assert.deepEqual(placeholderFindings({ S1: '完成。' }), []);
});

test('amendments: only the cells that differ', () => {
  const base = { agency: 'a', year: 2025, formatVersion: '2021' as const, sections: {} };
  assert.deepEqual(
    changedCells(
      { ...base, cells: { 't3.new.np': 1, 't3.new.tot': 1 } },
      { ...base, cells: { 't3.new.np': 2, 't3.new.tot': 1 } },
    ),
    [{ key: 't3.new.np', before: 1, after: 2 }],
  );
});

test('chart SVG: no style element, style attributes become presentation attributes', () => {
  const svg = cspSafeSvg(
    '<svg><style>.a:hover{fill:red}</style><text style="font-size:12px;font-family:sans-serif;">x</text></svg>',
  );
  assert.equal(svg, '<svg><text font-size="12px" font-family="sans-serif">x</text></svg>');
});
