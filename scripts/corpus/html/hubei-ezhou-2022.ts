/**
 * Corpus `hubei-ezhou-2022` (LibreOffice ← HTML): a 鄂州市2022年市直部门预算项目支出绩效目标表 (湖北), no Part 1,
 * modelled on the published one (desk33.com/d-245426.html): 项目类别 / 项目性质 / 立项依据; a 项目预算成本构成 block
 * (item | 金额 | 测算（公式）依据 | 2020年实际执行数 | 2021年实际执行数, then 合计); 绩效目标; the indicators under
 * 绩效指标 with the columns 一级指标 | 二级指标 | 绩效标准 | 当年预期实现值 — where, as in the published table, the
 * 一级指标 column holds the category (数量指标, 质量指标, 成本指标 …) and the 二级指标 column the indicator — and
 * 保障绩效目标实现措施 merged down the right; a closing 主管部门审核意见 row with 单位公章 and the date blanks.
 */
import { cs, htmlTable, page, para, rightLine, rs } from "../html-kit.js";

const COSTS: readonly (readonly string[])[] = [
  ["平台软件运维服务费", "186", "依据运维服务合同", "180", "186"],
  ["服务器及网络租赁费", "92", "依据租赁合同", "88", "92"],
  ["电子档案数字化费", "45", "按年度档案量测算", "40.5", "43.2"],
];

const INDICATORS: readonly (readonly string[])[] = [
  ["数量指标", "年度进场交易项目数", "反映平台全年服务的交易项目数量", "≥1600个"],
  ["数量指标", "电子档案数字化卷数", "反映全年完成数字化的交易档案数量", "≥3000卷"],
  ["质量指标", "平台系统正常运行率", "反映交易平台全年正常运行情况", ">99%"],
  ["质量指标", "交易项目电子化率", "反映全流程电子化交易项目占比", "100%"],
  ["成本指标", "成本控制率", "反映项目支出控制在预算内的情况", "不超预算"],
  ["社会效益指标", "交易服务效率", "反映交易办理时限压缩情况", "明显提升"],
  ["服务对象满意度指标", "交易主体满意度", "反映进场交易主体对服务的满意程度", "≥95%"],
];

/** The HTML page LibreOffice converts. */
export function html(): string {
  const table = htmlTable([
    ["项目名称", cs("公共资源交易平台运行维护", 2), "项目类别", "本级支出项目"],
    ["项目性质", cs("持续性项目", 2), "立项依据", "市公共资源交易中心三定方案"],
    ["项目预算成本构成", "金额", "测算（公式）依据", "2020年实际执行数", "2021年实际执行数"],
    ...COSTS.map((row) => [...row]),
    ["合计", "323", "", "308.5", "321.2"],
    ["绩效目标", cs("保障公共资源交易平台安全稳定运行，推进全流程电子化交易，提升交易服务效率。", 4)],
    [cs("绩效指标", 4), rs("保障绩效目标实现措施", 2)],
    ["一级指标", "二级指标", "绩效标准", "当年预期实现值", null],
    ...INDICATORS.map((row, i) =>
      i === 0
        ? [
            ...row,
            rs("严格执行运维合同考核，建立平台运行日常巡检和应急处置机制，按季度开展绩效监控。", INDICATORS.length),
          ]
        : [...row, null],
    ),
    ["主管部门审核意见", cs("单位公章：\n年　月　日", 4)],
  ]);
  return page("鄂州市2022年市直部门预算项目支出绩效目标表", [
    `<h1>鄂州市2022年市直部门预算项目支出绩效目标表</h1>`,
    rightLine("单位：万元"),
    table,
    para(""),
  ]);
}
