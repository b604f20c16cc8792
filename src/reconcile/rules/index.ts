import type { DocumentRule, ProjectRule } from "../rule.js";
import { basisEmpty } from "./basis-empty.js";
import { budgetMismatch } from "./budget-mismatch.js";
import { categoryCoverage } from "./category-coverage.js";
import { categoryMisplaced } from "./category-misplaced.js";
import { copiedIndicator } from "./copied-indicator.js";
import { costAsFloor } from "./cost-as-floor.js";
import { costExceedsBudget } from "./cost-exceeds-budget.js";
import { costWithoutMoneyUnit } from "./cost-without-money-unit.js";
import { deadlineAfterYear } from "./deadline-after-year.js";
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
import { invertedRange } from "./inverted-range.js";
import { noQuantitativeIndicator } from "./no-quantitative-indicator.js";
import { percentOutOfRange } from "./percent-out-of-range.js";
import { projectMissing } from "./project-missing.js";
import { projectNameMismatch } from "./project-name-mismatch.js";
import { qualitativeValueMismatch } from "./qualitative-value-mismatch.js";
import { spendPlanInvalid } from "./spend-plan-invalid.js";
import { templatePlaceholder } from "./template-placeholder.js";
import { totalMismatch } from "./total-mismatch.js";
import { unknownUnit } from "./unknown-unit.js";
import { valueEmpty } from "./value-empty.js";
import { weightsNot100 } from "./weights-not-100.js";
import { yearMismatch } from "./year-mismatch.js";

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
  // Quality: targets badly set on their own.
  categoryCoverage,
  categoryMisplaced,
  noQuantitativeIndicator,
  valueEmpty,
  basisEmpty,
  percentOutOfRange,
  invertedRange,
  costAsFloor,
  costWithoutMoneyUnit,
  yearMismatch,
  deadlineAfterYear,
];

/** The checks of the whole document. */
export const DOCUMENT_RULES: readonly DocumentRule[] = [totalMismatch, copiedIndicator];
