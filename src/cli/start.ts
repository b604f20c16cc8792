import { defaultJobs } from "../batch/v8-settings.js";
import { relaunch, wantsV8Flags, watchLauncher } from "./launch.js";

/**
 * Runs the CLI as the process's own program: `entry` is the file Node was started with (started again for a
 * batch that keeps two or more workers busy, with V8's batch settings, decided before the program is loaded;
 * that process stops if this one dies). One document and every other command run here.
 */
export async function start(entry: string, argv: readonly string[]): Promise<void> {
  if (wantsV8Flags(argv, defaultJobs())) {
    process.exitCode = await relaunch(entry, argv);
    return;
  }
  watchLauncher();
  const { main } = await import("./program.js");
  process.exitCode = await main(argv);
}
