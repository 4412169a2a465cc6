/** SQL expressions shared by several tables: calendar allocation, eligible ids, customer attributes. */
import { DEMO_END_DATE, N_DAYS, PRELAUNCH_DAYS } from './constants.js';
import type { Sizes } from './constants.js';
import { COUNTRIES } from './reference-data.js';
import type { Country } from './reference-data.js';
import { list } from './random-sql.js';
import type { SqlScalar } from './random-sql.js';

/** The last day as a SQL DATE literal. */
export const END_DATE_SQL = `DATE '${DEMO_END_DATE}'`;

/** Days from the first product launch (2020-01-01) to DEMO_END_DATE. */
export const PRODUCT_SPAN_DAYS = N_DAYS + PRELAUNCH_DAYS;

/** Customers who sign up from DEMO_START_DATE on (the others are legacy customers from 2020). */
export function newCustomers(s: Sizes): number {
  return Math.max(1, s.customers - s.legacyCustomers);
}

/**
 * Customers 1..legacy signed up during 2020, the others from the start date on, with a cumulative
 * count ∝ t^1.3 (t = fraction of the order period). Orders and sessions at time t only pick customers
 * with id - 1 < eligible(t), i.e. who had already signed up (a 0.9995 margin absorbs float rounding).
 */
export function eligibleCustomers(s: Sizes, t: string): string {
  return `greatest(1, least(${s.customers}, floor(${s.legacyCustomers} + ${newCustomers(s)} * 0.9995 * pow(${t}, 1.3))::BIGINT))`;
}

/**
 * Products launch at an even pace from 2020-01-01 (launch offset of id = (id-1)*span // P days),
 * so on day d only ids up to eligibleProducts(d) can be bought or viewed (exact integer arithmetic).
 */
export function eligibleProducts(s: Sizes, dayIdx: string): string {
  return `least(${s.products}, ((${dayIdx} + ${PRELAUNCH_DAYS}) * ${s.products}) // ${PRODUCT_SPAN_DAYS} + 1)`;
}

/**
 * Allocates `total` rows over the calendar (temp table `days`) proportionally to integer day weights
 * (exact, so the total is always `total` and every day's share is deterministic).
 */
export function allocate(weight: string, total: number): string {
  return `
    SELECT day_idx, d, is_bfcm,
      (((cum_${weight} - w_${weight})::HUGEINT * ${total}) // tot_${weight})::BIGINT AS first_idx,
      ((cum_${weight}::HUGEINT * ${total}) // tot_${weight})::BIGINT AS end_idx
    FROM days`;
}

/** A list literal of one field of every country, indexed by the country macros' 1-based index. */
export function countryField(field: (c: Country) => SqlScalar): string {
  return list(COUNTRIES.map(field));
}

/** The 20 lowest ids are the big enterprise accounts; about 8 % of the others are businesses. */
export function segment(id: string): string {
  return `CASE WHEN ${id} <= 20 THEN 'enterprise' WHEN rnd(${id}, 205) < 0.08 THEN 'business' ELSE 'consumer' END`;
}
