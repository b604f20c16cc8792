/**
 * Message parameters are typed per rule id and warning code. The `@ts-expect-error` lines below are the test:
 * `tsc -p tsconfig.json` (part of `npm test`) fails if any of them stops being an error, i.e. if a misspelt,
 * missing or extra parameter, or an unknown id, would compile again. The runtime cases check the tables and
 * the schema enums agree.
 */
import { describe, expect, it } from "vitest";
import { RULE_IDS, WARNING_CODES } from "../../src/model/codes.js";
import { FindingSchema, RuleIdSchema, WarningCodeSchema, WarningSchema } from "../../src/model/schema.js";
import { WARNINGS, type WarningParams, warning } from "../../src/model/warnings.js";
import { finding } from "../../src/reconcile/finding.js";
import { RULES, type RuleParams } from "../../src/reconcile/messages.js";

/**
 * Each `@ts-expect-error` is checked by tsc. The calls are thunks: run, the misspelt ones show what the types
 * prevent (an unknown id would throw).
 */
const total: RuleParams<"total-mismatch"> = { total: 1, against: "table", sum: 2 };
const rowParams: WarningParams<"ragged-row"> = { table: 1, row: 2, expected: 3, actual: 4 };
const CALLS = {
  good: () => finding("total-mismatch", null, total),
  // @ts-expect-error a misspelt parameter (againts) does not compile
  misspelt: () => finding("total-mismatch", null, { total: 1, againts: "table", sum: 2 }),
  // @ts-expect-error a missing parameter does not compile
  missing: () => finding("budget-mismatch", null, { narrative: 1 }),
  // @ts-expect-error a parameter of the wrong type does not compile
  wrongType: () => finding("budget-mismatch", null, { narrative: "1", table: 2 }),
  // @ts-expect-error an unknown rule id does not compile
  unknownRule: () => finding("total-budget-mismatch", null, { total: 1 }),
  readMisspelt: (p: RuleParams<"total-mismatch">) =>
    // @ts-expect-error a message reading a misspelt parameter does not compile
    `${p.againts}`,
  warningGood: () => [warning("ragged-row", null, rowParams), warning("no-part2")],
  // @ts-expect-error a warning with parameters needs them
  warningMissing: () => warning("ragged-row", null),
  // @ts-expect-error a misspelt warning parameter does not compile
  warningMisspelt: () => warning("unknown-money-unit", null, { unit: "千元" }),
  // @ts-expect-error a warning without parameters takes none
  warningExtra: () => warning("no-part1", null, { sentence: "x" }),
};

describe("typed messages", () => {
  it("would print 'undefined' for a misspelt parameter, which is why it does not compile", () => {
    expect(CALLS.good().message).toBe("第一部分所述项目支出总额 1 元与第二部分各项目预算数之和 2 元不一致。");
    expect(CALLS.misspelt().message).toBe("第一部分所述项目支出总额 1 元与undefined 2 元不一致。");
    expect(CALLS.missing().message).toContain("undefined");
    expect(CALLS.readMisspelt(total)).toBe("undefined");
    expect(CALLS.warningMisspelt().message).toContain("undefined");
    expect(() => CALLS.unknownRule()).toThrow();
    expect(CALLS.warningGood().map((w) => w.code)).toEqual(["ragged-row", "no-part2"]);
    expect(CALLS.wrongType().params).toEqual({ narrative: "1", table: 2 });
    expect(CALLS.warningMissing().message).toContain("undefined");
    expect(CALLS.warningExtra().params).toEqual({ sentence: "x" });
  });

  it("has wording for exactly the ids of the schema enums", () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
    expect(Object.keys(WARNINGS).sort()).toEqual([...WARNING_CODES].sort());
    expect(RuleIdSchema.options).toEqual([...RULE_IDS]);
    expect(WarningCodeSchema.options).toEqual([...WARNING_CODES]);
  });

  it("builds the message from the typed parameters and keeps them as data", () => {
    const f = finding("total-mismatch", null, { total: 100, against: "table", sum: 90 });
    expect(f.message).toBe("第一部分所述项目支出总额 100 元与第二部分各项目预算数之和 90 元不一致。");
    expect(f.params).toEqual({ total: 100, against: "table", sum: 90 });
    expect(FindingSchema.parse(f)).toEqual(f);
    const w = warning("unknown-money-unit", { table: 0, row: 1, col: 2 }, { raw: "千元" });
    expect(w.message).toBe("金额单位“千元”无法识别，金额按“元”处理。");
    expect(WarningSchema.parse(w)).toEqual(w);
    expect(warning("no-part2").params).toEqual({});
  });

  it("rejects an unknown rule id or warning code in a document", () => {
    const f = finding("budget-mismatch", null, { narrative: 1, table: 2 });
    expect(FindingSchema.safeParse({ ...f, rule: "total-budget-mismatch" }).success).toBe(false);
    expect(WarningSchema.safeParse({ ...warning("no-part1"), code: "no-part3" }).success).toBe(false);
  });
});
