/** Table `demo.payments`: one main payment per order, plus failed attempts and gift cards. */
import { DEMO_END_DATE, DEMO_SCHEMA } from './constants.js';
import type { Step } from './constants.js';
import { PAYMENT_METHODS, REGIONS } from './reference-data.js';
import { list, randoms, weighted, weightedBy } from './random-sql.js';

const S = DEMO_SCHEMA;

export function paymentsStep(): Step {
  return {
    name: 'payments',
    sql: [
      `CREATE TEMP TABLE payment_base AS
         WITH flags AS (
           SELECT order_id, ordered_at, delivered_at, status AS order_status, region, currency, fx_rate, total_usd,
             list_position(${list(REGIONS)}, region) AS region_idx,
             rnd(order_id, 501) < 0.06 AS has_failed,
             status <> 'pending' AND total_usd > 30 AND rnd(order_id, 502) < 0.07 AS has_gift,
             ${randoms('order_id', { r_gift: 503, r_refund: 506 })}
           FROM ${S}.orders
         ), counted AS (
           SELECT *, 1 + has_failed::INTEGER + has_gift::INTEGER AS n FROM flags
         )
         SELECT *, sum(n) OVER (ORDER BY order_id) - n AS pay_start FROM counted`,
      `CREATE TABLE ${S}.payments AS
         WITH expanded AS (
           SELECT *, unnest(range(n)) AS k FROM payment_base
         ), r AS (
           SELECT *, ${randoms('order_id * 4 + k', { r_method: 504, r_brand: 505 })},
             CASE WHEN has_failed AND k = 0 THEN 'failed' WHEN has_gift AND k = n - 1 THEN 'gift' ELSE 'main' END AS role,
             CASE WHEN has_gift THEN least(floor(total_usd * 0.8), [25, 50, 100][1 + floor(r_gift * 3)::INTEGER]) ELSE 0 END::DECIMAL(14,2) AS gift_usd
           FROM expanded
         ), methods AS (
           SELECT *,
             CASE WHEN role = 'gift' THEN 'gift_card'
                  ELSE ${weightedBy('region_idx', 'r_method', PAYMENT_METHODS)} END AS payment_method,
             CASE WHEN role = 'gift' THEN gift_usd ELSE total_usd - gift_usd END::DECIMAL(14,2) AS amount_usd,
             CASE WHEN role = 'failed' THEN 'failed'
                  WHEN order_status IN ('cancelled', 'returned') THEN 'refunded'
                  WHEN order_status = 'pending' THEN 'pending'
                  ELSE 'succeeded' END AS payment_status
           FROM r
         )
         SELECT
           pay_start + k + 1 AS payment_id,
           order_id,
           payment_method,
           CASE WHEN payment_method = 'credit_card' THEN ${weighted('r_brand', [['visa', 55], ['mastercard', 35], ['amex', 10]])} END AS card_brand,
           payment_status AS status,
           amount_usd,
           currency,
           round(amount_usd * fx_rate, 2)::DECIMAL(16,2) AS amount_local,
           region,
           ordered_at + to_seconds(CASE role WHEN 'failed' THEN 5 WHEN 'gift' THEN 20 ELSE 30 + 60 * has_failed::INTEGER END) AS created_at,
           CASE WHEN payment_status = 'refunded' THEN
             least(TIMESTAMP '${DEMO_END_DATE} 23:30:00',
                   coalesce(delivered_at, ordered_at) + to_seconds((86400 + floor(r_refund * 10 * 86400))::BIGINT))
           END AS refunded_at
         FROM methods`,
    ],
  };
}
