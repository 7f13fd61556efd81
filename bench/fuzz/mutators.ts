/**
 * Mutations of report files for fuzzing the parsers. Byte-level (flips, chunks, splices,
 * truncation, huge repetition, broken UTF-8/GBK), text-level with Chinese report tokens (digits,
 * labels, headings, table markup) and container-level for DOCX/XLSX (zip entries) and PDF
 * (objects, xref, content streams). Every mutator is driven by a `Prng`, so a seed replays a run.
 */
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import type { Prng } from './prng.ts';

/** Outputs are kept under this size, except the rare deliberate over-limit input. */
const softCap = 4 * 1024 * 1024;

export type Mutator = (data: Buffer, rng: Prng, others: readonly Buffer[]) => Buffer;

const interestingBytes = [0, 0xff, 0x7f, 0x80, 0x0a, 0x0d, 0x09, 0x7c, 0x3c, 0x3e, 0x2f, 0x26];

const pos = (data: Buffer, rng: Prng) => rng.int(data.length + 1);

function chunkOf(data: Buffer, rng: Prng, max = 256): Buffer {
  if (data.length === 0) return Buffer.alloc(0);
  const start = rng.int(data.length);
  return data.subarray(start, Math.min(data.length, start + 1 + rng.int(max)));
}

const insertAt = (data: Buffer, at: number, chunk: Buffer) =>
  Buffer.concat([data.subarray(0, at), chunk, data.subarray(at)]);

export const byteMutators: Record<string, Mutator> = {
  flipBits(data, rng) {
    const out = Buffer.from(data);
    for (let i = rng.range(1, 8); i > 0 && out.length > 0; i--)
      out[rng.int(out.length)] ^= 1 << rng.int(8);
    return out;
  },
  interestingBytes(data, rng) {
    const out = Buffer.from(data);
    for (let i = rng.range(1, 4); i > 0 && out.length > 0; i--)
      out[rng.int(out.length)] = rng.pick(interestingBytes);
    return out;
  },
  insertRandom(data, rng) {
    const chunk = Buffer.alloc(rng.range(1, 64));
    for (let i = 0; i < chunk.length; i++) chunk[i] = rng.int(256);
    return insertAt(data, pos(data, rng), chunk);
  },
  deleteChunk(data, rng) {
    if (data.length < 2) return data;
    const start = rng.int(data.length);
    const end = Math.min(data.length, start + 1 + rng.int(rng.chance(0.2) ? data.length : 512));
    return Buffer.concat([data.subarray(0, start), data.subarray(end)]);
  },
  duplicateChunk(data, rng) {
    return insertAt(data, pos(data, rng), chunkOf(data, rng, 2048));
  },
  splice(data, rng, others) {
    const other = others.length ? rng.pick(others) : data;
    return Buffer.concat([data.subarray(0, pos(data, rng)), other.subarray(pos(other, rng))]);
  },
  truncate(data, rng) {
    return data.subarray(0, rng.int(data.length + 1));
  },
  hugeRepeat(data, rng) {
    const chunk = chunkOf(data, rng, 64);
    if (chunk.length === 0) return data;
    // Rarely go past the 20 MB input cap, to check it is refused cleanly.
    // Mostly report-sized; now and then megabytes, or past the 20 MB input cap to check that
    // it is refused cleanly.
    const roll = rng.next();
    const target =
      roll < 0.005
        ? 21 * 1024 * 1024
        : roll < 0.05
          ? rng.range(1024 * 1024, softCap)
          : rng.range(4096, 256 * 1024);
    const times = Math.max(1, Math.floor(target / chunk.length));
    return insertAt(data, pos(data, rng), Buffer.alloc(chunk.length * times, chunk));
  },
  brokenEncoding(data, rng) {
    const bad = rng.pick([
      [0xc0, 0x80], // overlong NUL
      [0xe4, 0xb8], // truncated 3-byte sequence
      [0x80], // lone continuation byte
      [0xed, 0xa0, 0x80], // UTF-16 surrogate in UTF-8
      [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
      [0x81, 0x7f], // invalid GBK trail byte
      [0xff, 0xfe], // UTF-16LE BOM mid-file
      [0x81, 0x30, 0x81], // truncated GB18030 four-byte
      [0xfe, 0xff],
    ]);
    return insertAt(data, pos(data, rng), Buffer.from(bad));
  },
  bom(data, rng) {
    const bom = rng.pick([
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0xfe, 0xff],
      [0, 0, 0xfe, 0xff],
    ]);
    return Buffer.concat([Buffer.from(bom), data]);
  },
};

