/**
 * Corpus `hunan-ningxiang-2021` (LibreOffice ← HTML): a 项目绩效目标表（2021年度） of a town government in
 * 宁乡市 (湖南), no Part 1, modelled on the published one (renrendoc.com/paper/307484460.html): everything in
 * ONE table — 填报单位（盖章）：… sharing its cell, 年度资金总额及构成 with amounts written with commentary
 * (`854万元(其中：上级补助400万元，本级安排454万元)`, `654万元（其中：上级财政资金：400万元；本级财政：254万元）`),
 * 长期目标 / 年度目标, then the 长期绩效指标 and 年度绩效指标 blocks, each under a label merged down the left
 * column with its own 一级指标 | 二级指标 | 指标内容 | 指标值 | 备注 header, and a closing 填报人 row.
 */
import { cs, type HtmlCellOrCovered, htmlTable, mergeRows, page, para, rs } from "../html-kit.js";

const HEADER = ["一级指标", "二级指标", "指标内容", "指标值", "备注"];

const LONG: readonly (readonly string[])[] = [
  ["产出指标", "数量指标", "镇域道路提质改造里程", "≥12公里", ""],
  ["产出指标", "质量指标", "工程验收合格率", "100%", ""],
  ["效益指标", "社会效益指标", "群众出行条件", "明显改善", ""],
];

const ANNUAL: readonly (readonly string[])[] = [
  ["产出指标", "数量指标", "年度道路提质改造里程", "≥3.5公里", ""],
  ["产出指标", "质量指标", "工程验收合格率", "100%", ""],
  ["产出指标", "时效指标", "工程完工时间", "2021年10月底前", ""],
  ["产出指标", "成本指标", "每公里改造成本", "≤180万元/公里", "含配套排水"],
  ["效益指标", "社会效益指标", "受益群众人数", "≥2000人", ""],
  ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", ""],
];

/** An indicator block: its label merged down the left column over the header and the rows. */
function block(label: string, rows: readonly (readonly string[])[]): HtmlCellOrCovered[][] {
  const merged = mergeRows(rows, [0]);
  return [[rs(label, rows.length + 1), ...HEADER], ...merged.map((row) => [null, ...row])];
}

/** The HTML page LibreOffice converts. */
export function html(): string {
  const table = htmlTable([
    [cs("填报单位（盖章）：宁乡市坝塘镇人民政府", 6)],
    ["项目名称", cs("镇域内道路提质改造项目", 2), "项目属性", cs("新增项目□延续项目√", 2)],
    ["主管部门", cs("宁乡市坝塘镇人民政府", 2), "主管部门编码", cs("430182", 2)],
    ["项目单位", cs("宁乡市坝塘镇人民政府", 2), "项目负责人", cs("周立新", 2)],
    ["联系电话", cs("0731-87561234", 2), "项目起止时间", cs("2021年1月—2021年12月", 2)],
    [rs("年度资金总额及构成", 4), "总额", cs("854万元(其中：上级补助400万元，本级安排454万元)", 4)],
    [null, "财政拨款", cs("654万元（其中：上级财政资金：400万元；本级财政：254万元）", 4)],
    [null, "自有资金", cs("0万元", 4)],
    [null, "其他", cs("200万元", 4)],
    ["项目概况", cs("对镇域内通村公路、组级道路实施提质改造，配套建设排水及安全设施。", 5)],
    [rs("项目绩效目标", 2), "长期目标", cs("三年内完成镇域12公里道路提质改造，改善群众出行条件。", 4)],
    [null, "年度目标", cs("2021年完成道路提质改造3.5公里，10月底前完工并通过验收。", 4)],
    ...block("长期绩效指标", LONG),
    ...block("年度绩效指标", ANNUAL),
    [cs("填报人：刘芳　　联系电话：0731-87561235　　填报日期：2021年1月8日", 6)],
  ]);
  return page("项目绩效目标表（2021年度）", [`<h1>项目绩效目标表</h1>`, para("（2021年度）"), table]);
}
