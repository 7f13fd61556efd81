/**
 * The progress line of a long CLI command, on stderr (stdout stays the result): on a terminal one
 * line rewritten in place, otherwise a line every `every` items and at the end. Nothing when the
 * whole job is `every` items or fewer.
 */
export type Progress = (done: number, total: number) => void;

export function progressLine(what: (done: number, total: number) => string, every = 20): Progress {
  return (done, total) => {
    if (total <= every) return;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${what(done, total)}`);
      if (done === total) process.stderr.write('\n');
    } else if (done % every === 0 || done === total) process.stderr.write(`${what(done, total)}\n`);
  };
}
