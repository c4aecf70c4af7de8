/**
 * double-random: verifiable 双随机、一公开 inspections.
 *
 * @packageDocumentation
 */
export {
  type Result, type Issue, type IssueArguments, type IssueCode, type IssueOptions, type IssueParams, type Message, type Severity,
  issueFactory, ok, fail, settle, unwrap, DoubleRandomError,
} from "./result.js";
export { createIssue } from "./createIssue.js";
export { messages } from "./messages/index.js";
export type { Catalog, CatalogEntry, HasPlaceholders, ParamsOf, ParamValue, Placeholders } from "./messages/types.js";
export * from "./model/index.js";
// The Table contract only (types, no code): the file readers themselves are in `double-random/files`.
export type { CellRange, Table, TableFormat, TableRow } from "./files/types.js";
// JSON Schema generation is exported here, not from model/, so the draw script-tag bundle can leave it out.
export { jsonSchemas, type ModelName } from "./model/json-schema.js";
export * from "./quota/index.js";
export * from "./calendar/index.js";
export * from "./draw/index.js";
// Pool sources (pools in a database) are exported here, not from draw/, so the draw script-tag bundle leaves them out.
export {
  arraySource, announceFromSource, buildManifestFromSource, drawFromSource, replaceFromSource, verifyDrawFromSource,
  verifyDrawManifestFromSource, type OpenPool, type PoolQuery, type PoolSource, type SourceAnnounceInput, type SourceAnnounceResult,
} from "./draw/source.js";
export * from "./match/index.js";
export * from "./plan/index.js";
export * from "./publish/index.js";
