import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectIdentity } from '../../src/report/parse/identity.ts';

// The opening sentence of 莆田市城市管理局's 2025 report (test/report/real/putian-ptcg-html-2025.html).
const opening =
  '根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）、《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）及政府信息公开工作相关文件要求，发布《莆田市城市管理局2025年度政府信息公开工作年度报告》。本报告所列数据统计期限自2025年1月1日至2025年12月31日。';

test('a text without a title line takes the report title quoted in its opening sentence', () => {
  const text = `${opening}\n一、总体情况\n……`;
  const identity = detectIdentity(text, text.indexOf('一、总体情况'));
  assert.equal(identity.agency, '莆田市城市管理局');
  assert.equal(identity.year, 2025);
  assert.equal(identity.title, '莆田市城市管理局2025年度政府信息公开工作年度报告');
});

test('a title line is still the title when the opening sentence quotes another document', () => {
  const text = `莆田市水利局2025年度政府信息公开工作年度报告\n${opening}\n一、总体情况\n……`;
  const identity = detectIdentity(text, text.indexOf('一、总体情况'));
  assert.equal(identity.agency, '莆田市水利局');
  assert.equal(identity.title, '莆田市水利局2025年度政府信息公开工作年度报告');
});
