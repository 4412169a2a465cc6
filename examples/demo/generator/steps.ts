/** The generator's steps in execution order (each table may read the ones built before it). */
import { DEMO_SCHEMA, sizes } from './constants.js';
import type { Sizes, Step } from './constants.js';
import { MACROS } from './macros.js';
import { calendarStep } from './calendar-table.js';
import { productsStep } from './products-table.js';
import { ordersStep } from './orders-table.js';
import { paymentsStep } from './payments-table.js';
import { customersStep } from './customers-table.js';
import { webEventsStep } from './web-events-table.js';

export function buildSteps(s: Sizes): Step[] {
  return [calendarStep(), productsStep(s), ordersStep(s), paymentsStep(), customersStep(s), webEventsStep(s)];
}

/** Statements run before the steps: the temp macros, then the schema. */
export const SETUP_SQL: readonly string[] = [...MACROS, `CREATE SCHEMA ${DEMO_SCHEMA}`];

/** The SQL statements the generator runs for a given scale (macros and temp tables included), in order. */
export function demoWarehouseSql(scale = 1): string[] {
  return [...SETUP_SQL, ...buildSteps(sizes(scale)).flatMap((step) => step.sql)];
}
