/**
 * Values that land in any order, handed on in a fixed order of their keys: each as soon as it and every one
 * before it have landed. The batch outputs' pass reads a run's results through it while the workers still
 * process the later documents. `fail` ends the iteration with an error (the run stopped short).
 */
export class InOrder<T> implements AsyncIterable<T> {
  private readonly landed = new Map<string, T>();
  private at = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly order: readonly string[]) {}

  add(key: string, value: T): void {
    this.landed.set(key, value);
    this.notify();
  }

  fail(error: Error): void {
    this.failure = error;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    while (this.at < this.order.length) {
      if (this.failure) throw this.failure;
      const key = this.order[this.at]!;
      if (!this.landed.has(key)) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        continue;
      }
      const value = this.landed.get(key)!;
      this.landed.delete(key);
      this.at++;
      yield value;
    }
  }
}
