export { formatValue, createValueFormatter } from './value-formatter.js';
export type { FormatOptions, FormattableField, ValueFormatter } from './value-formatter.js';
export { formatRows, jsonSafeRaw } from './format-rows.js';
export type { ResultRow, ResultValue } from './format-rows.js';
export { compileExpression } from './expression-format.js';
export { formatPlan } from './format-plan.js';
export type { FormatPlan, NumberShape } from './format-plan.js';
