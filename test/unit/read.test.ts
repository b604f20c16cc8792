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