/** Tokens that real reports (and broken ones) contain: labels, numerals, units, table markup. */
const reportTokens = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '（一）',
  '（三）不予公开',
  '1.属于国家秘密',
  '本年新收政府信息公开申请数量',
  '上年结转政府信息公开申请数量',
  '结转下年度继续办理',
  '总计',
  '自然人',
  '商业企业',
  '行政复议',
  '行政诉讼',
  '维持',
  '纠正',
  '尚未审结',
  '规章',
  '规范性文件',
  '行政许可',
  '行政事业性收费',
  '万元',
  '本年增/减',
  '2021年',
  '2019年度',
  '湘潭县信访局',
  '政府信息公开工作年度报告',
  '本列数据的勾稽关系为：',
  '第二十条第（一）项',
  '|',
  '\t',
  '/',
  '／',
  '—',
  '－',
  '…',
  '　',
  '\n',
  '\n\n\n',
  '|---|---|',
  '**',
  '<table>',
  '</table>',
  '<tr>',
  '<td rowspan="9999">',
  '<td colspan="0">',
  '&#xFFFFFFFF;',
  '&#0;',
  '&nbsp;',
  '<!--',
  '<script>',
];

const numberTokens = [
  '0',
  '00000000000000000000000',
  '99999999999999999999',
  '-1',
  '-0',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '０１２３',
  '一百二十',
  '2895.90元',
  '16万',
  '3,000',
  '1 2',
  '9007199254740993',
  '.',
  '-',
  '+7',
];

export type TextMutator = (text: string, rng: Prng, others: readonly string[]) => string;

function lines(text: string): string[] {
  return text.split('\n');
}

export const textMutators: Record<string, TextMutator> = {
  swapNumber(text, rng) {
    const matches = [...text.matchAll(/\d+/g)];
    if (matches.length === 0) return text + rng.pick(numberTokens);
    const m = rng.pick(matches);
    const value = rng.chance(0.5)
      ? String(rng.int(rng.pick([10, 1000, 1e9])))
      : rng.pick(numberTokens);
    return text.slice(0, m.index) + value + text.slice((m.index ?? 0) + m[0].length);
  },
  swapDigitsAround(text, rng) {
    // Fuse or split digit runs the way crawled text does (e.g. `0 0 0` ↔ `000`).
    return rng.chance(0.5)
      ? text.replace(/(\d)[ \t\n]+(?=\d)/g, (whole, d: string) => (rng.chance(0.3) ? d : whole))
      : text.replace(/\d/g, (d) => (rng.chance(0.05) ? `${d}\n` : d));
  },
  insertToken(text, rng) {
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + rng.pick(reportTokens) + text.slice(at);
  },
  swapLines(text, rng) {
    const ls = lines(text);
    if (ls.length < 2) return text;
    const a = rng.int(ls.length);
    const b = rng.int(ls.length);
    [ls[a], ls[b]] = [ls[b], ls[a]];
    return ls.join('\n');
  },
  swapHeadings(text, rng) {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '十'];
    return text.replace(/([一二三四五六])、/g, (whole) =>
      rng.chance(0.3) ? `${rng.pick(numerals)}、` : whole,
    );
  },
  swapLabels(text, rng) {
    const labels = [...text.matchAll(/[\u4e00-\u9fa5（）]{2,20}/g)];
    if (labels.length < 2) return text;
    const a = rng.pick(labels);
    const b = rng.pick(labels);
    return text.replace(a[0], b[0]);
  },
  duplicateLines(text, rng) {
    const ls = lines(text);
    const start = rng.int(ls.length);
    const block = ls.slice(start, start + rng.range(1, 40));
    const times = rng.chance(0.05) ? rng.range(50, 500) : rng.range(1, 4);
    ls.splice(rng.int(ls.length + 1), 0, ...Array.from({ length: times }, () => block).flat());
    return ls.join('\n');
  },
  deleteLines(text, rng) {
    const ls = lines(text);
    ls.splice(rng.int(ls.length), rng.range(1, 60));
    return ls.join('\n');
  },
  shuffleLines(text, rng) {
    const ls = lines(text);
    const start = rng.int(ls.length);
    const end = Math.min(ls.length, start + rng.range(2, 30));
    for (let i = end - 1; i > start; i--) {
      const j = start + rng.int(i - start + 1);
      [ls[i], ls[j]] = [ls[j], ls[i]];
    }
    return ls.join('\n');
  },
  whitespace(text, rng) {
    const mode = rng.int(4);
    if (mode === 0) return text.replace(/\n/g, () => (rng.chance(0.5) ? '' : '\n'));
    if (mode === 1) return text.replace(/ /g, () => rng.pick(['\t', '\n', '　', '', ' ']));
    if (mode === 2) return text.replace(/\n/g, '\r');
    return text.replace(/\t/g, '|');
  },
  spliceText(text, rng, others) {
    const other = others.length ? rng.pick(others) : text;
    return text.slice(0, rng.int(text.length + 1)) + other.slice(rng.int(other.length + 1));
  },
  controlChars(text, rng) {
    const at = rng.int(text.length + 1);
    return (
      text.slice(0, at) +
      rng.pick(['\u0000', '\ufffd', '\u200b', '\u202e', '\ud800', '\uffff']) +
      text.slice(at)
    );
  },
};

