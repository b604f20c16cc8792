/**
 * Every corpus fixture and how it is written. The file name is `<name>.docx`, or `<name>.doc` for the
 * `libreoffice-doc` writer; its answer key is test/corpus/<name>.key.json.
 */

import * as fengjie from "./docx/chongqing-fengjie-2023.js";
import * as jiayuguan from "./docx/gansu-jiayuguan-2023.js";
import * as laoting from "./docx/hebei-laoting-culture-2025.js";
import * as luannan from "./docx/hebei-luannan-education-2024.js";
import * as lunan from "./docx/hebei-lunan-emergency-2024.js";
import * as qianan from "./docx/hebei-qianan-agriculture-2023.js";
import * as anyuan from "./docx/jiangxi-anyuan-2022.js";
import * as jiaxian from "./docx/shaanxi-jiaxian-2018.js";
import * as huaining from "./html/anhui-huaining-2020.js";
import * as fengrun from "./html/hebei-fengrun-health-2021.js";
import * as luanzhou from "./html/hebei-luanzhou-market-2020.js";
import * as zunhua from "./html/hebei-zunhua-civil-affairs-2022.js";
import * as ruyang from "./html/henan-ruyang-2019.js";
import * as ezhou from "./html/hubei-ezhou-2022.js";
import * as ningxiang from "./html/hunan-ningxiang-2021.js";
import * as jiaxian2025 from "./html/shaanxi-jiaxian-2025-continued.js";

/** How one corpus fixture is written. */
export type CorpusWriter =
  | { readonly kind: "docx"; readonly build: () => Promise<Buffer> }
  | { readonly kind: "libreoffice"; readonly html: () => string }
  | { readonly kind: "libreoffice-doc"; readonly html: () => string };

/** The corpus, in the order fixtures/README.md lists it. */
export const CORPUS: Readonly<Record<string, CorpusWriter>> = {
  "hebei-luannan-education-2024": { kind: "docx", build: luannan.build },
  "hebei-qianan-agriculture-2023": { kind: "docx", build: qianan.build },
  "hebei-zunhua-civil-affairs-2022": { kind: "libreoffice", html: zunhua.html },
  "hebei-fengrun-health-2021": { kind: "libreoffice-doc", html: fengrun.html },
  "hebei-laoting-culture-2025": { kind: "docx", build: laoting.build },
  "hebei-luanzhou-market-2020": { kind: "libreoffice", html: luanzhou.html },
  "shaanxi-jiaxian-2018": { kind: "docx", build: jiaxian.build },
  "shaanxi-jiaxian-2025-continued": { kind: "libreoffice", html: jiaxian2025.html },
  "hunan-ningxiang-2021": { kind: "libreoffice", html: ningxiang.html },
  "chongqing-fengjie-2023": { kind: "docx", build: fengjie.build },
  "hubei-ezhou-2022": { kind: "libreoffice", html: ezhou.html },
  "gansu-jiayuguan-2023": { kind: "docx", build: jiayuguan.build },
  "anhui-huaining-2020": { kind: "libreoffice", html: huaining.html },
  "hebei-lunan-emergency-2024": { kind: "docx", build: lunan.build },
  "henan-ruyang-2019": { kind: "libreoffice", html: ruyang.html },
  "jiangxi-anyuan-2022": { kind: "docx", build: anyuan.build },
};
