/** Labels typed by users reach ECharts' text caches: none may pollute Object.prototype. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChart, inertLabel, outcomeChart } from '../../src/web/admin/reports/charts.ts';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

test('category and series names like __proto__ neither pollute objects nor change the drawing', () => {
  const chart = {
    title: '分类',
    description: '各分类条数',
    categoryLabel: '分类',
    categories: NAMES,
    series: [{ name: '__proto__', data: [1, 2, 3, 4, 5] }],
  };
  // The cache is hit on the second drawing of the same texts.
  for (let i = 0; i < 2; i++) {
    const svg = barChart('chart', chart);
    assert.match(svg, /__proto__/);
    outcomeChart('chart', chart);
  }
  assert.deepEqual(Object.keys(Object.prototype), []);
  assert.equal(({} as Record<string, unknown>).next, undefined);
  assert.equal(inertLabel('信访局'), '信访局');
  assert.notEqual(inertLabel('__proto__'), '__proto__');
});
