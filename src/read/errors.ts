/** Why an input could not be read at all: a stable code, with a message in Chinese and English. */
const MESSAGES = {
  "empty-file": "文件为空。 (The file is empty.)",
  "not-word-document": "不是 Word 文档（既非 .docx 压缩包，也非 .doc 文件）。 (Not a Word document.)",
  "pdf-file": "这是 PDF 文件，不是 Word 文档；请提供原始的 .docx/.doc 文件。 (This is a PDF, not a Word document.)",
  "image-file": "这是图片文件，不是 Word 文档。 (This is an image, not a Word document.)",
  "other-office-file":
    "这是 Excel 或 PowerPoint 文件，不是 Word 文档。 (An Excel or PowerPoint file, not a Word document.)",
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
    "读取旧版 .doc 需要 LibreOffice：请安装 `apt-get install libreoffice-writer`。 (LibreOffice is needed to read .doc files.)",
  "conversion-failed": "LibreOffice 未能把文件转换为 .docx。 (LibreOffice could not convert the file.)",
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
