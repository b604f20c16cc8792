import { SingleBar } from "cli-progress";

/** A progress display: a bar with done/total, rate and ETA on a terminal; nothing elsewhere. */
export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

/** Starts the progress bar when `enabled` (stderr is a TTY and not --quiet). */
export function startProgress(enabled: boolean): Progress {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({
    stream: process.stderr,
    format: "{bar} {value}/{total} 个文档 | {rate} 个/秒 | 剩余 {eta_formatted}",
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 20,
  });
  const started = Date.now();
  let running = false;
  return {
    update: (done, total) => {
      const rate = (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
      if (!running) {
        bar.start(total, done, { rate });
        running = true;
      } else {
        bar.update(done, { rate });
      }
    },
    stop: () => {
      if (running) bar.stop();
      running = false;
    },
  };
}
