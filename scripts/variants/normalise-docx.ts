/**
 * Makes a .docx byte-reproducible: the same content gives the same bytes whichever writer made it and
 * whenever. Zip entries get one fixed time; docProps dates become a fixed date; LibreOffice's random
 * revision ids (rsid) and editing time are removed. Nothing a reader sees changes.
 */
import JSZip from "jszip";

/** The date stamped on every fixture (zip entries and docProps). */
export const FIXED_DATE = new Date("2025-01-01T00:00:00Z");
const FIXED_ISO = "2025-01-01T00:00:00Z";

function normaliseXml(name: string, xml: string): string {
  let out = xml
    // LibreOffice: random revision-save ids on paragraphs, runs, rows and in settings.xml.
    .replace(/\s+w:rsid[A-Za-z]*="[0-9A-Fa-f]*"/g, "")
    .replace(/<w:rsids>[\s\S]*?<\/w:rsids>/g, "")
    .replace(/<w:rsid[A-Za-z]*\s+w:val="[0-9A-Fa-f]*"\s*\/>/g, "")
    // Word 2010 paragraph ids, when a writer adds them.
    .replace(/\s+w14:(?:paraId|textId)="[0-9A-Fa-f]*"/g, "");
  if (name === "docProps/core.xml") {
    out = out
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${FIXED_ISO}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${FIXED_ISO}$2`)
      .replace(/<cp:revision>[^<]*<\/cp:revision>/, "<cp:revision>1</cp:revision>");
  }
  if (name === "docProps/app.xml") {
    out = out
      .replace(/<TotalTime>[^<]*<\/TotalTime>/, "<TotalTime>0</TotalTime>")
      .replace(/<Application>[^<]*<\/Application>/, "<Application>jixiao fixtures</Application>");
  }
  return out;
}

/** Rewrites a .docx so that its bytes depend on its content only. */
export async function normaliseDocx(bytes: Uint8Array): Promise<Buffer> {
  const input = await JSZip.loadAsync(bytes);
  const output = new JSZip();
  const names = Object.keys(input.files).filter((n) => !input.files[n]!.dir);
  // [Content_Types].xml first, as Word writes it; the rest in a fixed order.
  names.sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  for (const name of names) {
    const file = input.files[name]!;
    if (/\.(xml|rels)$/.test(name)) {
      output.file(name, normaliseXml(name, await file.async("string")), { date: FIXED_DATE, createFolders: false });
    } else {
      output.file(name, await file.async("uint8array"), { date: FIXED_DATE, createFolders: false });
    }
  }
  return output.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}
