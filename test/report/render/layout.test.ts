import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { formatOf } from '../../../src/report/formats/index.ts';
import { uncertain } from '../../../src/report/model.ts';
import { parseText } from '../../../src/report/parse/text.ts';
import { renderDocx } from '../../../src/report/render/docx.ts';
import { renderHtml, renderHtmlFragment } from '../../../src/report/render/html.ts';
import { tableLayouts } from '../../../src/report/render/layout.ts';
import { renderMarkdown } from '../../../src/report/render/markdown.ts';
import { cellText } from '../../../src/report/render/value.ts';
import { seedPath } from '../../support/shared.ts';

const seed = parseText(readFileSync(seedPath, 'utf8')).report;

test('cell values print as digits, empty, / and ?', () => {
  assert.equal(cellText(0), '0');
  assert.equal(cellText(12.5), '12.5');
  assert.equal(cellText('blank'), '');
  assert.equal(cellText('slash'), '/');
  assert.equal(cellText(uncertain([1, 10])), '?');
});

for (const version of ['2021', '2019'] as const)
  test(`${version} layouts: every row fills the grid width, every cell key appears once`, () => {
    const format = formatOf(version);
    const layouts = tableLayouts(format);
    const keys: string[] = [];
    for (const layout of Object.values(layouts)) {
      const filled = layout.rows.map(() => 0);
      layout.rows.forEach((row, r) => {
        for (const slot of row) {
          for (let dr = 0; dr < (slot.rowspan ?? 1); dr++) filled[r + dr] += slot.colspan ?? 1;
          if (slot.key) keys.push(slot.key);
        }
      });
      assert.deepEqual(
        filled,
        layout.rows.map(() => layout.width),
        layout.id,
      );
    }
    assert.deepEqual([...keys].sort(), [...format.cellKeys].sort());
  });

test('html: the official merged header cells of T3 and T4', () => {
  const html = renderHtml(seed);
  assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
  assert.match(html, /<th rowspan="3" colspan="3">（本列数据的勾稽关系为/);
  assert.match(html, /<th colspan="7">申请人情况<\/th>/);
  assert.match(
    html,
    /<th rowspan="2">自然人<\/th><th colspan="5">法人或其他组织<\/th><th rowspan="2">总计<\/th>/,
  );
  assert.match(html, /<td rowspan="22" class="gk-stub">三、本年度办理结果<\/td>/);
  assert.match(html, /<th colspan="5">行政复议<\/th><th colspan="10">行政诉讼<\/th>/);
  assert.match(html, /<th colspan="5">未经复议直接起诉<\/th><th colspan="5">复议后起诉<\/th>/);
  assert.match(html, /@page \{ size: A4/);
  const old = renderHtmlFragment({ ...seed, formatVersion: '2019', cells: {} });
  assert.match(old, /rowspan="20"[^>]*>三、本年度办理结果/);
  assert.match(old, /^<article class="gk-report" lang="zh-CN">/);
});

test('html and markdown escape text and show uncertain cells visibly', () => {
  const report = {
    ...seed,
    sections: { S1: { heading: '一、总体情况', text: '<script>alert(1)</script> | a & b' } },
    cells: { ...seed.cells, 't3.new.np': uncertain([1, 10]) },
  };
  const html = renderHtml(report);
  assert.ok(!html.includes('<script>alert'));
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; \| a &amp; b/);
  assert.match(html, /<td data-key="t3.new.np" class="gk-uncertain">\?<\/td>/);
  const md = renderMarkdown(report);
  assert.match(md, /\| 一、本年新收政府信息公开申请数量 \| {2}\| {2}\| \? \| 0 \|/);
});

test('docx opens with mammoth and keeps the merged cells', async () => {
  const { value: html, messages } = await mammoth.convertToHtml({ buffer: await renderDocx(seed) });
  assert.deepEqual(messages, []);
  assert.match(html, /colspan="3" rowspan="3"><p>（本列数据的勾稽关系为/);
  assert.match(html, /rowspan="22"><p>三、本年度办理结果/);
  assert.match(html, /rowspan="8"><p>（三）不予公开/);
  assert.match(html, /colspan="10"><p>行政诉讼/);
  assert.equal((html.match(/<table>/g) ?? []).length, 3);
});

test('docx uses 方正小标宋简体 / 仿宋_GB2312 / 黑体, A4 and 公文 margins', async () => {
  const zip = await JSZip.loadAsync(await renderDocx(seed));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const fontOf = (text: string) => {
    const at = xml.indexOf(`>${text}</w:t>`);
    const run = xml.lastIndexOf('<w:r>', at);
    return /w:eastAsia="([^"]+)"/.exec(xml.slice(run, at))?.[1];
  };
  assert.equal(fontOf('湘潭县信访局2021年政府信息公开工作年度报告'), '方正小标宋简体');
  assert.equal(fontOf('一、总体情况'), '黑体');
  assert.equal(fontOf('规章'), '仿宋_GB2312');
  assert.match(xml, /w:sz w:val="44"/);
  assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.match(xml, /w:top="2098"/);
  assert.ok((xml.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length >= 10);
  assert.ok((xml.match(/<w:gridSpan w:val="7"\/>/g) ?? []).length >= 1);
});
