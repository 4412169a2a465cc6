/** Table `demo.products`: the catalogue, launched at an even pace from 2020-01-01. */
import { DEMO_SCHEMA } from './constants.js';
import type { Sizes, Step } from './constants.js';
import { ADJECTIVES, BRANDS, CATEGORIES } from './reference-data.js';
import { list, pick, randoms } from './random-sql.js';
import { PRODUCT_SPAN_DAYS } from './shared-sql.js';

const S = DEMO_SCHEMA;
/** Offset of each category's first noun in the flattened noun list. */
const NOUN_OFFSETS = CATEGORIES.map((_, i) => CATEGORIES.slice(0, i).reduce((n, c) => n + c.nouns.length, 0));

export function productsStep(s: Sizes): Step {
  return {
    name: 'products',
    sql: [
      `CREATE TABLE ${S}.products AS
         WITH r AS (
           SELECT i + 1 AS id, product_category_idx(i + 1) AS cat_idx,
             ${randoms('i + 1', { r_adj: 104, r_noun: 105, r_brand: 106, r_wnull: 108, r_w: 109, r_active: 110 })}
           FROM range(${s.products}) t(i)
         )
         SELECT
           id AS product_id,
           'SKU-' || lpad(id::VARCHAR, 6, '0') AS sku,
           ${pick('r_adj', ADJECTIVES)} || ' '
             || ${list(CATEGORIES.flatMap((c) => c.nouns))}[${list(NOUN_OFFSETS)}[cat_idx] + 1 + floor(r_noun * ${list(CATEGORIES.map((c) => c.nouns.length))}[cat_idx])::INTEGER] AS product_name,
           ${list(CATEGORIES.map((c) => c.name))}[cat_idx] AS category,
           ${pick('r_brand', BRANDS)} AS brand,
           product_list_price(id) AS list_price,
           product_unit_cost(id) AS unit_cost,
           CASE WHEN r_wnull >= 0.05 THEN round(0.1 + 4 * r_w * r_w, 2) END AS weight_kg,
           (DATE '2020-01-01' + (((id - 1) * ${PRODUCT_SPAN_DAYS}) // ${s.products})::INTEGER) AS launched_on,
           r_active >= 0.08 AS is_active
         FROM r`,
    ],
  };
}
