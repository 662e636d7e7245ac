// The pipeline, one way and in one place: load -> validate (schema) -> lower ->
// check -> plan -> emit. Each stage's diagnostics are collected; a later stage runs
// only on valid input, and every failure, emit included, is a positioned diagnostic.
// Stages import only downward; pipeline/ is the one stage that drives the others,
// in two halves so validating never loads the back end.
export { analyzeBytes, analyzePlaybook, type Analysis } from "./pipeline/analyze.js";
export { compilePlan, emitPlaybook } from "./pipeline/emit.js";
