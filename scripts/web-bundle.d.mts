/** Types of web-bundle.mjs for the tests (TypeScript). */
import type { BuildOptions, BuildResult, Plugin } from "esbuild";

export declare const ROOT: string;
export declare const browserTwins: Plugin;
export declare function bundleForBrowser(
  entry: string,
  options?: BuildOptions,
): Promise<BuildResult<{ write: false; metafile: true }>>;
