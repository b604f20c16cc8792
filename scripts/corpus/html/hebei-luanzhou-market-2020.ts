/**
 * Corpus `hebei-luanzhou-market-2020` (LibreOffice ← HTML): 滦州市市场监督管理局 2020, the reference's family.
 * Part 1 writes one indicator per paragraph, numbered `(1)` with ASCII brackets, levels joined by `-`. Part 2
 * has the header table of 特种设备安全监察经费 but NO indicator table for it (the read is partial: a project
 * without indicators). Planted in 食品安全抽检经费: 不合格食品核查处置及时率 is ≥90% in Part 1, ≥95% in the table.
 */
import { type FamilyProject, familyHtmlBody } from "../hebei.js";
import { heading, page, para, subheading } from "../html-kit.js";

const DEPARTMENT = "310001滦州市市场监督管理局本级";

const PROJECTS: readonly FamilyProject[] = [
  {
    header: {
      title: "1.食品安全抽检经费绩效目标表",
      department: DEPARTMENT,
      unit: "单位：元",
      code: "13022320P00SJJ0000601",
      name: "食品安全抽检经费",
      total: "400000.00",
      fiscal: "400000.00",
      other: "",
      purpose: "用于食品安全监督抽检及不合格食品核查处置。",
      spendPlan: [
        ["3月底", "20%"],
        ["6月底", "50%"],
        ["9月底", "80%"],
        ["12月底", "100%"],
      ],
      goals: ["1.全年完成食品安全抽检1200批次以上；", "2.不合格食品核查处置及时率95%以上。"],
    },
    rows: [
      ["产出指标", "数量指标", "食品安全抽检批次", "全年食品安全监督抽检批次", "≥1200批次", "省局下达任务"],
      ["产出指标", "质量指标", "抽检任务完成率", "抽检任务完成比例", "100%", "省局下达任务"],
      ["产出指标", "时效指标", "不合格食品核查处置及时率", "不合格食品按时限核查处置比例", "≥95%", "工作要求"],
      ["效益指标", "社会效益指标", "食品安全抽检合格率", "全市食品抽检总体合格率", "≥97%", "往年数据"],
      ["满意度指标", "服务对象满意度指标", "群众食品安全满意度", "群众问卷满意度", "≥85%", "问卷调查"],
    ],
  },
  {
    header: {
      title: "2.特种设备安全监察经费绩效目标表",
      department: DEPARTMENT,
      unit: "单位：元",
      code: "13022320P00SJJ0000602",
      name: "特种设备安全监察经费",
      total: "100000.00",
      fiscal: "100000.00",
      other: "",
      purpose: "用于特种设备安全监督检查及隐患整改督办。",
      spendPlan: [
        ["3月底", "25%"],
        ["6月底", "50%"],
        ["9月底", "75%"],
        ["12月底", "100%"],
      ],
      goals: ["1.全年检查特种设备600台次以上；", "2.不发生特种设备安全事故。"],
    },
    rows: [],
  },
];

const PART1: readonly string[] = [
  heading("第一部分"),
  heading("部门整体绩效目标"),
  subheading("一、总体绩效目标"),
  para("守牢食品安全和特种设备安全底线，保障人民群众生命财产安全。"),
  subheading("二、分项绩效目标"),
  para("2020年我局项目支出共计50万元，其中食品安全抽检经费40万元，特种设备安全监察经费10万元。"),
  para("（一）食品安全抽检经费40万元"),
  para("绩效目标：全年完成食品安全抽检1200批次以上，不合格食品及时核查处置。"),
  para("绩效指标：项目共设产出指标、效益指标和满意度指标三个一级指标，下设5个二、三级指标。"),
  para("(1)产出指标-数量指标-食品安全抽检批次，指标值为≥1200批次。"),
  para("(2)产出指标-质量指标-抽检任务完成率，指标值为100%。"),
  para("(3)产出指标-时效指标-不合格食品核查处置及时率，指标值为≥90%。"),
  para("(4)效益指标-社会效益指标-食品安全抽检合格率，指标值为≥97%。"),
  para("(5)满意度指标-服务对象满意度指标-群众食品安全满意度，指标值为≥85%。"),
  para("（二）特种设备安全监察经费10万元"),
  para("绩效目标：开展特种设备安全监督检查，督促隐患整改，不发生特种设备安全事故。"),
  para("绩效指标：项目共设产出指标、效益指标和满意度指标三个一级指标，下设4个二、三级指标。"),
  para("(1)产出指标-数量指标-特种设备检查台次，指标值为≥600台次。"),
  para("(2)产出指标-质量指标-隐患整改率，指标值为100%。"),
  para("(3)效益指标-社会效益指标-特种设备事故发生起数，指标值为0起。"),
  para("(4)满意度指标-服务对象满意度指标-使用单位满意度，指标值为≥90%。"),
  subheading("三、工作保障措施"),
  para("加强抽检和监察经费管理，按计划推进工作任务，开展绩效运行监控和自评。"),
];

/** The HTML page LibreOffice converts. */
export function html(): string {
  return page("滦州市市场监督管理局2020年部门预算绩效目标", familyHtmlBody(PART1, PROJECTS));
}
