/**
 * Corpus `gansu-jiayuguan-2023` (docx library): two 省级部门预算项目支出绩效目标表（2023年度） of 嘉峪关 (甘肃),
 * no Part 1, modelled on the published text (bigxun.com/view/1667741699571552258): one table per project with
 * label | value pairs (一级项目名称 / 二级项目名称, 项目总投资 / 中央补助安排 / 省级财政安排 / 其他资金 / 预算申报数, amounts
 * written with 万元 in the cell), 年度绩效目标, then 一级指标 | 二级指标 | 三级指标 | 指标目标值 with values in the
 * budget system's style (`=300天`, `=100百分比`, `≥99百分比`) and 成本指标 as a 一级指标.
 */
import type { Paragraph, Table } from "docx";
import { blank, mergeDown, pack, pageBreak, sp, table, th, title } from "../../variants/docx-kit.js";

interface Form {
  readonly program: string;
  readonly name: string;
  readonly kind: string;
  readonly category: string;
  readonly total: string;
  readonly central: string;
  readonly provincial: string;
  readonly other: string;
  readonly implementer: string;
  readonly situation: string;
  readonly goal: string;
  readonly rows: readonly (readonly string[])[];
}

const W = [1800, 2700, 1800, 2700];

const FORMS: readonly Form[] = [
  {
    program: "文化事业发展专项资金",
    name: "博物馆纪念馆免费开放补助资金",
    kind: "新增项目",
    category: "专项工作经费",
    total: "20万元",
    central: "0",
    provincial: "0",
    other: "20万元",
    implementer: "嘉峪关城市博物馆",
    situation: "保障博物馆正常运转和免费开放。",
    goal: "进一步提高博物馆纪念馆运行效率和免费开放服务水平。",
    rows: [
      ["产出指标", "数量指标", "免费开放天数", "=300天"],
      ["产出指标", "质量指标", "博物馆绩效考核指标完成率", "=100百分比"],
      ["产出指标", "时效指标", "各项工作完成及时率", "≥99百分比"],
      ["成本指标", "经济成本指标", "资金使用效率", "=100百分比"],
      ["成本指标", "社会成本指标", "对当地文物保护、文化传承影响", "长远"],
      ["效益指标", "社会效益指标", "免费开放接待观众人数", "=30000人次"],
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥99百分比"],
    ],
  },
  {
    program: "公共文化服务体系建设专项资金",
    name: "博物馆提升改造项目",
    kind: "新增项目",
    category: "其他项目",
    total: "174.78万元",
    central: "100万元",
    provincial: "50万元",
    other: "24.78万元",
    implementer: "嘉峪关城市博物馆",
    situation: "对博物馆基本陈列展厅进行提升改造。",
    goal: "完成基本陈列展厅提升改造，改善观众参观体验。",
    rows: [
      ["产出指标", "数量指标", "展陈改造面积", "≥800平方米"],
      ["产出指标", "质量指标", "工程验收合格率", "=100百分比"],
      ["产出指标", "时效指标", "改造完成时间", "2023年10月底前"],
      ["成本指标", "经济成本指标", "改造总成本", "≤174.78万元"],
      ["效益指标", "社会效益指标", "年接待观众人次", "≥50000人次"],
      ["满意度指标", "服务对象满意度指标", "观众满意度", "≥95百分比"],
    ],
  },
];

function form(f: Form): (Paragraph | Table)[] {
  return [
    title("省级部门预算项目支出绩效目标表"),
    title("（2023年度）", 28),
    table(W, [
      ["一级项目名称", f.program, "二级项目名称", f.name],
      ["项目类型", f.kind, "项目分类", f.category],
      ["资金用途", "业务类项目", "主管部门", "嘉峪关市文化和旅游局"],
      ["项目开始日期", "2023-01-01", "项目完成日期", "2023-12-31"],
      ["项目总投资", f.total, "中央补助安排", f.central],
      ["省级财政安排", f.provincial, "其他资金", f.other],
      ["预算申报数", f.total, "资金性质", "一般公共预算"],
      ["基本情况", sp(f.situation, 3)],
      ["组织实施单位", "甘肃省文物局", "项目实施单位", f.implementer],
      ["年度绩效目标", sp(f.goal, 3)],
      [th("一级指标"), th("二级指标"), th("三级指标"), th("指标目标值")],
      ...mergeDown(f.rows, [0]),
    ]),
    blank(),
  ];
}

/** The fixture's bytes (not yet normalised). */
export function build(): Promise<Buffer> {
  const [first, second] = FORMS;
  return pack({ title: "省级部门预算项目支出绩效目标表", creator: "嘉峪关市文化和旅游局" }, [
    ...form(first!),
    pageBreak(),
    ...form(second!),
  ]);
}
