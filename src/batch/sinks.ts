import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { ColumnName } from "./rows.js";
import { tempPath } from "./write.js";

/** Bytes gathered before a streamed file is written to: one write per chunk rather than one per line. */
const WRITE_CHUNK = 64 * 1024;

/**
 * A CSV stringifier for rows keyed by `columns`: UTF-8 with a BOM (so Excel and WPS detect the encoding), a
 * header row, CRLF line ends, and text that a spreadsheet would run as a formula prefixed with `'`.
 */
export function csvStringifier(columns: readonly ColumnName[]): Transform {
  return stringify({
    bom: true,
    header: true,
    columns: [...columns],
    record_delimiter: "windows",
    cast: { string: (value) => (/^[=+\-@\t\r]/u.test(value) ? `'${value}` : value) },
  });
}

/** A file written to `<path>.<random>.tmp` beside its destination, renamed onto it only by `commit`. */
export class TempFile {
  /** Rejects when writing the file fails; never resolves. */
  readonly failed: Promise<never>;
  private committed = false;

  private constructor(
    readonly path: string,
    readonly temp: string,
    readonly out: WriteStream,
  ) {
    this.failed = new Promise<never>((_, reject) => out.once("error", reject));
    this.failed.catch(() => undefined);
  }

  static async open(path: string): Promise<TempFile> {
    const temp = tempPath(path);
    const file = new TempFile(path, temp, createWriteStream(temp));
    await Promise.race([once(file.out, "open"), file.failed]);
    return file;
  }

  /** Waits until the file's descriptor is closed (after its stream has finished). */
  async closed(): Promise<void> {
    if (!this.out.closed) await once(this.out, "close");
  }

  async commit(): Promise<void> {
    await this.closed();
    await rename(this.temp, this.path);
    this.committed = true;
  }

  /** Removes the temporary file unless it was committed. */
  async discard(): Promise<void> {
    if (this.committed) return;
    this.out.destroy();
    await rm(this.temp, { force: true });
  }
}

/** A stream of records (lines or CSV rows) into a temporary file, with backpressure. */
export class LineSink {
  private readonly done: Promise<void>;

  constructor(
    readonly file: TempFile,
    private readonly source: Transform,
  ) {
    this.done = pipeline(source, new Coalesce(WRITE_CHUNK), file.out);
    this.done.catch(() => undefined);
  }

  async write(record: unknown): Promise<void> {
    if (!this.source.write(record)) await Promise.race([once(this.source, "drain"), this.done]);
  }

  async end(): Promise<void> {
    this.source.end();
    await this.done;
    await this.file.closed();
  }
}

/** Passes its bytes on in chunks of about `size` bytes (the rest at the end), unchanged. */
class Coalesce extends Transform {
  private chunks: Buffer[] = [];
  private length = 0;

  constructor(private readonly size: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    if (this.length >= this.size) this.flushChunks();
    done();
  }

  override _flush(done: TransformCallback): void {
    this.flushChunks();
    done();
  }

  private flushChunks(): void {
    if (this.length === 0) return;
    this.push(this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.length));
    this.chunks = [];
    this.length = 0;
  }
}
