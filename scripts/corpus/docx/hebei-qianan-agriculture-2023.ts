/**
 * Corpus `hebei-qianan-agriculture-2023` (docx library): 迁安市农业农村局 2023, the reference's family.
 * The department line above each header table is a PARAGRAPH `305001迁安市农业农村局本级⇥单位：元` (a tab
 * between department and unit), not a borderless table. Part 1 separates levels with `——` in one project
 * and the full-width `－` in the other, writes `，指标值：≥42万亩`, `目标值为80批次以上` and `达到95%`, and
 * declares counts in Chinese numerals (`下设六个二、三级指标`). Planted: 政策宣传场次 is ≥12次 in Part 1 and
 * ≥12场 in the table (unit mismatch); the table's 执法长效机制 is not in Part 1 (missing in narrative).
 */
import { Paragraph, Tab, type Table, TextRun } from "docx";
import { type ReferenceHeader, referenceHeader, referenceIndicatorTable } from "../../variants/docx/common.js";
import { h, p, pack } from "../../variants/docx-kit.js";

const DEPARTMENT = "305001迁安市农业农村局本级";

const BUTIE: readonly (readonly string[])[] = [
  ["产出指标", "数量指标", "补贴面积核查", "核查耕地地力保护补贴面积", "≥42万亩", "上年补贴面积"],
  ["产出指标", "数量指标", "政策宣传场次", "开展补贴政策宣传场次", "≥12场", "工作计划"],
  ["产出指标", "质量指标", "补贴面积核实准确率", "补贴面积核实无误的比例", "≥99%", "工作要求"],
  ["产出指标", "时效指标", "补贴资金兑付时间", "补贴资金兑付到户时间", "2023年6月底前", "省厅通知"],
  ["效益指标", "经济效益指标", "亩均补贴标准", "每亩耕地补贴金额", "≥110元/亩", "省厅通知"],
  ["满意度指标", "服务对象满意度指标", "种粮农民满意度", "种粮农民问卷满意度", "≥90%", "问卷调查"],
];

const ZHIFA: readonly (readonly string[])[] = [
  ["产出指标", "数量指标", "执法检查批次", "全年农资市场执法检查批次", "≥80批次", "执法计划"],
  ["产出指标", "质量指标", "案件办结率", "立案案件按期办结比例", "100%", "执法要求"],
  ["产出指标", "时效指标", "投诉举报处理及时率", "投诉举报按时限处理比例", "≥95%", "执法要求"],
  ["效益指标", "社会效益指标", "农资质量抽检合格率", "农资产品抽检合格比例", "≥96%", "往年数据"],
  ["效益指标", "可持续影响指标", "执法长效机制", "农业执法长效机制建设情况", "健全完善", "工作实际"],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "群众问卷满意度", "≥90%", "问卷调查"],
];

/** The reference header with the department line as a paragraph (department, a tab, the unit). */
function header(h: ReferenceHeader): (Paragraph | Table)[] {
  const [title, , table, blank] = referenceHeader(h);
  const line = new Paragraph({
    children: [new TextRun({ text: h.department }), new TextRun({ children: [new Tab(), h.unit] })],
  });
  return [title!, line, table!, blank!];
}

function part1(): Paragraph[] {
  return [
    h("第一部分", 1),
    h("部门整体绩效目标", 1),
    h("一、总体绩效目标"),
    p("落实强农惠农政策，保障耕地地力保护补贴按时足额发放；强化农业综合行政执法，保障农资质量安全和农民合法权益。"),
    h("二、分项绩效目标"),
    p("2023年我局安排项目支出53万元，其中：耕地地力保护补贴工作经费35万元，农业综合行政执法经费18万元。"),
    p("（一）耕地地力保护补贴工作经费35万元"),
    p("绩效目标：完成全市耕地地力保护补贴面积核查和政策宣传，补贴资金按时兑付到户。"),
    p("绩效指标：项目设置三个一级指标，下设六个二、三级指标。"),
    p("1.产出指标——数量指标——补贴面积核查，指标值：≥42万亩；"),
    p("2.产出指标——数量指标——政策宣传场次，指标值：≥12次；"),
    p("3.产出指标——质量指标——补贴面积核实准确率，指标值：≥99%；"),
    p("4.产出指标——时效指标——补贴资金兑付时间，指标值：2023年6月底前；"),
    p("5.效益指标——经济效益指标——亩均补贴标准，指标值：≥110元/亩；"),
    p("6.满意度指标——服务对象满意度指标——种粮农民满意度，指标值：≥90%。"),
    p("（二）农业综合行政执法经费18万元"),
    p("绩效目标：开展农资市场执法检查，及时处理投诉举报，保障农资质量安全。"),
    p("绩效指标：项目设置三个一级指标，下设五个二、三级指标。"),
    p("（1）产出指标－数量指标－执法检查批次，目标值为80批次以上。"),
    p("（2）产出指标－质量指标－案件办结率，目标值为100%。"),
    p("（3）产出指标－时效指标－投诉举报处理及时率达到95%。"),
    p("（4）效益指标－社会效益指标－农资质量抽检合格率，目标值为96%以上。"),
    p("（5）满意度指标－服务对象满意度指标－群众满意度，目标值为90%以上。"),
    h("三、工作保障措施"),
    p("加强项目资金管理，严格执行补贴资金兑付程序，规范执法行为，及时开展绩效自评。"),
  ];
}

function part2(): (Paragraph | Table)[] {
  return [
    h("第二部分", 1),
    h("预算项目绩效目标", 1),
    ...header({
      title: "1.耕地地力保护补贴工作经费绩效目标表",
      department: DEPARTMENT,
      unit: "单位：元",
      code: "13028323P00NYJ0000201",
      name: "耕地地力保护补贴工作经费",
      total: "350000.00",
      fiscal: "350000.00",
      other: "",
      purpose: "用于补贴面积核查、政策宣传及资金兑付工作支出。",
      spendPlan: [
        ["3月底", "40%"],
        ["6月底", "80%"],
        ["9月底", "90%"],
        ["12月底", "100%"],
      ],
      goals: ["1.完成补贴面积核查42万亩以上；", "2.补贴资金2023年6月底前兑付到户。"],
    }),
    referenceIndicatorTable(BUTIE),
    p(""),
    ...header({
      title: "2.农业综合行政执法经费绩效目标表",
      department: DEPARTMENT,
      unit: "单位：元",
      code: "13028323P00NYJ0000202",
      name: "农业综合行政执法经费",
      total: "180000.00",
      fiscal: "180000.00",
      other: "",
      purpose: "用于农资市场执法检查、抽检及案件办理支出。",
      spendPlan: [
        ["3月底", "25%"],
        ["6月底", "50%"],
        ["9月底", "75%"],
        ["12月底", "100%"],
      ],
      goals: ["1.全年开展执法检查80批次以上；", "2.农资质量抽检合格率96%以上。"],
    }),
    referenceIndicatorTable(ZHIFA),
  ];
}

/** The fixture's bytes (not yet normalised). */
export function build(): Promise<Buffer> {
  return pack({ title: "迁安市农业农村局2023年部门预算绩效目标", creator: "迁安市农业农村局" }, [
    ...part1(),
    ...part2(),
  ]);
}
