import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { type ErrorCode, errorMessages } from '../../src/errors/catalogue.ts';
import { GongkaiError } from '../../src/errors.ts';

const codes = Object.keys(errorMessages) as ErrorCode[];

test('every code is `area.kind` in one style, with a Chinese message', () => {
  for (const code of codes) {
    assert.match(code, /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/, code);
    assert.match(errorMessages[code], /\p{Script=Han}/u, code);
  }
  assert.deepEqual(codes, [...codes].sort(), 'the catalogue is sorted');
});

test('docs/errors.md lists exactly the catalogue, each code with its message', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| `([^`]+)` \| (.*) \|$/gm)].map((m) => [
    m[1],
    m[2].replace(/\\\|/g, '|'),
  ]);
  assert.deepEqual(rows, Object.entries(errorMessages));
});

test('a GongkaiError without a message carries the catalogue’s', () => {
  const error = new GongkaiError('case.not-found');
  assert.equal(error.code, 'case.not-found');
  assert.equal(error.message, errorMessages['case.not-found']);
  assert.equal(new GongkaiError('case.not-found', '记录不存在：7').message, '记录不存在：7');
});

test('a GongkaiError with parameters fills the catalogue message’s {names}', () => {
  const error = new GongkaiError('agency.exists', { code: 'jtj' });
  assert.equal(error.code, 'agency.exists');
  assert.equal(error.message, '单位代码“jtj”已存在。');
  assert.equal(
    new GongkaiError('annual.import.value', { key: 'T3.a1', value: 'x' }).message,
    '单元格 T3.a1 的值“x”无效：请填数字、blank 或 slash。',
  );
});

test('messages name their values as {name}, never as leftover code', () => {
  for (const code of codes) {
    assert.doesNotMatch(errorMessages[code], /\$\{|=>/, code);
    for (const [, name] of errorMessages[code].matchAll(/\{([^}]*)\}/g))
      assert.match(name, /^[a-zA-Z]\w*$/, code);
  }
});

test('every throw site with parameters gives exactly the names its message has', () => {
  const sites = sourceFiles(new URL('../../src/', import.meta.url)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/new GongkaiError\(\s*'([^']+)',\s*\{/g)].map((m) => ({
      file,
      code: m[1] as ErrorCode,
      keys: topLevelKeys(readFileSync(file, 'utf8'), (m.index ?? 0) + m[0].length),
    })),
  );
  assert.ok(sites.length > 40, 'the scan finds the throw sites');
  for (const { file, code, keys } of sites) {
    const names = [...errorMessages[code].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    assert.deepEqual(keys.sort(), [...new Set(names)].sort(), `${code} in ${file}`);
  }
});

function sourceFiles(dir: URL): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => new URL(f, dir).pathname);
}

/** The keys of the object literal opened just before `from` (shorthand or `key:`). */
function topLevelKeys(text: string, from: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = true;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if ('{(['.includes(ch)) depth++;
    else if ('})]'.includes(ch)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && ch === ',') expectKey = true;
    else if (depth === 0 && expectKey && /\w/.test(ch)) {
      const key = /^\w+/.exec(text.slice(i))![0];
      keys.push(key);
      i += key.length - 1;
      expectKey = false;
    }
  }
  return keys;
}
