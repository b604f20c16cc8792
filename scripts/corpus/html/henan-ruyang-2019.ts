/**
 * Corpus `henan-ruyang-2019` (LibreOffice ← HTML): the national 绩效目标申报表（参考模板） for transfer payments,
 * filled in by a county 民政局 in 河南 for 2019, no Part 1. Modelled on the published reference template
 * (困难群众救助项目): 项目负责人及电话, 资金情况（万元） over 年度资金总额： / 其中：财政拨款 / 其他资金, labels written
 * as vertical text with inner spaces (`总 体 目 标`, `产 出 指 标`, `满意度⏎指标`), 目标1： / 目标2： lines,
 * ★ marking core indicators and `其中：` sub-indicators, and units such as 元/人·年.
 */
import { cs, htmlTable, mergeRows, page, para, rs } from "../html-kit.js";

const ROWS: readonly (readonly string[])[] = [
  ["产 出 指 标", "数量指标", "★农村低保发放人数", "≥1800人"],
  ["产 出 指 标", "数量指标", "★其中：建档立卡贫困人口农村低保发放人数", "≥320人"],
  ["产 出 指 标", "数量指标", "★临时救助人次数", "≥450人次"],
  ["产 出 指 标", "质量指标", "农村低保标准", "≥4200元/人·年"],
  ["产 出 指 标", "质量指标", "农村特困人员基本生活标准", "≥5460元/人·年"],
  ["产 出 指 标", "时效指标", "救助资金发放及时率", "100%"],
  ["效 益 指 标", "社会效益指标", "农村低保对象生活水平", "逐步提高"],
  ["效 益 指 标", "可持续影响指标", "社会救助兜底保障机制", "长期有效"],
  ["满意度\n指标", "服务对象满意度指标", "受助对象满意度", "≥90%"],
];

/** The HTML page LibreOffice converts. */
export function html(): string {
  const table = htmlTable([
    ["项目名称", cs("困难群众救助补助资金", 3)],
    ["项目负责人及电话", "王红梅 0379-68212345", "主管部门", "汝阳县民政局"],
    ["实施单位", cs("汝阳县民政局、各乡镇人民政府", 3)],
    [rs("资金情况（万元）", 3), "年度资金总额：", cs("1680", 2)],
    [null, "其中：财政拨款", cs("1680", 2)],
    [null, "其他资金", cs("", 2)],
    [
      "总 体 目 标",
      cs(
        "目标1：保障农村低保对象和特困人员基本生活；\n目标2：对遭遇急难的困难群众及时实施临时救助；\n目标3：健全社会救助兜底保障机制。",
        3,
      ),
    ],
    ["年 度 目 标", cs("全年保障农村低保对象1800人以上，实施临时救助450人次以上，救助资金按月足额发放。", 3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ...mergeRows(ROWS, [0, 1]),
  ]);
  return page("绩效目标申报表", [`<h1>绩效目标申报表</h1>`, para("（2019年度）"), table]);
}
