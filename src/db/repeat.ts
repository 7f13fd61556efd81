/**
 * Runs `run` every `intervalMs` (first at once when `immediately`), one run at a time, on a timer
 * that does not keep the process alive. `stop()` ends the schedule and waits for a run in
 * progress, so the database can be closed after it. `run` handles its own errors.
 */
export function repeat(
  run: () => Promise<unknown>,
  intervalMs: number,
  immediately = false,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = immediately ? run() : Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(run);
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
