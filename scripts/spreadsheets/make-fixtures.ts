/**
 * Writes the spreadsheet 申报表 fixtures (issue 16) into fixtures/spreadsheets/: three real layouts written with
 * exceljs as .xlsx, each also re-saved by LibreOffice as a legacy .xls (what most archives hold). Run from the
 * repository root: `npx tsx scripts/spreadsheets/make-fixtures.ts` (needs libreoffice-calc for the .xls).
 * Their answer keys, test/spreadsheets/<name>.expected.json, are written by hand from the data below.
 *
 * - shenbaobiao-sheets: 项目支出绩效目标申报表, one project per worksheet (two), plus a hidden 填表说明 sheet;
 *   amounts are numbers under a `0.00` format, two 指标值 are numbers under a `0%` format (shown 65%, 100%).
 * - stacked: one worksheet holding three projects one after the other, each with its own 项目名称 and 预算数
 *   rows and its own indicator header; the department code and name in the first row.
 * - zhongqi-niandu: a 中期/年度 form: 中期资金总额 beside 年度资金总额, 中期目标 beside 年度目标, and the
 *   中期 and 年度 indicator sets side by side, in two regions separated by an empty row and a 绩效指标 line.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";

const OUT = "fixtures/spreadsheets";
const FIXED_DATE = new Date(Date.UTC(2024, 0, 15));

type Value = string | number | { value: number; numFmt: string };
type Row = readonly (Value | null)[];

/** A sheet from rows (null = covered by a merge) and merges in A1 notation. */
function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: readonly Row[],
  merges: readonly string[],
  widths: number[],
) {
  const ws = wb.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (typeof value === "object") {
        cell.value = value.value;
        cell.numFmt = value.numFmt;
      } else {
        cell.value = value;
        if (typeof value === "number") cell.numFmt = "0.00";
      }
      cell.alignment = { wrapText: true, vertical: "middle" };
    });
  });
  for (const range of merges) ws.mergeCells(range);
  return ws;
}

const pct = (value: number) => ({ value, numFmt: "0%" });

/**
 * Writes each run of equal, non-empty values in the given columns once and merges it down, as a person lays out
 * 一级指标 and 二级指标 cells: returns the rows with covered cells null and the merged ranges. `top` is the sheet
 * row (1-based) of the first row, `offset` the sheet column (0-based) of the rows' first column.
 */
function mergeDown(
  rows: readonly (readonly Value[])[],
  cols: readonly number[],
  top: number,
  offset = 0,
): { rows: Row[]; merges: string[] } {
  const out: Row[] = rows.map((r) => [...r]);
  const merges: string[] = [];
  const letter = (c: number) => String.fromCharCode(65 + offset + c);
  for (const c of cols) {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      const same = i < rows.length && rows[i]![c] !== "" && rows[i]![c] === rows[start]![c];
      if (same) continue;
      if (i - start > 1) {
        merges.push(`${letter(c)}${top + start}:${letter(c)}${top + i - 1}`);
        for (let k = start + 1; k < i; k++) (out[k] as (Value | null)[])[c] = null;
      }
      start = i;
    }
  }
  return { rows: out, merges };
}

// ── shenbaobiao-sheets ───────────────────────────────────────────────────────────────────────────────────────
interface Form {
  sheet: string;
  name: string;
  implementer: string;
  attribute: string;
  total: number;
  fiscal: number;
  other: number | null;
  superior: number | null;
  overall: string;
  annual: string[];
  indicators: (readonly [string, string, string, Value])[];
}

