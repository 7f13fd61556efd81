/**
 * Runs `run` every `interval` milliseconds — a number, or a function asked before each wait (e.g.
 * the time to the next midnight) — first at once when `immediately`, one run at a time, on a
 * timer that does not keep the process alive. `stop()` ends the schedule and waits for a run in
 * progress, so the database can be closed after it. `run` handles its own errors.
 */
export function repeat(
  run: () => Promise<unknown>,
  interval: number | (() => number),
  immediately = false,
): { stop(): Promise<void> } {
  const delay = typeof interval === 'number' ? () => interval : interval;
  let running: Promise<unknown> = immediately ? run() : Promise.resolve();
  let timer: NodeJS.Timeout;
  const schedule = () => {
    timer = setTimeout(() => {
      running = running.then(run);
      schedule();
    }, delay());
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      clearTimeout(timer);
      await running;
    },
  };
}
