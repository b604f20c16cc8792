/**
 * Corpus `shaanxi-jiaxian-2018` (docx library): a 财政支出项目绩效目标申报表 as 陕西省佳县 used it (2018年度),
 * no Part 1. Modelled on the published blank form (docx.baby/p/20793843881926.html): 填报单位(盖章) with the
 * department in the same cell, 项目属性 check boxes, 项目资金申请(万元) with labels ending in a colon
 * (资金总额： / 财政拨款： / 其他：), 长期目标 and 年度目标, then two indicator tables — 长期绩效指标 and 年度绩效指标
 * (一级指标 | 二级指标 | 指标内容 | 指标值 | 备注) — and a closing row 填报人 / 单位负责人 / 填报日期.
 */
import type { Paragraph, Table } from "docx";
import { blank, cont, mergeDown, p, pack, sp, table, th, title, vm } from "../../variants/docx-kit.js";

const W = [1500, 1500, 2600, 1700, 1700];

const LONG: readonly (readonly string[])[] = [
  ["产出指标", "数量指标", "建设高标准农田示范区面积", "≥3000亩", ""],
  ["产出指标", "质量指标", "农田灌溉保证率", "≥75%", ""],
  ["效益指标", "经济效益指标", "示范区粮食亩均增产", "≥50公斤/亩", ""],
  ["效益指标", "可持续影响指标", "农业综合生产能力", "持续提升", ""],
];

const ANNUAL: readonly (readonly string[])[] = [
  ["产出指标", "数量指标", "新建高标准农田示范区面积", "≥1000亩", ""],
  ["产出指标", "数量指标", "推广节水灌溉技术面积", "≥600亩", ""],
  ["产出指标", "质量指标", "工程验收合格率", "100%", ""],
  ["产出指标", "时效指标", "项目完成时间", "2018年11月底前", ""],
  ["产出指标", "成本指标", "亩均建设成本", "≤850元/亩", "按省定标准"],
  ["效益指标", "社会效益指标", "受益农户数", "≥420户", ""],
  ["满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", ""],
];

function indicators(caption: string, rows: readonly (readonly string[])[]): Table {
  return table(W, [
    [sp(caption, 5, "center")],
    [th("一级指标"), th("二级指标"), th("指标内容"), th("指标值"), th("备注")],
    ...mergeDown(rows, [0]),
  ]);
}

function form(): (Paragraph | Table)[] {
  return [
    title("佳县财政支出项目绩效目标申报表"),
    title("（2018年度）", 28),
    table(W, [
      [sp("填报单位(盖章)：佳县农业局", 5)],
      ["项目名称", sp("高标准农田示范区建设项目", 2), "项目属性", "新增项目□ 延续项目☑"],
      ["主管部门", sp("佳县农业局", 2), "主管部门编码", "612728"],
      ["项目实施单位", sp("佳县农业技术推广中心", 2), "项目负责人", "王建军"],
      ["联系电话", sp("0912-6721234", 2), "项目起止时间", "2018年1月至2018年12月"],
      [vm("项目资金申请(万元)"), "资金总额：", sp("85.00", 3)],
      [cont(), "财政拨款：", sp("60.00", 3)],
      [cont(), "其他：", sp("25.00", 3)],
      [
        vm("项目绩效目标"),
        "长期目标",
        sp("建成连片高标准农田示范区3000亩，农田灌溉保证率达到75%以上，持续提升农业综合生产能力。", 3),
      ],
      [cont(), "年度目标", sp("2018年新建高标准农田示范区1000亩，推广节水灌溉技术600亩，带动420户农户增收。", 3)],
    ]),
    blank(),
    indicators("长期绩效指标", LONG),
    blank(),
    indicators("年度绩效指标", ANNUAL),
    blank(),
    table(W, [
      ["其他说明的问题", sp("无", 4)],
      [sp("填报人：李敏", 2), sp("单位负责人：王建军", 2), "填报日期：2018年1月15日"],
    ]),
    p(""),
  ];
}

/** The fixture's bytes (not yet normalised). */
export function build(): Promise<Buffer> {
  return pack({ title: "佳县财政支出项目绩效目标申报表", creator: "佳县农业局" }, form());
}
