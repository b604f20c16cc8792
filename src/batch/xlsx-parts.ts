import { encodeXml } from "../annotate/xml.js";
import type { Cell } from "./rows.js";

/**
 * The parts of an .xlsx package (SpreadsheetML), as text: shared by the streaming writer of the CLI (xlsx.ts,
 * zipped by yazl) and the web page's in-memory one (xlsx-memory.ts, zipped by fflate), so the two write the same
 * workbook. Cells are numbers or inline strings; a sheet has a bold, frozen header row with a filter, column
 * widths, number formats per column, and notes on header cells (a comments part, with the legacy VML drawing
 * Excel needs to show them).
 */

/** One sheet of a workbook: its name, columns (header text, width in characters, amount format) and rows. */
export interface SheetSpec {
  readonly name: string;
  readonly columns: readonly {
    readonly header: string;
    readonly width: number;
    readonly amount: boolean;
    /** A note (comment) on the header cell, or null. */
    readonly note: string | null;
  }[];
  readonly rows: Iterable<readonly Cell[]> | AsyncIterable<readonly Cell[]>;
}

/** Properties of the workbook recorded in docProps/core.xml. */
export interface WorkbookProps {
  readonly creator: string;
  /** Creation and modification date, also every zip entry's time (fixed, so the file does not depend on when it was written). */
  readonly date: Date;
}

/** Excel's limit on the length of a cell's text. */
const MAX_CELL_TEXT = 32_767;

/** Cell styles (indices into cellXfs of styles.xml). */
const STYLE = { header: 1, amount: 2 } as const;

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * A part of the package, in zip order: text known at once, a sheet's XML produced from its rows as it is read, or
 * text that can only be made after the sheets have been read (workbook.xml: its filter ranges need their last rows).
 */
export type PackagePart =
  | { readonly name: string; readonly kind: "text"; readonly text: string }
  | { readonly name: string; readonly kind: "sheet"; readonly xml: AsyncGenerator<string> }
  | { readonly name: string; readonly kind: "late"; readonly text: () => string };

/** The workbook's parts in the order they are zipped. */
export function packageParts(sheets: readonly SheetSpec[], props: WorkbookProps): PackagePart[] {
  const text = (name: string, content: string): PackagePart => ({ name, kind: "text", text: content });
  const noted = sheets.map((sheet) => sheet.columns.some((c) => c.note !== null));
  const lastRows: number[] = [];
  return [
    text("[Content_Types].xml", contentTypes(noted)),
    text("_rels/.rels", packageRels()),
    text("docProps/core.xml", coreProps(props)),
    text("xl/_rels/workbook.xml.rels", workbookRels(sheets.length)),
    text("xl/styles.xml", STYLES),
    ...sheets.flatMap((sheet, i): PackagePart[] => [
      ...(noted[i]
        ? [
            text(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, sheetRels(i + 1)),
            text(`xl/comments${i + 1}.xml`, commentsXml(sheet)),
            text(`xl/drawings/vmlDrawing${i + 1}.vml`, commentsVml(sheet, i + 1)),
          ]
        : []),
      {
        name: `xl/worksheets/sheet${i + 1}.xml`,
        kind: "sheet",
        xml: sheetXml(sheet, noted[i] ?? false, (last) => {
          lastRows[i] = last;
        }),
      },
    ]),
    { name: "xl/workbook.xml", kind: "late", text: () => workbookXml(sheets, lastRows) },
  ];
}

/** A sheet's XML, row by row; reports its last row number (1-based, the header is row 1) when done. */
async function* sheetXml(sheet: SheetSpec, noted: boolean, done: (lastRow: number) => void): AsyncGenerator<string> {
  const letters = sheet.columns.map((_, i) => columnLetter(i));
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join("");
  yield `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0">` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
  yield row(
    1,
    sheet.columns.map((c) => c.header),
    letters,
    sheet.columns.map(() => STYLE.header),
  );
  const styles = sheet.columns.map((c) => (c.amount ? STYLE.amount : 0));
  let last = 1;
  for await (const values of sheet.rows) yield row(++last, values, letters, styles);
  const drawing = noted ? '<legacyDrawing r:id="rId2"/>' : "";
  yield `</sheetData><autoFilter ref="A1:${letters.at(-1) ?? "A"}${last}"/>${drawing}</worksheet>`;
  done(last);
}

