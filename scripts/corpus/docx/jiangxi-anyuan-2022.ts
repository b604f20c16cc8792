/**
 * Corpus `jiangxi-anyuan-2022` (docx library): a city-level 项目支出绩效目标申报表（2022年度）, no Part 1, modelled
 * on the published blank form with its 填报说明 (a page excerpt, see fixtures/README.md): 项目预算（万元） over
 * 资金总额 / 其中：市财政资金 / 其他资金：, where this submission leaves 资金总额 BLANK (the total is 财政 + 其他);
 * 项目绩效目标描述 over 总目标 / 本年度目标; a 项目实施进度计划 block (内容 | 开始时间 | 完成时间); two indicator blocks,
 * 总目标绩效指标 and 本年度绩效指标, whose 一级指标 cells carry the template's explanations
 * (`产出（工作量）指标（数量、质量、成本方面的指标）`); then the 审核意见 block (主管部门 / 第三方机构 / 市财政局, each
 * with 审核人 and 日期) and 填报人及联系电话 / 填报日期.
 */
import type { Paragraph, Table } from "docx";
import { blank, type Cell, cont, mergeDown, pack, sp, table, th, title, vm } from "../../variants/docx-kit.js";

const W = [1500, 1500, 2400, 1400, 1000, 1200];

const OUTPUT = "产出（工作量）指标（数量、质量、成本方面的指标）";
const EFFECT = "效益指标（经济效益、社会效益、环境效益、可持续影响等方面指标）";
const SATISFACTION = "满意度指标";

const OVERALL: readonly (readonly string[])[] = [
  [OUTPUT, "数量指标", "城区公厕提质改造座数", "≥60座", ""],
  [EFFECT, "社会效益指标", "城区公厕服务水平", "显著提升", ""],
  [SATISFACTION, "服务对象满意度指标", "市民如厕满意度", "≥90%", ""],
];

const ANNUAL: readonly (readonly string[])[] = [
  [OUTPUT, "数量指标", "运营维护公厕座数", "≥48座", ""],
  [OUTPUT, "质量指标", "公厕保洁达标率", "≥95%", "按环卫作业标准"],
  [OUTPUT, "成本指标", "单座年运营维护成本", "≤0.73万元/座", ""],
  [EFFECT, "社会效益指标", "公厕开放时长", "≥16小时/天", ""],
  [EFFECT, "可持续影响指标", "公厕长效管护机制", "建立健全", ""],
  [SATISFACTION, "服务对象满意度指标", "市民如厕满意度", "≥90%", ""],
];

/** An indicator block: a caption row, the header, and the rows (一级 merged down, 指标内容 two columns wide). */
function block(caption: string, rows: readonly (readonly string[])[]): Cell[][] {
  const merged = mergeDown(rows, [0]);
  return [
    [sp(caption, 6, "center")],
    [th("一级指标"), th("二级指标"), th("指标内容", 2), th("指标值"), th("备注")],
    ...merged.map(([level1, level2, name, value, note]) => [level1!, level2!, sp(String(name), 2), value!, note!]),
  ];
}

function form(): (Paragraph | Table)[] {
  return [
    title("项目支出绩效目标申报表"),
    title("（2022年度）", 28),
    table(W, [
      [sp("填报单位：萍乡市安源区城市管理局", 6)],
      ["项目名称", sp("城区公厕运营维护", 2), "项目属性", sp("新增项目□ 延续项目☑", 2)],
      ["主管部门", sp("萍乡市安源区城市管理局", 2), "项目负责人", "李伟", "电话：0799-6661230"],
      ["项目起止时间", sp("2022年1月至2022年12月", 5)],
      [vm("项目预算（万元）"), "资金总额", sp("", 4)],
      [cont(), "其中：市财政资金", sp("30", 4)],
      [cont(), "其他资金：", sp("5", 4)],
      [
        vm("项目绩效目标描述"),
        "总目标",
        sp("三年内完成城区60座公厕提质改造，建立公厕长效管护机制，提升城市公共服务水平。", 4),
      ],
      [cont(), "本年度目标", sp("做好城区48座公厕日常运营维护，保洁达标率95%以上，市民满意度90%以上。", 4)],
      [vm("项目实施进度计划"), "项目实施进度内容", sp("开始时间", 2), sp("完成时间", 2)],
      [cont(), "1.公厕保洁及设施维护", sp("2022年1月", 2), sp("2022年12月", 2)],
      [cont(), "2.公厕运营考核", sp("2022年3月", 2), sp("2022年12月", 2)],
    ]),
    blank(),
    table(W, [
      ...block("总目标绩效指标", OVERALL),
      ...block("本年度绩效指标", ANNUAL),
      [vm("审核意见"), "主管部门审核意见", sp("审核人：　　　　日期：", 4)],
      [cont(), "第三方机构审核意见", sp("审核人：　　　　日期：", 4)],
      [cont(), "市财政局审核意见", sp("业务科室审核人：　　　　日期：\n绩效科审核人：　　　　日期：", 4)],
      [sp("填报人及联系电话：张敏 0799-6661234", 3), sp("填报日期：2021年11月25日", 3)],
    ]),
  ];
}

/** The fixture's bytes (not yet normalised). */
export function build(): Promise<Buffer> {
  return pack({ title: "项目支出绩效目标申报表", creator: "萍乡市安源区城市管理局" }, form());
}