export const htmlMutators: Record<string, TextMutator> = {
  hugeSpan(html, rng) {
    const value = rng.pick(['0', '-1', '65535', '99999999999', '1e9', 'abc', '3.5', '']);
    return html.replace(/<td/gi, (t) =>
      rng.chance(0.1) ? `${t} ${rng.pick(['rowspan', 'colspan'])}="${value}"` : t,
    );
  },
  nestTables(html, rng) {
    const depth = rng.chance(0.05) ? rng.range(200, 3000) : rng.range(2, 20);
    const at = html.search(/<td[^>]*>/i);
    const nest =
      '<table><tr><td>'.repeat(depth) +
      rng.pick(reportTokens) +
      '</td></tr></table>'.repeat(rng.int(depth + 1));
    const where = at < 0 ? rng.int(html.length + 1) : at;
    return html.slice(0, where) + nest + html.slice(where);
  },
  dropTags(html, rng) {
    const tag = rng.pick(['tr', 'td', 'table', 'th', 'tbody', 'p']);
    return html.replace(new RegExp(`</?${tag}[^>]*>`, 'gi'), (t) => (rng.chance(0.3) ? '' : t));
  },
  manyCells(html, rng) {
    const row = `<tr>${'<td>0</td>'.repeat(rng.range(1, 300))}</tr>`;
    return html.replace(
      '</table>',
      `${row.repeat(rng.chance(0.05) ? rng.range(200, 2000) : rng.range(1, 50))}</table>`,
    );
  },
  charset(html, rng) {
    const cs = rng.pick([
      'gbk',
      'gb2312',
      'utf-16',
      'big5',
      'shift_jis',
      'x-unknown',
      'utf-8',
      'gb18030',
      'hz-gb-2312',
    ]);
    return html.replace(/charset\s*=\s*["']?[\w-]+/i, `charset="${cs}"`);
  },
  unclosed(html, rng) {
    return (
      html.slice(0, rng.int(html.length + 1)) +
      rng.pick(['<!--', '<script>', '<td', '<', '&#x', '<![CDATA['])
    );
  },
};

/** Encodes text back to bytes: mostly UTF-8, sometimes GBK (declared or not). */
export function encodeText(text: string, rng: Prng): Buffer {
  if (rng.chance(0.85)) return Buffer.from(text, 'utf8');
  return iconv.encode(text, rng.pick(['gbk', 'gb18030']));
}

/** Decodes the seed for text-level mutation (UTF-8, else GB18030). */
export function decodeForMutation(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return iconv.decode(data, 'gb18030');
  }
}

// ---- DOCX / XLSX: zip-level mutations ----------------------------------------------------

/**
 * Zip-bomb-like containers, built once per plan and variant: an extra entry of 120 MB of zeros
 * (over the unzipped cap), or the main part inflated to ~60 MB of repeated XML (under the cap).
 */
const bombs = new Map<string, Promise<Buffer>>();
/** Switch the zip bombs off for short runs (each one costs a parser seconds). */
export const mutationSettings = { bombs: true };
function bomb(seed: Buffer, plan: ZipPlan, variant: number): Promise<Buffer> {
  const key = `${plan.main}:${variant}`;
  let made = bombs.get(key);
  if (!made) {
    made = (async () => {
      const zip = await JSZip.loadAsync(seed);
      if (variant === 0) zip.file('bomb.bin', Buffer.alloc(120 * 1024 * 1024));
      else {
        const xml = (await zip.file(plan.main)?.async('string')) ?? '';
        const at = Math.max(0, xml.lastIndexOf('</'));
        const filler = plan.filler.repeat(Math.floor((60 * 1024 * 1024) / plan.filler.length));
        zip.file(plan.main, xml.slice(0, at) + filler + xml.slice(at));
      }
      return zip.generateAsync({
        type: 'nodebuffer',
        compression: 'DEFLATE',
        compressionOptions: { level: 9 },
      });
    })();
    bombs.set(key, made);
  }
  return made;
}

export interface ZipPlan {
  /** The XML part whose text is mutated (word/document.xml, xl/worksheets/sheet1.xml). */
  main: string;
  /** Inserted into `main` to nest a table inside a cell. */
  nestedTable: string;
  /** Regexes of span attributes to blow up. */
  spans: RegExp;
  /** Repeated to inflate the main part. */
  filler: string;
}

export const docxPlan: ZipPlan = {
  main: 'word/document.xml',
  nestedTable:
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="9999"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>7</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
  spans: /w:val="(\d+)"/g,
  filler: '<w:p><w:r><w:t>0</w:t></w:r></w:p>',
};

export const xlsxPlan: ZipPlan = {
  main: 'xl/worksheets/sheet1.xml',
  nestedTable: '<mergeCell ref="A1:XFD1048576"/>',
  spans: /r="([A-Z]+\d+)"/g,
  filler: '<row><c t="inlineStr"><is><t>0</t></is></c></row>',
};

async function zipMutate(
  data: Buffer,
  rng: Prng,
  others: readonly Buffer[],
  plan: ZipPlan,
): Promise<Buffer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return byteMutate(data, rng, others);
  }
  const names = Object.keys(zip.files);
  const op = rng.int(8);
  if (op === 0) zip.remove(plan.main);
  else if (op === 1 && names.length) zip.remove(rng.pick(names));
  else if (op === 2)
    return mutationSettings.bombs && rng.chance(0.1)
      ? bomb(data, plan, rng.int(2))
      : byteMutate(data, rng, others);
  else {
    const xmlParts = names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    const part = rng.chance(0.6) || xmlParts.length === 0 ? plan.main : rng.pick(xmlParts);
    const xml = (await zip.file(part)?.async('string')) ?? '';
    let out = xml;
    if (op === 3) {
      const cells = [...xml.matchAll(/<w:tc>|<c [^>]*>/g)];
      const at = cells.length ? (rng.pick(cells).index ?? 0) : rng.int(xml.length + 1);
      const depth = rng.chance(0.2) ? rng.range(50, 500) : rng.range(1, 5);
      const nested = `<w:tc>${plan.nestedTable.repeat(1)}`.repeat(depth);
      out = xml.slice(0, at) + nested + xml.slice(at);
    } else if (op === 4) {
      out = xml.replace(plan.spans, (whole) =>
        rng.chance(0.2)
          ? whole.replace(/"[^"]*"/, `"${rng.pick(['0', '-1', '99999999', 'A0', ''])}"`)
          : whole,
      );
    } else {
      const mutator = rng.pick(Object.values(textMutators));
      out = mutator(xml, rng, []);
    }
    zip.file(part, out);
  }
  const bytes = await zip.generateAsync({
    type: 'nodebuffer',
    compression: rng.chance(0.8) ? 'DEFLATE' : 'STORE',
  });
  // Sometimes corrupt the container after the fact (CRC, headers, compressed data).
  return rng.chance(0.3) ? byteMutate(bytes, rng, others) : bytes;
}

