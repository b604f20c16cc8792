/** Why an input could not be read at all: a stable code, with a message in Chinese and English. */
const MESSAGES = {
  "empty-file": "文件为空。 (The file is empty.)",
  "not-word-document":
    "不是可读取的文档（不是 Word、WPS、OpenDocument、RTF 文件，也不是 Excel 工作簿）。 (Not a document jixiao reads: no Word, WPS, OpenDocument, RTF or Excel content.)",
  "pdf-file": "这是 PDF 文件，不是 Word 文档；请提供原始的 .docx/.doc 文件。 (This is a PDF, not a Word document.)",
  "image-file": "这是图片文件，不是 Word 文档。 (This is an image, not a Word document.)",
  "other-office-file":
    "这是演示文稿（PowerPoint 或 OpenDocument 演示/绘图）文件，不是 Word 文档或 Excel 工作簿。 (A presentation or drawing, not a Word document or a workbook.)",
  "corrupt-workbook": "Excel 工作簿已损坏，无法解析。 (The workbook is damaged and cannot be parsed.)",
  "empty-workbook": "Excel 工作簿中没有可读取的（未隐藏的）工作表。 (The workbook has no visible worksheet to read.)",
  "wps-unreadable":
    "这是 WPS Office 自有格式的文件，LibreOffice 无法读取；请在 WPS 中“另存为” .docx 后再处理。 (A WPS Office file in WPS's own format, which LibreOffice cannot read; save it as .docx in WPS.)",
  "password-protected":
    "文件已加密（设置了打开密码），无法读取；请提供未加密的文件。 (The file is password-protected.)",
  "zip-without-document": "压缩包中没有 word/document.xml，不是完整的 .docx 文件。 (A zip without word/document.xml.)",
  "corrupt-zip": ".docx 文件已损坏或不完整（可能下载或复制时被截断）。 (The .docx is truncated or corrupt.)",
  "corrupt-doc": ".doc 文件已损坏或不完整（可能下载或复制时被截断）。 (The .doc file is truncated or corrupt.)",
  "corrupt-document":
    "Word 文档内部的内容已损坏，无法解析（例如 XML 不完整）。 (The document's content is damaged and cannot be parsed.)",
  "unsafe-xml":
    "文档的 XML 含有 DOCTYPE 声明（Word 从不写入，可能是恶意文件），已拒绝读取。 (The document's XML declares a DOCTYPE, which Word never writes; refused.)",
  "zip-bomb": "压缩包解压后过大，已拒绝读取（可能是恶意文件）。 (The zip would expand beyond the limit; refused.)",
  "lock-file": "这是 Word 打开文档时留下的锁定文件（~$ 开头），不是文档本身。 (A Word lock file, not a document.)",
  "libreoffice-missing":
    "读取 .doc、.wps、.odt、.rtf 需要 LibreOffice（apt-get install libreoffice-writer），读取 .xls、.et 需要 libreoffice-calc。 (LibreOffice is needed to read .doc/.wps/.odt/.rtf (libreoffice-writer) and .xls/.et (libreoffice-calc) files.)",
  "conversion-failed": "LibreOffice 未能转换该文件（.docx 或 .xlsx）。 (LibreOffice could not convert the file.)",
  "conversion-interrupted":
    "LibreOffice 转换时被中断（例如按了 Ctrl-C），下次运行时会重新处理。 (LibreOffice was interrupted; the file is retried on the next run.)",
} satisfies Record<string, string>;

/** The stable code of a read failure. */
export type ReadErrorCode = keyof typeof MESSAGES;

/** Thrown by the read stage for input that is not a readable Word document; anything odd inside one is a warning. */
export class ReadError extends Error {
  override readonly name = "ReadError";
  constructor(
    readonly code: ReadErrorCode,
    readonly detail: string | null = null,
  ) {
    super(detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code]);
  }
}
