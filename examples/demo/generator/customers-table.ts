/** Table `demo.customers`: attributes from the id macros, lifetime figures from `demo.orders`. */
import { DEMO_SCHEMA, DEMO_START_DATE, N_DAYS, PRELAUNCH_DAYS } from './constants.js';
import type { Sizes, Step } from './constants.js';
import { ACQUISITION_CHANNELS, COMPANY_SUFFIXES, COMPANY_WORDS, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, REGIONS } from './reference-data.js';
import { list, pick, randoms } from './random-sql.js';
import { countryField, newCustomers, segment } from './shared-sql.js';

const S = DEMO_SCHEMA;
const SPAN_SECONDS = N_DAYS * 86_400;

export function customersStep(s: Sizes): Step {
  return {
    name: 'customers',
    sql: [
      `CREATE TABLE ${S}.customers AS
         WITH lifetime AS (
           SELECT customer_id, min(ordered_at) AS first_order_at, max(ordered_at) AS last_order_at,
             count(*)::INTEGER AS lifetime_orders, sum(total_usd)::DECIMAL(16,2) AS lifetime_value_usd
           FROM ${S}.orders WHERE status <> 'cancelled' GROUP BY customer_id
         ), r AS (
           SELECT i + 1 AS customer_id,
             customer_region_idx(i + 1) AS region_idx, customer_country_idx(i + 1) AS country_idx,
             ${randoms('i + 1', { r_first: 202, r_last: 203, r_email: 210, r_domain: 211, r_co1: 212, r_co2: 213, r_acq_null: 214, r_acq: 215, r_birth_null: 216, r_b1: 217, r_b2: 218, r_opt: 219 })}
           FROM range(${s.customers}) t(i)
         ), named AS (
           SELECT *, ${pick('r_first', FIRST_NAMES)} AS first_name, ${pick('r_last', LAST_NAMES)} AS last_name,
             ${segment('customer_id')} AS segment
           FROM r
         )
         SELECT
           c.customer_id, c.first_name, c.last_name,
           CASE WHEN c.r_email >= 0.02
                THEN lower(c.first_name || '.' || c.last_name || c.customer_id::VARCHAR) || '@' || ${pick('c.r_domain', EMAIL_DOMAINS)} END AS email,
           CASE WHEN c.segment <> 'consumer' THEN ${pick('c.r_co1', COMPANY_WORDS)} || ' ' || ${pick('c.r_co2', COMPANY_SUFFIXES)} END AS company_name,
           c.segment,
           ${countryField((x) => x.code)}[c.country_idx] AS country_code,
           ${countryField((x) => x.name)}[c.country_idx] AS country,
           ${list(REGIONS)}[c.region_idx] AS region,
           ${countryField((x) => x.currency)}[c.country_idx] AS currency,
           CASE WHEN c.r_acq_null >= 0.10 THEN ${pick('c.r_acq', ACQUISITION_CHANNELS)} END AS acquisition_channel,
           CASE WHEN c.r_birth_null >= 0.35 THEN (1950 + floor(27 * (c.r_b1 + c.r_b2)))::INTEGER END AS birth_year,
           c.r_opt < 0.55 AS marketing_opt_in,
           -- legacy customers signed up during 2020, the others along t^(1/1.3) (see eligibleCustomers)
           CASE WHEN c.customer_id <= ${s.legacyCustomers}
                THEN TIMESTAMP '2020-01-01' + to_seconds(floor((c.customer_id - 1) / ${s.legacyCustomers} * ${PRELAUNCH_DAYS * 86_400})::BIGINT)
                ELSE TIMESTAMP '${DEMO_START_DATE}'
                  + to_seconds(floor(pow((c.customer_id - 1 - ${s.legacyCustomers}) / ${newCustomers(s)}, 1 / 1.3) * ${SPAN_SECONDS})::BIGINT)
           END AS signed_up_at,
           l.first_order_at,
           l.last_order_at,
           coalesce(l.lifetime_orders, 0)::INTEGER AS lifetime_orders,
           coalesce(l.lifetime_value_usd, 0)::DECIMAL(16,2) AS lifetime_value_usd,
           c.customer_id <= 20 OR coalesce(l.lifetime_value_usd, 0) >= 2000 AS is_vip
         FROM named c LEFT JOIN lifetime l USING (customer_id)
         ORDER BY customer_id`,
    ],
  };
}
