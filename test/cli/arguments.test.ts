/** Every command says a wrong option in Chinese, exit 2, before touching any data. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gongkaiInProcess, tempDataDir } from '../support/cli.ts';

const cases: [string[], RegExp][] = [
  [['import-catalogue', '--help'], /^错误：参数错误：未知选项 --help$/m],
  [['agency', 'add', '--bogus'], /^错误：参数错误：未知选项 --bogus$/m],
  [['check', '--json=yes', 'x.txt'], /^参数错误：选项 --json 的取值无效$/m],
  [['fee', '--bogus'], /^参数错误：未知选项 --bogus$/m],
];

for (const [args, message] of cases) {
  test(`gongkai ${args.join(' ')} → exit 2, the option named in Chinese`, async () => {
    const r = await gongkaiInProcess(args, { GONGKAI_DATA_DIR: await tempDataDir() });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /[A-Z][a-z]+ option|argument/);
  });
}