const DEPT_SG = "韶关市浈江区卫生健康局";
const FORMS: Form[] = [
  {
    sheet: "基本公共卫生服务",
    name: "2024年基本公共卫生服务项目",
    implementer: "浈江区疾病预防控制中心",
    attribute: "经常性项目",
    total: 356.8,
    fiscal: 300,
    other: 0,
    superior: 56.8,
    overall: "落实国家基本公共卫生服务项目，提高居民健康水平，逐步实现基本公共卫生服务均等化。",
    annual: [
      "1.规范建立居民电子健康档案32万份以上，为2.1万名65岁及以上老年人提供健康管理服务；",
      "2.适龄儿童国家免疫规划疫苗接种率保持在90%以上，高血压患者规范管理率达到65%；",
      "3.居民对基本公共卫生服务满意度达到85%以上。",
    ],
    indicators: [
      ["产出指标", "数量指标", "建立居民健康档案人数", "≥32万人"],
      ["产出指标", "数量指标", "65岁及以上老年人健康管理人数", "≥2.1万人"],
      ["产出指标", "质量指标", "适龄儿童国家免疫规划疫苗接种率", "≥90%"],
      ["产出指标", "质量指标", "高血压患者规范管理率", pct(0.65)],
      ["产出指标", "时效指标", "项目资金支付完成时间", "2024年12月31日前"],
      ["产出指标", "成本指标", "人均基本公共卫生服务经费补助标准", "89元/人"],
      ["效益指标", "社会效益指标", "居民健康素养水平", "≥30%"],
      ["满意度指标", "服务对象满意度指标", "居民满意度", "≥85%"],
    ],
  },
  {
    sheet: "家庭医生签约服务",
    name: "2024年家庭医生签约服务经费",
    implementer: "韶关市浈江区卫生健康局",
    attribute: "经常性项目",
    total: 80,
    fiscal: 80,
    other: null,
    superior: null,
    overall: "推进家庭医生签约服务，为签约居民提供基本医疗、公共卫生和健康管理服务。",
    annual: ["1.家庭医生签约服务人数12万人以上，重点人群签约覆盖率75%以上；", "2.签约居民满意度达到90%以上。"],
    indicators: [
      ["产出指标", "数量指标", "家庭医生签约服务人数", "≥12万人"],
      ["产出指标", "质量指标", "重点人群签约覆盖率", "≥75%"],
      ["产出指标", "时效指标", "签约服务经费拨付及时率", pct(1)],
      ["产出指标", "成本指标", "签约服务经费", "≤80万元"],
      ["效益指标", "社会效益指标", "签约居民就诊转诊便利程度", "明显提升"],
      ["满意度指标", "服务对象满意度指标", "签约居民满意度", "≥90%"],
    ],
  },
];

function shenbaobiao(wb: ExcelJS.Workbook): void {
  const money = (v: number | null): Value => (v === null ? "" : { value: v, numFmt: "0.00" });
  for (const f of FORMS) {
    const top = 14; // first indicator row (1-based)
    const indicators = mergeDown(f.indicators, [0], top, 1);
    const rows: Row[] = [
      ["项目支出绩效目标申报表", null, null, null, null],
      ["（2024年度）", null, null, null, null],
      [`填报单位（盖章）：${DEPT_SG}`, null, null, "单位：万元", null],
      ["项目名称", f.name, null, null, null],
      ["主管部门", DEPT_SG, "实施单位", f.implementer, null],
      ["项目属性", f.attribute, "项目期", "1年", null],
      ["资金情况", "年度资金总额", money(f.total), null, null],
      [null, "其中：财政拨款", money(f.fiscal), null, null],
      [null, "其他资金", money(f.other), null, null],
      [null, "上级资金", money(f.superior), null, null],
      ["总体目标", f.overall, null, null, null],
      ["年度目标", f.annual.join("\n"), null, null, null],
      ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
      ...indicators.rows.map((row) => [null, ...row]),
      [],
      ["填报人：李静　　联系电话：0751-8888666　　填报日期：2023年11月15日", null, null, null, null],
    ];
    const last = top + f.indicators.length - 1;
    const merges = [
      "A1:E1",
      "A2:E2",
      "A3:C3",
      "D3:E3",
      "B4:E4",
      "D5:E5",
      "D6:E6",
      "A7:A10",
      "C7:E7",
      "C8:E8",
      "C9:E9",
      "C10:E10",
      "B11:E11",
      "B12:E12",
      `A13:A${last}`,
      ...indicators.merges,
      `A${last + 2}:E${last + 2}`,
    ];
    addSheet(wb, f.sheet, rows, merges, [14, 16, 18, 30, 16]);
  }
  const notes = addSheet(wb, "填表说明", [["本表金额单位为万元；指标值应量化填写。"]], [], [60]);
  notes.state = "hidden";
}