// ---- PDF: structure mutations --------------------------------------------------------------

export const pdfMutators: Record<string, TextMutator> = {
  breakXref(pdf, rng) {
    return pdf.replace(/startxref\s+\d+/, `startxref\n${rng.pick(['0', '999999999', '-5', '12'])}`);
  },
  dropTrailer(pdf) {
    return pdf.replace(/trailer[\s\S]*$/, '');
  },
  wrongLength(pdf, rng) {
    return pdf.replace(/\/Length \d+/g, () => `/Length ${rng.pick(['0', '999999', '-1', '3'])}`);
  },
  hugeCount(pdf, rng) {
    return pdf.replace(/\/Count \d+/, `/Count ${rng.pick(['0', '100000', '-1', '2147483648'])}`);
  },
  loopKids(pdf) {
    return pdf.replace(/\/Kids \[[^\]]*\]/, '/Kids [2 0 R 2 0 R]');
  },
  hugeOperands(pdf, rng) {
    return pdf.replace(
      /(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?) (Td|m|l|re)/g,
      (whole, _a, _b, op: string) =>
        rng.chance(0.2)
          ? `${rng.pick(['1e308', '-1e308', 'NaN', '0'])} ${rng.pick(['99999999', '-0'])} ${op}`
          : whole,
    );
  },
  manyOps(pdf, rng) {
    const ops = '0 0 m 100 0 l S '.repeat(rng.range(100, 20000));
    return pdf.replace(/stream\n/, `stream\n${ops}`);
  },
  duplicateObject(pdf, rng) {
    const objs = [...pdf.matchAll(/\d+ 0 obj[\s\S]*?endobj/g)];
    if (!objs.length) return pdf;
    const at = pdf.indexOf('xref');
    return `${pdf.slice(0, at) + rng.pick(objs)[0]}\n${pdf.slice(at)}`;
  },
};

