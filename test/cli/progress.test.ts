/** The progress line of long CLI commands (src/cli/progress.ts), as written to a non-terminal stderr. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressLine } from '../../src/cli/progress.ts';

function stderrOf(run: () => void): string {
  const write = process.stderr.write;
  const tty = process.stderr.isTTY;
  let out = '';
  process.stderr.isTTY = false;
  process.stderr.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stderr.write;
  try {
    run();
  } finally {
    process.stderr.write = write;
    process.stderr.isTTY = tty;
  }
  return out;
}

test('a line every so many items and at the end; nothing for a short job', () => {
  const line = progressLine((done, total) => `已重算 ${done}/${total} 条`, 200);
  const long = stderrOf(() => {
    for (const done of [200, 400, 450]) line(done, 450);
  });
  assert.equal(long, '已重算 200/450 条\n已重算 400/450 条\n已重算 450/450 条\n');
  assert.equal(
    stderrOf(() => line(150, 150)),
    '',
  );
});