// ── stacked ──────────────────────────────────────────────────────────────────────────────────────────────────
interface Stacked {
  name: string;
  budget: number;
  fiscal: number;
  indicators: (readonly [string, string, string, string])[];
}
const STACKED: Stacked[] = [
  {
    name: "耕地地力保护补贴工作经费",
    budget: 35,
    fiscal: 35,
    indicators: [
      ["产出指标", "数量指标", "补贴面积核实乡镇数", "≥12个"],
      ["产出指标", "质量指标", "补贴资金兑付准确率", "100%"],
      ["产出指标", "时效指标", "补贴资金兑付完成时间", "2022年6月底前"],
      ["效益指标", "社会效益指标", "耕地保护意识", "明显增强"],
      ["满意度指标", "服务对象满意度指标", "种粮农户满意度", "≥90%"],
    ],
  },
  {
    name: "农产品质量安全监管经费",
    budget: 48.5,
    fiscal: 48.5,
    indicators: [
      ["产出指标", "数量指标", "农产品抽检批次", "≥600批次"],
      ["产出指标", "数量指标", "监管培训人次", "≥300人次"],
      ["产出指标", "质量指标", "抽检合格率", "≥98%"],
      ["效益指标", "社会效益指标", "农产品质量安全事件发生次数", "0次"],
    ],
  },
  {
    name: "动物疫病防控经费",
    budget: 62,
    fiscal: 62,
    indicators: [
      ["产出指标", "数量指标", "强制免疫动物数量", "≥85万头（只）"],
      ["产出指标", "质量指标", "免疫密度", "≥90%"],
      ["效益指标", "社会效益指标", "重大动物疫情发生次数", "0次"],
      ["效益指标", "可持续影响指标", "动物防疫体系", "持续完善"],
      ["满意度指标", "服务对象满意度指标", "养殖户满意度", "≥85%"],
    ],
  },
];

function stacked(wb: ExcelJS.Workbook): void {
  const rows: Row[] = [
    ["2022年度部门项目绩效目标表", null, null, null],
    ["510802001广元市利州区农业农村局本级", null, null, "单位：万元"],
  ];
  const merges = ["A1:D1", "A2:C2"];
  for (const p of STACKED) {
    rows.push(["项目名称", p.name, null, null]);
    merges.push(`B${rows.length}:D${rows.length}`);
    rows.push(["预算数", { value: p.budget, numFmt: "0.00" }, "其中：财政拨款", { value: p.fiscal, numFmt: "0.00" }]);
    rows.push(["一级指标", "二级指标", "三级指标", "指标值"]);
    const indicators = mergeDown(p.indicators, [0], rows.length + 1);
    rows.push(...indicators.rows);
    merges.push(...indicators.merges);
  }
  addSheet(wb, "项目绩效目标", rows, merges, [16, 20, 30, 18]);
}