/** One `<row>`: numbers as values, text as inline strings, absent values as no cell at all. */
function row(r: number, values: readonly Cell[], letters: readonly string[], styles: readonly number[]): string {
  let xml = `<row r="${r}">`;
  values.forEach((value, i) => {
    if (value === null || (typeof value === "number" && !Number.isFinite(value))) return;
    const s = styles[i] ? ` s="${styles[i]}"` : "";
    const ref = `${letters[i] ?? columnLetter(i)}${r}`;
    xml +=
      typeof value === "number"
        ? `<c r="${ref}"${s}><v>${value}</v></c>`
        : `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(clampText(value))}</t></is></c>`;
  });
  return `${xml}</row>`;
}

/** The column letters of a 0-based index: A … Z, AA …. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function clampText(value: string): string {
  return value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
}

/** Escapes text for XML and drops the characters XML 1.0 cannot hold (control characters, lone surrogates). */
function escapeXml(text: string): string {
  return encodeXml(
    text.replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu,
      "",
    ),
  );
}

function contentTypes(noted: readonly boolean[]): string {
  const sheetTypes = noted
    .map(
      (hasNotes, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        (hasNotes
          ? `<Override PartName="/xl/comments${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`
          : ""),
    )
    .join("");
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `${sheetTypes}</Types>`
  );
}

function packageRels(): string {
  return (
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    "</Relationships>"
  );
}

function coreProps({ creator, date }: WorkbookProps): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/u, "Z");
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${escapeXml(creator)}</dc:creator><cp:lastModifiedBy>${escapeXml(creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/** A sheet's relationships to its comments part (rId1) and their VML drawing (rId2, the sheet's legacyDrawing). */
function sheetRels(n: number): string {
  return (
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/comments" Target="../comments${n}.xml"/>` +
    `<Relationship Id="rId2" Type="${REL_NS}/vmlDrawing" Target="../drawings/vmlDrawing${n}.vml"/>` +
    "</Relationships>"
  );
}

/** The header cells' notes of a sheet, as a comments part. */
function commentsXml(sheet: SheetSpec): string {
  const comments = sheet.columns
    .map((c, i) =>
      c.note === null
        ? ""
        : `<comment ref="${columnLetter(i)}1" authorId="0"><text><r><t xml:space="preserve">${escapeXml(c.note)}</t></r></text></comment>`,
    )
    .join("");
  return `${XML_HEAD}<comments xmlns="${MAIN_NS}"><authors><author>jixiao</author></authors><commentList>${comments}</commentList></comments>`;
}

/** The VML shapes Excel draws the notes with (hidden until the cell is pointed at); shape ids in block `n`. */
function commentsVml(sheet: SheetSpec, n: number): string {
  const shapes = sheet.columns
    .map((c, i) =>
      c.note === null
        ? ""
        : `<v:shape id="_x0000_s${n * 1024 + 1 + i}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:160pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
          '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
          '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
          `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>${i}</x:Column></x:ClientData></v:shape>`,
    )
    .join("");
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${n}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes}</xml>`
  );
}

function workbookRels(sheets: number): string {
  const rels = Array.from(
    { length: sheets },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("");
  return (
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rels}` +
    `<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`
  );
}

function workbookXml(sheets: readonly SheetSpec[], lastRows: readonly number[]): string {
  const entries = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  const filters = sheets.map((s, i) => {
    const end = `$${columnLetter(s.columns.length - 1)}$${lastRows[i] ?? 1}`;
    const name = `'${s.name.replace(/'/g, "''")}'`;
    return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(name)}!$A$1:${end}</definedName>`;
  });
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
    `<sheets>${entries.join("")}</sheets><definedNames>${filters.join("")}</definedNames></workbook>`
  );
}

/** Three cell formats: the default, the bold header, and amounts (built-in format 4, `#,##0.00`). */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
