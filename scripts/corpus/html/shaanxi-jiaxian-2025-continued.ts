/**
 * Corpus `shaanxi-jiaxian-2025-continued` (LibreOffice ← HTML): the 佳县 财政支出项目绩效目标申报表 again, as a
 * 2025 submission would fill it in 元 (`金额单位：元`, amounts with thousands separators `1,260,000.00`), no Part 1.
 * Its 年度绩效指标 table breaks over a page: the second physical table repeats the header row and continues the
 * first one's rows (issue 11 item 8: one logical table may continue in the next physical table). 长期绩效指标 is
 * left out, as many submitters do; 填报人 / 单位负责人 / 填报日期 close the form.
 */
import { cs, htmlTable, mergeRows, page, para, rs } from "../html-kit.js";

const HEADER = ["一级指标", "二级指标", "指标内容", "指标值", "备注"];

const FIRST: readonly (readonly string[])[] = [
  ["产出指标", "数量指标", "改造提升村级卫生室数量", "≥18个", ""],
  ["产出指标", "数量指标", "配置基本医疗设备台套", "≥54台套", ""],
  ["产出指标", "质量指标", "设备验收合格率", "100%", ""],
  ["产出指标", "时效指标", "改造完成时间", "2025年9月底前", ""],
];

const SECOND: readonly (readonly string[])[] = [
  ["产出指标", "成本指标", "单个卫生室改造成本", "≤7万元", ""],
  ["效益指标", "社会效益指标", "村民就近就医率", "≥85%", ""],
  ["效益指标", "可持续影响指标", "村级卫生室运行机制", "长效运行", ""],
  ["满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", ""],
];

/** The HTML page LibreOffice converts. */
export function html(): string {
  const form = htmlTable([
    ["填报单位(盖章)", cs("佳县卫生健康局", 4)],
    ["项目名称", cs("村级卫生室标准化建设项目", 2), "项目属性", "新增项目☑ 延续项目□"],
    ["主管部门", cs("佳县卫生健康局", 2), "项目实施单位", "佳县各镇卫生院"],
    ["项目起止时间", cs("2025年1月至2025年12月", 4)],
    [rs("项目资金申请（元）", 3), "资金总额：", cs("1,260,000.00", 3)],
    [null, "财政拨款：", cs("1,260,000.00", 3)],
    [null, "其他：", cs("", 3)],
    [rs("项目绩效目标", 2), "长期目标", cs("全县村级卫生室全部达到标准化建设要求，群众就近就医更加便利。", 3)],
    [null, "年度目标", cs("2025年改造提升村级卫生室18个，配置基本医疗设备54台套。", 3)],
  ]);
  return page("佳县财政支出项目绩效目标申报表", [
    `<h1>佳县财政支出项目绩效目标申报表</h1>`,
    para("（2025年度）"),
    `<p class="right">金额单位：元</p>`,
    form,
    para(""),
    para("年度绩效指标"),
    htmlTable([HEADER, ...mergeRows(FIRST, [0])]),
    `<p style="page-break-before: always"></p>`,
    htmlTable([HEADER, ...mergeRows(SECOND, [0])]),
    para(""),
    htmlTable([["填报人：高强", "单位负责人：薛明", "填报日期：2024年12月10日"]]),
  ]);
}
