// Public API of the publish area (一公开): explicit named exports only.
export {
  ResultCategory, resultCategoryLabels, resultCategoryOf, checkMethodOf, Finding, FollowUp, followUpLabels, InspectionResult,
  parseInspectionResult, type InspectionResultInput,
} from "../model/result.js";
export { parseResultsTable, type ParseResultsTableOptions } from "./parseResultsTable.js";
export {
  reconcileResults, type ResultsRecord, type ReconcileOptions, type ReconciledTarget, type ReconciledReplacement, type Reconciliation,
} from "./reconcileResults.js";
export {
  publicationPackage, PUBLISH_PROTOCOL_VERSION, type PublicationPackage, type PublicationPackageOptions, type PublicListEntry, type TaskReport,
} from "./publicationPackage.js";
export { verifyResults, type ResultsVerification, type VerifyResultsOptions } from "./verifyResults.js";
export { publicListCsv, taskReportCsv, publicListFromTable } from "./csv.js";
export { resultSignals, applyResultSignals, type ResultSignal } from "./resultSignals.js";
export { yearStatistics, type YearTask, type YearStatisticsOptions, type YearStatistics } from "./yearStatistics.js";
