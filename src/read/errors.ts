/** Why an input could not be read at all. */
export type ReadErrorCode = "empty-file" | "not-word-document" | "libreoffice-missing" | "conversion-failed";

const MESSAGES = {
  "empty-file": "文件为空。 (The file is empty.)",
  "not-word-document": "不是 Word 文档（既非 .docx 压缩包，也非 .doc 文件）。 (Not a Word document.)",
  "libreoffice-missing":
    "读取旧版 .doc 需要 LibreOffice：请安装 `apt-get install libreoffice-writer`。 (LibreOffice is needed to read .doc files.)",
  "conversion-failed": "LibreOffice 未能把 .doc 转换为 .docx。 (LibreOffice could not convert the .doc file.)",
} satisfies Record<ReadErrorCode, string>;

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
