import { describe, expect, it } from "vitest";
import { readerWarnings } from "../../src/read/index.js";

describe("readerWarnings", () => {
  it.each([
    ["Unrecognised paragraph style: 'Body Text' (Style ID: TextBody)", "unmapped-style", "info"],
    ["Unrecognised run style: 'Strong' (Style ID: Strong)", "unmapped-style", "info"],
    ["An unrecognised element was ignored: w:customXml", "unrecognised-element", "warning"],
    ["Image of type image/x-emf is unlikely to display in web browsers", "reader-message", "warning"],
  ])("classifies mammoth's %s", (message, code, severity) => {
    expect(readerWarnings([{ type: "warning", message }])).toMatchObject([{ code, severity }]);
  });
});

describe("reader messages in Chinese", () => {
  it.each([
    [
      "Unrecognised paragraph style: 'Body Text' (Style ID: TextBody)",
      "Word 样式未映射（只影响格式，文字已保留）：段落样式“Body Text”（样式编号 TextBody）没有对应的格式映射。",
    ],
    [
      "An unrecognised element was ignored: w:customXml",
      "Word 文档含有无法识别的元素，其中的文字可能丢失：无法识别的元素 w:customXml 已被忽略。",
    ],
    [
      "Image of type image/x-emf is unlikely to display in web browsers",
      "Word 转换提示：图片类型 image/x-emf 在浏览器中可能无法显示。",
    ],
    [
      "Table style with ID Grid1 was referenced but not defined in the document",
      "Word 转换提示：文档引用了未定义的表格样式（样式编号 Grid1）。",
    ],
    ["Something new from mammoth", "Word 转换提示：原文：Something new from mammoth。"],
  ])("words %s in Chinese and keeps the English in params", (message, chinese) => {
    const [warning] = readerWarnings([{ type: "warning", message }]);
    expect(warning?.message).toBe(chinese);
    expect(warning?.params.message).toBe(message);
  });
});
