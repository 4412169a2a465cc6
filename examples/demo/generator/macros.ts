/**
 * Temporary macros the generator defines before any table: the hash-based random function `rnd`, the
 * time-of-day curve, and entity attributes that are pure functions of the id (so orders, items and
 * events can use them without joins, which would cost time and break the natural row order).
 */
import { CATEGORIES, COUNTRIES, REGION_WEIGHTS, REGIONS } from './reference-data.js';
import { list, weighted, weightedBy } from './random-sql.js';

export const MACROS = [
  // Uniform pseudo-random DOUBLE in [0, 1) from a non-negative integer key and a salt in [0, 4096):
  // the top 53 bits (exact in a double, never 1.0) of DuckDB's 64-bit hash of the single integer
  // key * 4096 + salt. (The two-argument hash(key, salt) combines the hashes in a way that leaves
  // draws with different salts strongly correlated.)
  `CREATE OR REPLACE TEMP MACRO rnd(k, salt) AS ((hash(k::UBIGINT * 4096 + salt) >> 11) / 9007199254740992.0)`,
  // seconds into the day: evening-heavy bell curve (peak ~19:30) plus a 15 % uniform background
  `CREATE OR REPLACE TEMP MACRO day_seconds(r0, r1, r2, r3, r4) AS (
     floor(3600 * CASE WHEN r0 < 0.15 THEN 24 * r1 ELSE (43.5 + 9 * (r2 + r3 + r4 - 1.5)) % 24 END)::BIGINT)`,
  // Entity attributes are pure functions of the id, so orders, items and events can use them without
  // joins (which would cost time and break the natural row order).
  `CREATE OR REPLACE TEMP MACRO customer_region_idx(id) AS (
     ${weighted('rnd(id, 201)', REGION_WEIGHTS.map((w, i) => [i + 1, w] as const))})`,
  `CREATE OR REPLACE TEMP MACRO customer_country_idx(id) AS (
     ${weightedBy('customer_region_idx(id)', 'rnd(id, 204)', REGIONS.map((region) => COUNTRIES.flatMap((c, i) => (c.region === region ? [[i + 1, c.weight] as const] : []))))})`,
  `CREATE OR REPLACE TEMP MACRO product_category_idx(id) AS (
     ${weighted('rnd(id, 101)', CATEGORIES.map((c, i) => [i + 1, c.weight] as const))})`,
  `CREATE OR REPLACE TEMP MACRO product_list_price(id) AS (
     greatest(2.99, floor(${list(CATEGORIES.map((c) => c.basePrice))}[product_category_idx(id)]
       * exp(0.55 * sqrt(-2 * ln(1 - rnd(id, 102))) * cos(2 * pi() * rnd(id, 103)))) + 0.99)::DECIMAL(10,2))`,
  `CREATE OR REPLACE TEMP MACRO product_unit_cost(id) AS (
     round(product_list_price(id) * (0.35 + 0.25 * rnd(id, 107)), 2)::DECIMAL(10,2))`,
];
