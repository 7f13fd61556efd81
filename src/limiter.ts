/**
 * A bounded limiter: at most `concurrency` holders at once and at most `queue` waiting, in
 * arrival order. `acquire` answers null when the queue is full, so the caller can refuse at once
 * (a 503, a "busy" message) instead of making a request wait without end.
 */
export type Release = () => void;

export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  /** A slot (resolves when one is free), or null when the queue is full. */
  acquire(): Promise<Release> | null {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queue) return null;
    return new Promise((resolve) => this.waiting.push(() => resolve(this.releaser())));
  }

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}
