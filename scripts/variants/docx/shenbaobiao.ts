/**
 * Variant `shenbaobiao`: two 项目支出绩效目标申报表 forms (no Part 1), each one table: a 资金情况 block
 * (年度资金总额 / 其中：财政拨款 / 其他资金 / 上级资金) in 万元, 总体目标 and 年度目标 rows, and the indicators
 * in the same table under a 年度绩效指标 label merged down the left column, with a sub-header row
 * 一级指标 | 二级指标 | 三级指标 | 指标值. 一级指标 cells are true vertical merges.
 */
import type { Paragraph, Table } from "docx";
import { blank, cont, mergeDown, p, pack, pageBreak, sp, table, th, title, vm } from "../docx-kit.js";

interface Form {
  readonly name: string;
  readonly implementer: string;
  readonly attribute: string;
  readonly total: string;
  readonly fiscal: string;
  readonly other: string;
  readonly superior: string;
  readonly overall: string;
  readonly annual: readonly string[];
  readonly indicators: readonly (readonly [string, string, string, string])[];
}

const DEPARTMENT = "宿松县林业局";

const FORMS: readonly Form[] = [
  {
    name: "2024年森林防火专项经费",
    implementer: "宿松县森林防火服务中心",
    attribute: "经常性项目",
    total: "45.00",
    fiscal: "30.00",
    other: "0.00",
    superior: "15.00",
    overall:
      "加强森林火灾预防和扑救能力建设，落实森林防火责任制，确保全县不发生重特大森林火灾，保护森林资源和人民群众生命财产安全。",
    annual: [
      "1.聘用专职护林员60名，开展森林防火巡护和野外火源管控；",
      "2.开展森林防火宣传活动12次以上，储备防火物资，确保火情早发现、早报告、早处置；",
      "3.全县森林覆盖率稳定在41.5%以上，全年不发生重特大森林火灾。",
    ],
    indicators: [
      ["产出指标", "数量指标", "专职护林员人数", "≥60人"],
      ["产出指标", "数量指标", "森林防火宣传活动次数", "≥12次"],
      ["产出指标", "质量指标", "火情处置率", "100%"],
      ["产出指标", "时效指标", "火情报告及时率", "≥95%"],
      ["产出指标", "成本指标", "项目总成本", "≤45万元"],
      ["效益指标", "社会效益指标", "重特大森林火灾发生次数", "0次"],
      ["效益指标", "生态效益指标", "森林覆盖率", "≥41.5%"],
      ["效益指标", "可持续影响指标", "群防群治工作机制", "长效运行"],
      ["满意度指标", "服务对象满意度指标", "林区群众满意度", "≥90%"],
    ],
  },
  {
    name: "2024年村庄绿化美化项目",
    implementer: "宿松县林业局",
    attribute: "一次性项目",
    total: "120.00",
    fiscal: "80.00",
    other: "",
    superior: "40.00",
    overall: "实施村庄绿化美化，持续改善农村人居环境，助力乡村振兴和美丽宿松建设。",
    annual: [
      "1.完成新造林面积1500亩以上，栽植各类苗木85000株以上；",
      "2.造林成活率达到85%以上，2024年4月底前完成春季造林任务；",
      "3.带动当地农户务工200人以上，受益村民满意度达到90%以上。",
    ],
    indicators: [
      ["产出指标", "数量指标", "新造林面积", "≥1500亩"],
      ["产出指标", "数量指标", "栽植苗木数量", "≥85000株"],
      ["产出指标", "质量指标", "造林成活率", "≥85%"],
      ["产出指标", "时效指标", "春季造林完成时间", "2024年4月底前"],
      ["产出指标", "成本指标", "亩均造林成本", "≤800元/亩"],
      ["效益指标", "社会效益指标", "带动农户务工人数", "≥200人"],
      ["满意度指标", "服务对象满意度指标", "受益村民满意度", "≥90%"],
    ],
  },
];

const WIDTHS = [1500, 1600, 1800, 2500, 1600];

function form(f: Form): (Paragraph | Table)[] {
  const indicatorRows = mergeDown(f.indicators, [0]);
  return [
    title("项目支出绩效目标申报表"),
    title("（2024年度）", 28),
    blank(),
    table(WIDTHS, [
      [sp(`填报单位（盖章）：${DEPARTMENT}`, 3), sp("单位：万元", 2, "right")],
      [th("项目名称"), sp(f.name, 4)],
      [th("主管部门"), DEPARTMENT, th("实施单位"), sp(f.implementer, 2)],
      [th("项目属性"), f.attribute, th("项目期"), sp("1年", 2)],
      [vm("资金情况"), "年度资金总额", sp(f.total, 3)],
      [cont(), "其中：财政拨款", sp(f.fiscal, 3)],
      [cont(), "其他资金", sp(f.other, 3)],
      [cont(), "上级资金", sp(f.superior, 3)],
      [th("总体目标"), sp(f.overall, 4)],
      [th("年度目标"), sp(f.annual.join("\n"), 4)],
      [vm("年度绩效指标"), th("一级指标"), th("二级指标"), th("三级指标"), th("指标值")],
      ...indicatorRows.map((row) => [cont(), ...row]),
    ]),
    p("填报人：王立新　　联系电话：0556-7812345　　填报日期：2023年11月20日"),
  ];
}

/** The fixture's bytes (not yet normalised). */
export function build(): Promise<Buffer> {
  const body = FORMS.flatMap((f, i) => (i === 0 ? form(f) : [pageBreak(), ...form(f)]));
  return pack({ title: "宿松县林业局2024年度项目支出绩效目标申报表", creator: "宿松县林业局" }, body);
}
