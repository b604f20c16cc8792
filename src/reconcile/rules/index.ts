import type { DocumentRule, ProjectRule } from "../rule.js";
import { budgetMismatch } from "./budget-mismatch.js";
import { costExceedsBudget } from "./cost-exceeds-budget.js";
import { declaredCountMismatch } from "./declared-count-mismatch.js";
import { duplicateIndicator } from "./duplicate-indicator.js";
import { fundingSplitMismatch } from "./funding-split-mismatch.js";
import { indicatorCategoryMismatch } from "./indicator-category-mismatch.js";
import { indicatorCountMismatch } from "./indicator-count-mismatch.js";
import { indicatorDescriptionMismatch } from "./indicator-description-mismatch.js";
import { indicatorMissing } from "./indicator-missing.js";
import { indicatorNameMismatch } from "./indicator-name-mismatch.js";
import { indicatorUnitMismatch } from "./indicator-unit-mismatch.js";
import { indicatorValueMismatch } from "./indicator-value-mismatch.js";
import { projectMissing } from "./project-missing.js";
import { projectNameMismatch } from "./project-name-mismatch.js";
import { qualitativeValueMismatch } from "./qualitative-value-mismatch.js";
import { spendPlanInvalid } from "./spend-plan-invalid.js";
import { templatePlaceholder } from "./template-placeholder.js";
import { totalMismatch } from "./total-mismatch.js";
import { unknownUnit } from "./unknown-unit.js";
import { weightsNot100 } from "./weights-not-100.js";

/** The checks of one project pair, in report order. */
export const PROJECT_RULES: readonly ProjectRule[] = [
  projectMissing,
  projectNameMismatch,
  budgetMismatch,
  fundingSplitMismatch,
  spendPlanInvalid,
  declaredCountMismatch,
  indicatorCountMismatch,
  indicatorMissing,
  indicatorValueMismatch,
  indicatorUnitMismatch,
  indicatorNameMismatch,
  indicatorCategoryMismatch,
  qualitativeValueMismatch,
  indicatorDescriptionMismatch,
  costExceedsBudget,
  unknownUnit,
  duplicateIndicator,
  weightsNot100,
  templatePlaceholder,
];

/** The checks of the whole document. */
export const DOCUMENT_RULES: readonly DocumentRule[] = [totalMismatch];
