/** Tasks for the pool's own tests: a CPU spinner, a memory hog, a gate and an echo. */
import { GongkaiError } from '../../src/errors.ts';

export const tasks = {
  echo: async (input: { value: string }) => input.value,
  refuse: async (_input: null) => {
    throw new GongkaiError('report.unreadable', '测试拒绝');
  },
  /** Spins until `stop` is set (it never is in the test: the watchdog must end it). */
  spin: async (input: { stop: Int32Array }) => {
    let n = 0;
    while (Atomics.load(input.stop, 0) === 0) n++;
    return n;
  },
  /** Keeps allocating reachable memory. */
  hog: async (_input: null) => {
    const kept: string[][] = [];
    for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `行${i}-${kept.length}`));
  },
  /** Says it started (gate[1] = 1), then waits, without CPU, until the gate opens (gate[0] = 1). */
  gate: async (input: { gate: Int32Array }) => {
    Atomics.store(input.gate, 1, 1);
    Atomics.wait(input.gate, 0, 0);
    return 'opened';
  },
};
