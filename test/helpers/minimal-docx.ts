import { strToU8, zipSync } from "fflate";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A paragraph of WordprocessingML with its text in one run (or in several, one per string). */
export function p(...runs: string[]): string {
  return `<w:p>${runs.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join("")}</w:p>`;
}

/** A table cell; `properties` is the inside of w:tcPr (gridSpan, vMerge). */
export function tc(content: string, properties = ""): string {
  return `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ""}${content}</w:tc>`;
}

/** A table row; `properties` is the inside of w:trPr (gridBefore). */
export function tr(cells: string, properties = ""): string {
  return `<w:tr>${properties ? `<w:trPr>${properties}</w:trPr>` : ""}${cells}</w:tr>`;
}

export function tbl(rows: string, columns: number): string {
  return `<w:tbl><w:tblPr/><w:tblGrid>${"<w:gridCol/>".repeat(columns)}</w:tblGrid>${rows}</w:tbl>`;
}

/** The smallest .docx Word and mammoth accept, with the given body; extra parts (e.g. comments) may be added. */
export function minimalDocx(body: string, extra: Record<string, string> = {}, documentRels = ""): Uint8Array {
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    "word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${documentRels}</Relationships>`,
    ...extra,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])));
}