// ---- dispatch --------------------------------------------------------------------------------

export function byteMutate(data: Buffer, rng: Prng, others: readonly Buffer[]): Buffer {
  let out = data;
  for (let i = rng.chance(0.7) ? 1 : rng.range(2, 4); i > 0; i--)
    out = rng.pick(Object.values(byteMutators))(out, rng, others);
  return out;
}

function textMutate(
  data: Buffer,
  rng: Prng,
  others: readonly Buffer[],
  extra: TextMutator[] = [],
): Buffer {
  const text = decodeForMutation(data);
  const pool = [...Object.values(textMutators), ...extra];
  let out = text;
  for (let i = rng.chance(0.6) ? 1 : rng.range(2, 5); i > 0; i--)
    out = rng.pick(pool)(
      out,
      rng,
      others.map((o) => o.toString('utf8')),
    );
  return encodeText(out, rng);
}

export type InputKind = 'text' | 'markdown' | 'json' | 'html' | 'docx' | 'xlsx' | 'pdf';

/** One mutated input from a seed of the given kind. */
export async function mutate(
  kind: InputKind,
  seed: Buffer,
  rng: Prng,
  others: readonly Buffer[],
): Promise<Buffer> {
  // Unmutated seeds are fuzz inputs too (checks that the corpus itself parses cleanly).
  if (rng.chance(0.01)) return seed;
  if (kind === 'docx' || kind === 'xlsx')
    return rng.chance(0.75)
      ? zipMutate(seed, rng, others, kind === 'docx' ? docxPlan : xlsxPlan)
      : byteMutate(seed, rng, others);
  if (rng.chance(0.35)) return byteMutate(seed, rng, others);
  if (kind === 'html') {
    const out = textMutate(seed, rng, others, Object.values(htmlMutators));
    return out;
  }
  if (kind === 'pdf') {
    const text = seed.toString('latin1');
    return Buffer.from(rng.pick(Object.values(pdfMutators))(text, rng, []), 'latin1');
  }
  return textMutate(seed, rng, others);
}
