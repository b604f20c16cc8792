#!/usr/bin/env -S node --single-threaded --heap-growing-percent=30
import { fileURLToPath } from "node:url";
import { hasV8Flags, relaunch, watchLauncher } from "./launch.js";

// The bin passes V8's settings on its #! line (they must match V8_FLAGS: test/launch.test.ts); run
// another way, the CLI starts Node again with them.
if (hasV8Flags()) {
  watchLauncher();
  const { main } = await import("./program.js");
  process.exitCode = await main(process.argv.slice(2));
} else {
  const { code, signal } = await relaunch(fileURLToPath(import.meta.url), process.argv.slice(2));
  // Ended by a signal: end the same way, so that a shell sees what happened.
  if (signal !== null) process.kill(process.pid, signal);
  else process.exitCode = code ?? 1;
}
