/**
 * The web page's worker: the core pipeline on one document at a time, off the page's thread. It answers each
 * message of protocol.ts; a document that cannot be read becomes its error record, as in the CLI's batch.
 */
import {
  annotateWith,
  browserInputFormat,
  browserReader,
  buildTrends,
  defaultConfig,
  errorDocument,
  extractWith,
  type JixiaoDocument,
  type LabelConfig,
  parseConfig,
  parseRuleSettings,
  ReadError,
  renderers,
  renderTrendsHtml,
  sha256,
  trendInput,
  trendRows,
} from "../core.js";
import type { Envelope, FromWorker, ToWorker } from "./protocol.js";

let config: LabelConfig = defaultConfig();

/** The worker's global scope, as far as it is used (the DOM library types `self` as a window). */
const scope = self as unknown as {
  postMessage(message: Envelope<FromWorker>, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<Envelope<ToWorker>>) => void) | null;
};

scope.onmessage = async (event) => {
  const { seq, body: message } = event.data;
  const post = (body: FromWorker, transfer: Transferable[] = []) => scope.postMessage({ seq, body }, transfer);
  if (message.type === "settings") {
    try {
      const labels = message.config ? parseConfig(message.config.text, message.config.name) : defaultConfig();
      const rules = message.rules ? parseRuleSettings(message.rules.text, message.rules.name) : undefined;
      config = rules ? { ...labels, rules } : labels;
      post({ type: "settings", error: null });
    } catch (error) {
      post({ type: "settings", error: (error as Error).message });
    }
  } else if (message.type === "document") {
    const started = performance.now();
    const bytes = new Uint8Array(message.bytes);
    let doc = await extract(bytes, message.name);
    let files: ReturnType<typeof render>;
    try {
      files = render(doc);
    } catch (error) {
      // A report that cannot be written is a bug; the document still ends in the table, as its error record.
      doc = internalError(bytes, message.name, error);
      files = render(doc);
    }
    post({ type: "document", id: message.id, doc, ...files, ms: performance.now() - started });
  } else if (message.type === "trends") {
    const report = buildTrends(
      message.docs.flatMap((doc) => trendInput(doc) ?? []),
      config,
    );
    const has = report.departments.length > 0;
    post({
      type: "trends",
      trends: has
        ? { json: `${JSON.stringify(report, null, 2)}\n`, html: renderTrendsHtml(report), rows: trendRows(report) }
        : null,
    });
  } else {
    try {
      const { document, annotation } = await annotateWith(browserReader, new Uint8Array(message.bytes), message.name, {
        config,
      });
      const note = document.warnings.find((w) => w.code === "annotation-failed" || w.code === "annotation-unplaced");
      const docx = annotation?.docx ?? null;
      post({ type: "annotated", id: message.id, docx, message: note?.message ?? null }, docx ? [docx.buffer] : []);
    } catch (error) {
      post({ type: "annotated", id: message.id, docx: null, message: (error as Error).message });
    }
  }
};

/** The document, or its error record: never throws, so every input ends in the batch table. */
async function extract(bytes: Uint8Array, name: string): Promise<JixiaoDocument> {
  try {
    return await extractWith(browserReader, bytes, name, { config });
  } catch (error) {
    return internalError(bytes, name, error);
  }
}

/** The error record of an input: its read error, or an internal error (as the CLI's batch records them). */
function internalError(bytes: Uint8Array, name: string, error: unknown): JixiaoDocument {
  const source = { path: name, sha256: sha256(bytes), format: browserInputFormat(bytes, name) };
  return error instanceof ReadError
    ? errorDocument(source, error.code, error.message)
    : errorDocument(source, "internal-error", `处理时出错 (internal error): ${(error as Error).message}`);
}

/** The files the CLI writes for a document. */
function render(doc: JixiaoDocument): { json: string; html: string; markdown: string } {
  return { json: renderers.json(doc), html: renderers.html(doc), markdown: renderers.markdown(doc) };
}
