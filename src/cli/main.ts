#!/usr/bin/env -S node --single-threaded --heap-growing-percent=30
import { main } from "./program.js";

// One Node process, whichever command. The bin passes V8's batch settings on its #! line (they must match
// V8_FLAGS: test/launch.test.ts); run another way (`node dist/bin/jixiao.js`, tsx), the CLI runs without them.
process.exitCode = await main(process.argv.slice(2));
