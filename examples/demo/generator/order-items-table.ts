/** Table `demo.order_items`: the lines of every order (built from temp table `order_base`). */
import { DEMO_SCHEMA } from './constants.js';
import { randoms } from './random-sql.js';

const S = DEMO_SCHEMA;

/** Popular products are the long-established ones (low ids), plus a few "hero" products. */
function productPick(heroR: string, heroPickR: string, popR: string, maxProduct: string): string {
  return `CASE WHEN ${heroR} < 0.10 THEN 1 + floor(${heroPickR} * least(10, ${maxProduct}))
          ELSE 1 + floor(${maxProduct} * pow(${popR}, 1.6)) END::BIGINT`;
}

/**
 * Line items: the product is drawn among those already launched; prices come from the
 * product macros (same values as demo.products) so no join is needed.
 */
export function orderItemsSql(): string {
  return `CREATE TABLE ${S}.order_items AS
         WITH lines AS (
           SELECT order_id, status, is_whale, discount_pct, max_product, n_items, item_start,
             unnest(range(n_items)) AS k
           FROM order_base
         ), r AS (
           SELECT *, ${randoms('order_id * 16 + k', { r_hero: 401, r_hero_pick: 402, r_pop: 403, r_wq: 404, r_q: 405, r_sale: 406, r_ret: 407 })}
           FROM lines
         ), chosen AS (
           SELECT *,
             ${productPick('r_hero', 'r_hero_pick', 'r_pop', 'max_product')} AS product_id,
             CASE WHEN is_whale THEN 5 + floor(r_wq * 20) ELSE 1 + floor(-ln(1 - r_q) * 0.35) END::INTEGER AS quantity
           FROM r
         ), catalog AS (
           SELECT *, product_list_price(product_id) AS list_price, product_unit_cost(product_id) AS unit_cost FROM chosen
         ), priced AS (
           SELECT *, CASE WHEN r_sale < 0.15 THEN round(list_price * 0.8, 2) ELSE list_price END::DECIMAL(10,2) AS unit_price_usd
           FROM catalog
         ), amounts AS (
           SELECT *,
             (quantity * unit_price_usd)::DECIMAL(14,2) AS gross,
             round(quantity * unit_price_usd * discount_pct, 2)::DECIMAL(14,2) AS disc
           FROM priced
         )
         SELECT
           item_start + k + 1 AS order_item_id,
           order_id,
           (k + 1)::INTEGER AS line_number,
           product_id,
           quantity,
           unit_price_usd,
           unit_cost AS unit_cost_usd,
           gross AS gross_amount_usd,
           disc AS discount_usd,
           (gross - disc)::DECIMAL(14,2) AS net_amount_usd,
           CASE WHEN status = 'returned' THEN k = 0 OR r_ret < 0.6
                WHEN status = 'completed' THEN r_ret < 0.015
                ELSE false END AS is_returned
         FROM amounts`;
}
