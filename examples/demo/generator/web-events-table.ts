/** Table `demo.web_events`: sessions allocated per day, expanded into page views, cart and checkout events. */
import { DEMO_SCHEMA, N_DAYS } from './constants.js';
import type { Sizes, Step } from './constants.js';
import { CATEGORIES, REGION_WEIGHTS, REGIONS } from './reference-data.js';
import { list, pick, randoms, weighted } from './random-sql.js';
import { END_DATE_SQL, allocate, eligibleCustomers, eligibleProducts } from './shared-sql.js';

const S = DEMO_SCHEMA;
const PAGE_PATHS = ['/', '/', '/sale', '/new-arrivals', '/blog/gift-guide', '/help/shipping', ...CATEGORIES.map((c) => `/category/${c.name.toLowerCase()}`)];

export function webEventsStep(s: Sizes): Step {
  return {
    name: 'web_events',
    sql: [
      `CREATE TEMP TABLE session_slots AS
         WITH alloc AS (${allocate('sessions', s.sessions)})
         SELECT day_idx, d, is_bfcm, first_idx + unnest(range(end_idx - first_idx)) + 1 AS session_id FROM alloc`,
      `CREATE TEMP TABLE sessions AS
         WITH r AS (
           SELECT *, ${randoms('session_id', {
             r_h0: 601, r_h1: 602, r_h2: 603, r_h3: 604, r_h4: 605, r_login: 610, r_cust: 611, r_n: 612,
             r_region: 620, r_tablet: 621, r_mobile: 622, r_ref: 623, r_conv: 624, r_pace: 625, r_utm: 626, r_camp: 627,
           })}
           FROM session_slots
         ), timed AS (
           -- sessions on the last day start before 23:00 so that every event stays within the range
           SELECT *, (day_seconds(r_h0, r_h1, r_h2, r_h3, r_h4) * CASE WHEN d = ${END_DATE_SQL} THEN 23 / 24 ELSE 1 END)::BIGINT AS sec
           FROM r
         ), who AS (
           SELECT *,
             d::TIMESTAMP + to_seconds(sec) AS started_at,
             (day_idx + sec / 86400.0) / ${N_DAYS} AS t,
             CASE WHEN r_login < 0.38
                  THEN 1 + floor(${eligibleCustomers(s, `((day_idx + sec / 86400.0) / ${N_DAYS})`)} * pow(r_cust, 1.3))::BIGINT
             END AS customer_id,
             least(30, 1 + floor(-ln(1 - r_n) * 3))::INTEGER AS n_events,
             ${eligibleProducts(s, 'day_idx')} AS max_product
           FROM timed
         ), described AS (
           SELECT *,
             ${list(REGIONS)}[CASE WHEN customer_id IS NULL
                               THEN ${weighted('r_region', REGION_WEIGHTS.map((wt, i) => [i + 1, wt] as const))}
                               ELSE customer_region_idx(customer_id) END] AS region,
             CASE WHEN r_tablet < 0.07 THEN 'tablet' WHEN r_mobile < 0.45 + 0.2 * t THEN 'mobile' ELSE 'desktop' END AS device_type,
             ${weighted('r_ref', [['google', 30], ['bing', 4], [null, 14], ['instagram', 12], ['facebook', 8], ['tiktok', 6], ['newsletter', 12], ['affiliate', 14]])} AS referrer_source,
             n_events >= 4 AND r_conv < CASE WHEN customer_id IS NULL THEN 0.06 ELSE 0.18 END AS converts
           FROM who
         ), campaigns AS (
           SELECT *,
             CASE WHEN referrer_source IN ('instagram', 'facebook', 'tiktok', 'newsletter', 'affiliate') AND r_utm < 0.7
                  THEN CASE WHEN is_bfcm THEN 'bfcm_' || year(d)::VARCHAR
                            ELSE ${pick('r_camp', ['always_on', 'spring_sale', 'new_arrivals', 'loyalty'])} END
             END AS utm_campaign
           FROM described
         )
         SELECT session_id, started_at, customer_id, n_events, max_product, region, device_type, referrer_source,
           converts, utm_campaign, r_pace,
           sum(n_events) OVER (ORDER BY session_id) - n_events AS event_start
         FROM campaigns`,
      `CREATE TABLE ${S}.web_events AS
         WITH ev AS (
           SELECT *, unnest(range(n_events)) AS k FROM sessions
         ), er AS (
           SELECT *, ${randoms('session_id * 32 + k', { r_type: 630, r_jit: 631, r_prod: 632, r_page: 633 })} FROM ev
         ), typed AS (
           SELECT *,
             CASE WHEN k = 0 THEN 'page_view'
                  WHEN converts AND k = n_events - 1 THEN 'purchase'
                  WHEN converts AND k = n_events - 2 THEN 'checkout_started'
                  WHEN converts AND k = n_events - 3 THEN 'add_to_cart'
                  ELSE ${weighted('r_type', [['product_view', 55], ['add_to_cart', 8], ['search', 5], ['page_view', 32]])}
             END AS event_type,
             (1 + floor(max_product * pow(r_prod, 1.6)))::BIGINT AS viewed_product
           FROM er
         )
         SELECT
           event_start + k + 1 AS event_id,
           session_id,
           (k + 1)::INTEGER AS event_index,
           started_at + to_seconds((k * (20 + floor(90 * r_pace)) + floor(19 * r_jit))::BIGINT) AS event_at,
           event_type,
           CASE event_type
             WHEN 'product_view' THEN '/products/' || viewed_product::VARCHAR
             WHEN 'add_to_cart' THEN '/cart'
             WHEN 'checkout_started' THEN '/checkout'
             WHEN 'purchase' THEN '/checkout/confirmation'
             WHEN 'search' THEN '/search'
             ELSE ${pick('r_page', PAGE_PATHS)}
           END AS page_path,
           CASE WHEN event_type IN ('product_view', 'add_to_cart') THEN viewed_product END AS product_id,
           customer_id,
           device_type,
           referrer_source,
           utm_campaign,
           region
         FROM typed`,
    ],
  };
}