// ── zhongqi-niandu ───────────────────────────────────────────────────────────────────────────────────────────
const MID = [
  "目标1：2024—2026年完成中小河流治理河长45公里，新建加固堤防30公里；",
  "目标2：治理河段防洪标准达到20年一遇，保护人口8万人；",
  "目标3：建立河道长效管护机制。",
];
const ANNUAL = [
  "目标1：2024年完成中小河流治理河长15公里，新建加固堤防10公里；",
  "目标2：工程质量合格率100%，2024年11月底前完成年度工程量；",
  "目标3：受益群众满意度90%以上。",
];
/** 一级指标 | 中期: 二级 | 三级 | 指标值 | 年度: 二级 | 三级 | 指标值. */
const SIDE_BY_SIDE: (readonly string[])[] = [
  ["产出指标", "数量指标", "治理河道长度", "≥45公里", "数量指标", "治理河道长度", "≥15公里"],
  ["产出指标", "数量指标", "新建加固堤防长度", "≥30公里", "数量指标", "新建加固堤防长度", "≥10公里"],
  ["产出指标", "质量指标", "工程质量合格率", "100%", "质量指标", "工程质量合格率", "100%"],
  ["产出指标", "时效指标", "工程完工时间", "2026年12月底前", "时效指标", "年度工程量完成时间", "2024年11月底前"],
  ["效益指标", "社会效益指标", "保护人口", "≥8万人", "社会效益指标", "保护人口", "≥3万人"],
  ["效益指标", "可持续影响指标", "河道管护机制", "长效运行", "", "", ""],
  ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "服务对象满意度指标", "受益群众满意度", "≥90%"],
];

function zhongqiNiandu(wb: ExcelJS.Workbook): void {
  const money = (v: number): Value => ({ value: v, numFmt: "#,##0.00" });
  const rows: Row[] = [
    ["项目支出绩效目标表", null, null, null, null],
    ["（2024—2026年度）", null, null, null, null],
    ["填报单位（盖章）：龙游县水利局", null, null, null, null],
    ["项目名称", "龙游县中小河流治理工程", null, null, null],
    ["主管部门及代码", "[207]龙游县水利局", "实施单位", "龙游县水利工程建设中心", null],
    ["项目属性", "新增项目", "项目期", "3年（2024—2026年）", null],
    ["项目资金（万元）", "中期资金总额", money(5400), "年度资金总额", money(1800)],
    [null, "其中：财政拨款", money(4500), "其中：财政拨款", money(1500)],
    [null, "其他资金", money(900), "其他资金", money(300)],
    ["总体目标", "中期目标（2024年—2026年）", null, "年度目标", null],
    [null, MID.join("\n"), null, ANNUAL.join("\n"), null],
    [],
    ["绩效指标", null, null, null, null],
    [],
  ];
  const merges = ["A1:E1", "A2:E2", "A3:E3", "B4:E4", "D5:E5", "D6:E6", "A7:A9", "A10:A11", "B10:C10", "D10:E10"];
  merges.push("B11:C11", "D11:E11");
  rows.push(["一级指标", "中期目标", null, null, "年度目标", null, null]);
  rows.push([null, "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"]);
  const head = rows.length - 1; // 1-based row of the group row
  merges.push(`A${head}:A${head + 1}`, `B${head}:D${head}`, `E${head}:G${head}`);
  const indicators = mergeDown(SIDE_BY_SIDE, [0, 1, 4], rows.length + 1);
  rows.push(...indicators.rows);
  merges.push(...indicators.merges);
  addSheet(wb, "项目绩效目标表", rows, merges, [14, 16, 20, 14, 16, 20, 14]);
}

async function write(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao fixtures";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  build(wb);
  const xlsx = join(OUT, `${name}.xlsx`);
  await wb.xlsx.writeFile(xlsx);
  const dir = mkdtempSync(join(tmpdir(), "jixiao-fixture-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xls:MS Excel 97",
        "--outdir",
        dir,
        xlsx,
      ],
      { stdio: "ignore" },
    );
    renameSync(join(dir, `${name}.xls`), join(OUT, `${name}.xls`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(OUT, { recursive: true });
await write("shenbaobiao-sheets", shenbaobiao);
await write("stacked", stacked);
await write("zhongqi-niandu", zhongqiNiandu);
