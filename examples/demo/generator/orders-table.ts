/**
 * Table `demo.orders` (with `demo.order_items`, built in between): order ids are allocated per day,
 * then every order attribute is computed in one parallel scan of temp table `order_base`; the totals
 * are summed from the items.
 */
import { DEMO_END_DATE, DEMO_SCHEMA, N_DAYS } from './constants.js';
import type { Sizes, Step } from './constants.js';
import { COUNTRIES, REGIONS, TAX_RATES } from './reference-data.js';
import { list, pick, randoms, weighted } from './random-sql.js';
import { END_DATE_SQL, allocate, countryField, eligibleCustomers, eligibleProducts, segment } from './shared-sql.js';
import { orderItemsSql } from './order-items-table.js';

const S = DEMO_SCHEMA;
const CURRENCIES = [...new Set(COUNTRIES.map((c) => c.currency))];

export function ordersStep(s: Sizes): Step {
  return {
    name: 'orders',
    sql: [
      // Order ids per day (cheap, single-threaded); the heavy work below then scans this table in parallel.
      `CREATE TEMP TABLE order_slots AS
         WITH alloc AS (${allocate('orders', s.orders)})
         SELECT day_idx, d, is_bfcm, first_idx + unnest(range(end_idx - first_idx)) + 1 AS order_id FROM alloc`,
      `CREATE TEMP TABLE order_base AS
         WITH r AS (
           SELECT *, ${randoms('order_id', {
             r_h0: 301, r_h1: 302, r_h2: 303, r_h3: 304, r_h4: 305, r_whale: 310, r_whale_pick: 311, r_cust: 312,
             r_status: 320, r_return: 321, r_market: 330, r_mobile: 331, r_ship: 332, r_disc: 333, r_vip: 334,
             r_code: 335, r_items: 340,
           })}
           FROM order_slots
         ), timed AS (
           SELECT *, day_seconds(r_h0, r_h1, r_h2, r_h3, r_h4) AS sec FROM r
         ), picked AS (
           SELECT *,
             (day_idx + sec / 86400.0) / ${N_DAYS} AS t,
             ${eligibleCustomers(s, `((day_idx + sec / 86400.0) / ${N_DAYS})`)} AS max_customer
           FROM timed
         ), assigned AS (
           SELECT *,
             CASE WHEN r_whale < 0.03 THEN 1 + floor(r_whale_pick * least(20, max_customer))
                  ELSE 1 + floor(max_customer * pow(r_cust, 1.3)) END::BIGINT AS customer_id
           FROM picked
         ), located AS (
           SELECT *, customer_region_idx(customer_id) AS region_idx, customer_country_idx(customer_id) AS country_idx,
             customer_id <= 20 AS is_whale, ${segment('customer_id')} <> 'consumer' AS is_business
           FROM assigned
         ), coded AS (
           SELECT *,
             CASE WHEN is_bfcm AND r_disc < 0.45 THEN 'BFCM25'
                  WHEN r_disc < 0.10 THEN
                    CASE WHEN is_business AND r_vip < 0.5 THEN 'VIP20'
                         ELSE ${pick('r_code', ['WELCOME10', 'SPRING15', 'FREESHIP'])} END
             END AS discount_code
           FROM located
         ), final AS (
         SELECT
           order_id, customer_id, d AS order_date,
           d::TIMESTAMP + to_seconds(sec) AS ordered_at,
           ${list(REGIONS)}[region_idx] AS region, region_idx,
           ${countryField((c) => c.code)}[country_idx] AS country_code,
           ${countryField((c) => c.currency)}[country_idx] AS currency,
           is_whale,
           CASE WHEN ${END_DATE_SQL} - d <= 2 THEN CASE WHEN r_status < 0.6 THEN 'pending' ELSE 'processing' END
                WHEN ${END_DATE_SQL} - d <= 9 THEN ${weighted('r_status', [['shipped', 50], ['processing', 10], ['cancelled', 2], ['completed', 38]])}
                WHEN r_status < CASE WHEN is_whale THEN 0.01 ELSE 0.035 END THEN 'cancelled'
                WHEN r_return < 0.07 THEN 'returned'
                ELSE 'completed' END AS status,
           CASE WHEN r_market < 0.08 THEN 'marketplace'
                WHEN r_mobile < 0.2 + 0.3 * t THEN 'mobile_app'
                ELSE 'web' END AS channel,
           ${weighted('r_ship', [['standard', 73], ['express', 22], ['pickup', 5]])} AS shipping_method,
           discount_code,
           CASE discount_code WHEN 'WELCOME10' THEN 0.10 WHEN 'SPRING15' THEN 0.15 WHEN 'BFCM25' THEN 0.25
                WHEN 'VIP20' THEN 0.20 ELSE 0 END::DECIMAL(4,2) AS discount_pct,
           least(12, 1 + floor(-ln(1 - r_items) * 2.2))::INTEGER AS n_items,
           ${eligibleProducts(s, 'day_idx')} AS max_product,
           -- local currency per USD with a small monthly drift (exactly 1 for USD)
           round(${countryField((c) => c.fx)}[country_idx]
             * CASE WHEN currency = 'USD' THEN 1.0
                    ELSE 1 + 0.04 * sin(2 * pi() * (year(d) * 12 + month(d)) / 17.0 + ${countryField((c) => CURRENCIES.indexOf(c.currency))}[country_idx])
               END, 4)::DOUBLE AS fx_rate
         FROM coded
         ), counted AS (
           SELECT *, sum(n_items) OVER (ORDER BY order_id) - n_items AS item_start FROM final
         )
         SELECT * FROM counted`,
      orderItemsSql(),
      `CREATE TABLE ${S}.orders AS
         WITH items AS (
           SELECT order_id, count(*)::INTEGER AS item_count, sum(quantity)::INTEGER AS units,
             sum(gross_amount_usd)::DECIMAL(14,2) AS subtotal_usd, sum(discount_usd)::DECIMAL(14,2) AS discount_usd
           FROM ${S}.order_items GROUP BY order_id
         ), shipped AS (
           SELECT o.*, i.item_count, i.units, i.subtotal_usd, i.discount_usd,
             CASE WHEN o.shipping_method = 'pickup' OR o.discount_code = 'FREESHIP' THEN 0
                  WHEN o.shipping_method = 'express' THEN 14.99
                  WHEN i.subtotal_usd - i.discount_usd >= 50 THEN 0
                  ELSE 4.99 END::DECIMAL(10,2) AS shipping_usd,
             rnd(o.order_id, 350) AS r_delivery
           FROM order_base o JOIN items i USING (order_id)
         ), taxed AS (
           SELECT *,
             round((subtotal_usd - discount_usd + shipping_usd) * ${list(TAX_RATES.map(Number))}[region_idx]::DECIMAL(4,2), 2)::DECIMAL(14,2) AS tax_usd
           FROM shipped
         ), totals AS (
           SELECT *, (subtotal_usd - discount_usd + shipping_usd + tax_usd)::DECIMAL(14,2) AS total_usd FROM taxed
         )
         SELECT
           order_id, customer_id, ordered_at, order_date, status, channel,
           region, country_code, currency, fx_rate,
           item_count, units, discount_code, shipping_method,
           subtotal_usd, discount_usd, shipping_usd, tax_usd, total_usd,
           round(total_usd * fx_rate, 2)::DECIMAL(16,2) AS total_local,
           CASE WHEN status IN ('completed', 'returned') THEN
             least(TIMESTAMP '${DEMO_END_DATE} 23:00:00',
                   ordered_at + to_seconds((CASE shipping_method WHEN 'standard' THEN 2 ELSE 1 END * 86400
                     + floor(r_delivery * CASE shipping_method WHEN 'standard' THEN 5 ELSE 1 END * 86400))::BIGINT))
           END AS delivered_at,
           row_number() OVER (PARTITION BY customer_id ORDER BY ordered_at, order_id) = 1 AS is_first_order
         FROM totals
         ORDER BY order_id`,
    ],
  };
}
