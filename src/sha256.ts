import { createHash } from "node:crypto";

/** The sha256 of the input bytes, hex (Node's crypto; the web bundle resolves this module to sha256.browser.ts). */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
