/**
 * Corpus `anhui-huaining-2020` (LibreOffice ← HTML): a 项目支出绩效目标申报表 (2020年度) of 怀宁县水利局 (安徽),
 * no Part 1, in the 申报表 form of fixtures/variants/shenbaobiao (宿松县, 安徽) with the spellings issue 11 quotes
 * from real submissions: labels with a trailing colon or an inner space (`项目名称：`, `年度资金总额：`,
 * `其中 :财政拨款`, `其中 :上级资金`), the unit on a label (`资金情况（万元）`), an amount with commentary
 * (`854万(其中：中央补助400万元，县级配套454万元)`), the operator in its own column (`指标值类型`: ≥ ≤ = 定性, or
 * empty for =) beside `目标值` and `度量单位`, and signature rows after the indicators (审核意见 with （盖章）,
 * 填报人, 填报日期).
 */
import { cs, htmlTable, mergeRows, page, para, rs } from "../html-kit.js";

const ROWS: readonly (readonly string[])[] = [
  ["产出指标", "数量指标", "维修养护供水工程处数", "≥", "45", "处"],
  ["产出指标", "数量指标", "更换老旧管网长度", "≥", "32", "公里"],
  ["产出指标", "质量指标", "水质达标率", "≥", "95", "%"],
  ["产出指标", "质量指标", "农村自来水普及率", "", "88", "%"],
  ["产出指标", "时效指标", "维修养护完成时间", "定性", "2020年11月底前", ""],
  ["产出指标", "成本指标", "单处维修养护成本", "≤", "19", "万元/处"],
  ["效益指标", "社会效益指标", "受益人口", "=", "12.6", "万人"],
  ["效益指标", "可持续影响指标", "工程长效运行机制", "定性", "建立健全", ""],
  ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", "90", "%"],
];

/** The HTML page LibreOffice converts. */
export function html(): string {
  const table = htmlTable([
    [cs("填报单位（盖章）：怀宁县水利局", 4), cs("单位：万元", 2)],
    ["项目名称：", cs("农村饮水安全工程维修养护", 5)],
    ["主管部门：", cs("怀宁县水利局", 2), "实施单位：", cs("怀宁县农村饮水安全管理站", 2)],
    [rs("资金情况（万元）", 4), "年度资金总额：", cs("854万(其中：中央补助400万元，县级配套454万元)", 4)],
    [null, "其中 :财政拨款", cs("454", 4)],
    [null, "其中 :上级资金", cs("400", 4)],
    [null, "其他资金", cs("0", 4)],
    ["总体目标", cs("巩固提升农村饮水安全保障水平，建立农村供水工程长效运行机制。", 5)],
    [
      "年度目标",
      cs("1.完成45处农村供水工程维修养护，更换老旧管网32公里；\n2.农村自来水普及率达到88%，水质达标率95%以上。", 5),
    ],
    ["一级指标", "二级指标", "三级指标", "指标值类型", "目标值", "度量单位"],
    ...mergeRows(ROWS, [0, 1]),
    ["审核意见", cs("主管部门审核意见：\n（盖章）\n年　月　日", 5)],
    [cs("填报人：陈静", 2), cs("联系电话：0556-4612345", 2), cs("填报日期：2019年11月20日", 2)],
  ]);
  return page("项目支出绩效目标申报表", [`<h1>项目支出绩效目标申报表</h1>`, para("（2020年度）"), table]);
}
