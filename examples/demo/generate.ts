/**
 * Deterministic generator for the Tessera demo warehouse: an online shop in schema `demo`.
 *
 * Every row is produced inside DuckDB from `range()` and a hash-based pseudo-random function,
 * `rnd(key, salt)` = DuckDB's 64-bit `hash(key * 4096 + salt)` scaled to [0, 1). No JavaScript loops, no
 * Math.random: the same scale yields the same data whatever the thread count (money is DECIMAL so every
 * aggregate is exact, and window sums run over integers). The values depend on DuckDB's `hash()`, which
 * is pinned with `@duckdb/node-api` in package-lock.json; a DuckDB upgrade could reshuffle values (never
 * the shapes or the invariants the tests check).
 *
 * Performance notes (≈2.7M rows at scale 1, about 8–10 s of CPU time, i.e. well under 10 s on two cores):
 * - random numbers are computed once per row as plain columns, and categorical values are drawn from
 *   constant "slot" lists (`list[1 + floor(r * n)]`, flat: indexing a nested list literal copies the
 *   inner list per row) instead of CASE chains, which DuckDB evaluates branch by branch;
 * - customer and product attributes are macros of the id, so no join is needed (joins cost time and
 *   break the natural row order, which is kept so that ids follow time);
 * - per-day id allocation (a 2,130-row source) is materialised first so that the heavy projections
 *   scan a real table in parallel, and prefix sums (ids of child rows) are computed before unnesting.
 *
 * The database is written to a temporary file next to the target and renamed on success, so an
 * interrupted run never leaves a half-written database behind.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';

export const DEMO_SCHEMA = 'demo';

/** Tables written to schema `demo`. */
export const DEMO_TABLES = ['products', 'customers', 'orders', 'order_items', 'payments', 'web_events'] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

/** Primary key of each table (single column). */
export const DEMO_PRIMARY_KEYS: Record<DemoTable, string> = {
  products: 'product_id',
  customers: 'customer_id',
  orders: 'order_id',
  order_items: 'order_item_id',
  payments: 'payment_id',
  web_events: 'event_id',
};

/** First and last calendar day covered by orders and web events (fixed, so results never drift). */
export const DEMO_START_DATE = '2021-01-01';
export const DEMO_END_DATE = '2026-10-31';

/** Row counts at scale 1 (order_items, payments and web_events follow from orders and sessions). */
export const BASE_COUNTS = {
  customers: 120_000,
  products: 2_500,
  orders: 300_000,
  sessions: 320_000,
} as const;

export interface GenerateOptions {
  /** Multiplies every row count (default 1: ~0.8M order items, ~1.1M web events). At most 100. */
  scale?: number;
  /** Called before each step and once at the end (`done === total`). */
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface GenerateResult {
  file: string;
  scale: number;
  rowCounts: Record<DemoTable, number>;
  elapsedMs: number;
}

const DAY_MS = 86_400_000;
const START_MS = Date.parse(`${DEMO_START_DATE}T00:00:00Z`);
const END_EXCLUSIVE_MS = Date.parse(`${DEMO_END_DATE}T00:00:00Z`) + DAY_MS;
/** Number of days from DEMO_START_DATE to DEMO_END_DATE inclusive. */
const N_DAYS = Math.round((END_EXCLUSIVE_MS - START_MS) / DAY_MS);
/** Legacy customers signed up, and the first products launched, during the year before (2020). */
const PRELAUNCH_DAYS = 366;
/** Resolution of the slot lists used for weighted categorical draws. */
const SLOTS = 200;

interface Category {
  name: string;
  weight: number;
  basePrice: number;
  nouns: string[];
}

const CATEGORIES: Category[] = [
  { name: 'Apparel', weight: 26, basePrice: 38, nouns: ['T-Shirt', 'Hoodie', 'Jacket', 'Chinos', 'Sweater', 'Dress', 'Scarf', 'Cap'] },
  { name: 'Footwear', weight: 12, basePrice: 85, nouns: ['Sneakers', 'Boots', 'Sandals', 'Loafers', 'Trail Runners'] },
  { name: 'Home', weight: 16, basePrice: 45, nouns: ['Mug Set', 'Throw Blanket', 'Lamp', 'Cushion', 'Vase', 'Cutting Board'] },
  { name: 'Electronics', weight: 12, basePrice: 120, nouns: ['Headphones', 'Speaker', 'Charger', 'Smartwatch', 'Keyboard', 'Webcam'] },
  { name: 'Beauty', weight: 12, basePrice: 24, nouns: ['Face Cream', 'Serum', 'Shampoo', 'Lip Balm', 'Perfume'] },
  { name: 'Outdoor', weight: 10, basePrice: 70, nouns: ['Backpack', 'Tent', 'Water Bottle', 'Sleeping Bag', 'Headlamp'] },
  { name: 'Toys', weight: 7, basePrice: 30, nouns: ['Puzzle', 'Building Set', 'Plush Bear', 'Board Game', 'Kite'] },
  { name: 'Books', weight: 5, basePrice: 18, nouns: ['Cookbook', 'Novel', 'Travel Guide', 'Notebook', 'Atlas'] },
];

const ADJECTIVES = ['Classic', 'Essential', 'Urban', 'Nordic', 'Coastal', 'Alpine', 'Vintage', 'Modern', 'Everyday', 'Premium', 'Lightweight', 'Organic', 'Studio', 'Heritage', 'Compact', 'Bold'];
const BRANDS = ['Northwind', 'Fjordline', 'Kestrel & Co', 'Lumen', 'Brightleaf', 'Tidewater', 'Oakridge', 'Saltmarsh', 'Copperfield', 'Meridian', 'Halcyon', 'Juniper Lane'];
const FIRST_NAMES = ['Ava', 'Liam', 'Noah', 'Emma', 'Olivia', 'Lucas', 'Mia', 'Sofia', 'Hugo', 'Lea', 'Mateo', 'Yuki', 'Aarav', 'Chloe', 'Ethan', 'Isla', 'Leo', 'Nora', 'Omar', 'Priya', 'Ravi', 'Sara', 'Tomas', 'Zoe', 'Ines', 'Jonas', 'Kenji', 'Lina', 'Marta', 'Nia', 'Pablo', 'Ruth', 'Felix', 'Grace', 'Hana', 'Ivan', 'Julia', 'Karim', 'Lars', 'Maya'];
const LAST_NAMES = ['Smith', 'Garcia', 'Muller', 'Rossi', 'Dubois', 'Silva', 'Tanaka', 'Kim', 'Nguyen', 'Patel', 'Johansson', 'Novak', 'Brown', 'Martin', 'Lopez', 'Kowalski', 'Jensen', 'Moreau', 'Costa', 'Sato', 'Chen', 'Singh', 'Walker', 'Hughes', 'Fischer', 'Bianchi', 'Santos', 'Ito', 'Park', 'Olsen'];
const EMAIL_DOMAINS = ['example.com', 'mail.example.org', 'inbox.example.net', 'post.example.io'];
const COMPANY_WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Wonka', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne'];
const COMPANY_SUFFIXES = ['Industries', 'Group', 'Labs', 'Retail', 'Partners'];
const ACQUISITION_CHANNELS = ['organic_search', 'paid_search', 'social', 'email', 'referral', 'affiliate'];

const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'] as const;
const REGION_WEIGHTS = [40, 35, 15, 10];
/** Sales-tax / VAT rate applied to orders, per region (same order as REGIONS). */
const TAX_RATES = ['0.07', '0.20', '0.10', '0.16'];

interface Country {
  region: (typeof REGIONS)[number];
  code: string;
  name: string;
  currency: string;
  /** Units of local currency per USD (before the small monthly drift). */
  fx: number;
  /** Share within its region. */
  weight: number;
}

const COUNTRIES: Country[] = [
  { region: 'NA', code: 'US', name: 'United States', currency: 'USD', fx: 1, weight: 85 },
  { region: 'NA', code: 'CA', name: 'Canada', currency: 'CAD', fx: 1.36, weight: 15 },
  { region: 'EMEA', code: 'DE', name: 'Germany', currency: 'EUR', fx: 0.92, weight: 30 },
  { region: 'EMEA', code: 'GB', name: 'United Kingdom', currency: 'GBP', fx: 0.79, weight: 25 },
  { region: 'EMEA', code: 'FR', name: 'France', currency: 'EUR', fx: 0.92, weight: 20 },
  { region: 'EMEA', code: 'SE', name: 'Sweden', currency: 'SEK', fx: 10.6, weight: 10 },
  { region: 'EMEA', code: 'ES', name: 'Spain', currency: 'EUR', fx: 0.92, weight: 15 },
  { region: 'APAC', code: 'JP', name: 'Japan', currency: 'JPY', fx: 149, weight: 40 },
  { region: 'APAC', code: 'AU', name: 'Australia', currency: 'AUD', fx: 1.52, weight: 40 },
  { region: 'APAC', code: 'SG', name: 'Singapore', currency: 'SGD', fx: 1.34, weight: 20 },
  { region: 'LATAM', code: 'BR', name: 'Brazil', currency: 'BRL', fx: 5.1, weight: 60 },
  { region: 'LATAM', code: 'MX', name: 'Mexico', currency: 'MXN', fx: 17.8, weight: 40 },
];

/** Payment-method mix per region (same order as REGIONS). */
const PAYMENT_METHODS: [string, number][][] = [
  [['credit_card', 65], ['paypal', 20], ['apple_pay', 15]],
  [['credit_card', 50], ['paypal', 25], ['klarna', 15], ['bank_transfer', 10]],
  [['credit_card', 60], ['paypal', 15], ['bank_transfer', 25]],
  [['credit_card', 55], ['bank_transfer', 30], ['paypal', 15]],
];

// ---------------------------------------------------------------------------------------------
// SQL building helpers (all inputs are the constants above, never user input)
// ---------------------------------------------------------------------------------------------

type SqlScalar = string | number | null;

function lit(v: SqlScalar): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  return `'${v.replace(/'/g, "''")}'`;
}

function list(values: readonly SqlScalar[]): string {
  return `[${values.map(lit).join(', ')}]`;
}

/** Expands weighted options into SLOTS entries (largest-remainder rounding). */
function slots(options: readonly (readonly [SqlScalar, number])[]): SqlScalar[] {
  const total = options.reduce((s, [, w]) => s + w, 0);
  const exact = options.map(([, w]) => (w / total) * SLOTS);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let missing = SLOTS - counts.reduce((s, c) => s + c, 0);
  for (const [, i] of order) {
    if (missing-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return options.flatMap(([v], i) => Array<SqlScalar>(counts[i] ?? 0).fill(v));
}

/** Weighted draw with a random column r in [0, 1). */
function weighted(r: string, options: readonly (readonly [SqlScalar, number])[]): string {
  return `${list(slots(options))}[1 + floor(${r} * ${SLOTS})::INTEGER]`;
}

/**
 * Weighted draw from per-group option lists; `group` is a 1-based index expression. The groups are
 * flattened into one list: indexing a nested list literal copies the inner list for every row.
 */
function weightedBy(group: string, r: string, perGroup: readonly (readonly (readonly [SqlScalar, number])[])[]): string {
  return `${list(perGroup.flatMap((g) => slots(g)))}[(${group} - 1) * ${SLOTS} + 1 + floor(${r} * ${SLOTS})::INTEGER]`;
}

/** Uniform draw from a list with a random column r in [0, 1). */
function pick(r: string, values: readonly SqlScalar[]): string {
  return `${list(values)}[1 + floor(${r} * ${values.length})::INTEGER]`;
}

/** `rnd(key, salt) AS name` for each (name, salt) pair. */
function randoms(key: string, columns: Record<string, number>): string {
  return Object.entries(columns)
    .map(([name, salt]) => `rnd(${key}, ${salt}) AS ${name}`)
    .join(', ');
}

const MACROS = [
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

interface Sizes {
  customers: number;
  products: number;
  orders: number;
  sessions: number;
  legacyCustomers: number;
}

function sizes(scale: number): Sizes {
  const n = (base: number, min: number) => Math.max(min, Math.round(base * scale));
  const customers = n(BASE_COUNTS.customers, 50);
  return {
    customers,
    products: n(BASE_COUNTS.products, 40),
    orders: n(BASE_COUNTS.orders, 100),
    sessions: n(BASE_COUNTS.sessions, 100),
    legacyCustomers: Math.max(1, Math.round(customers * 0.08)),
  };
}

interface Step {
  name: string;
  sql: string[];
}

function buildSteps(s: Sizes): Step[] {
  const S = DEMO_SCHEMA;
  const spanSeconds = N_DAYS * 86_400;
  const productSpanDays = N_DAYS + PRELAUNCH_DAYS;
  const endDate = `DATE '${DEMO_END_DATE}'`;
  const newCustomers = Math.max(1, s.customers - s.legacyCustomers);

  // Customers 1..legacy signed up during 2020, the others from the start date on, with a cumulative
  // count ∝ t^1.3 (t = fraction of the order period). Orders and sessions at time t only pick customers
  // with id - 1 < eligible(t), i.e. who had already signed up (a 0.9995 margin absorbs float rounding).
  const eligibleCustomers = (t: string) =>
    `greatest(1, least(${s.customers}, floor(${s.legacyCustomers} + ${newCustomers} * 0.9995 * pow(${t}, 1.3))::BIGINT))`;
  // Products launch at an even pace from 2020-01-01 (launch offset of id = (id-1)*span // P days),
  // so on day d only ids up to eligibleProducts(d) can be bought or viewed (exact integer arithmetic).
  const eligibleProducts = (dayIdx: string) =>
    `least(${s.products}, ((${dayIdx} + ${PRELAUNCH_DAYS}) * ${s.products}) // ${productSpanDays} + 1)`;
  // Popular products are the long-established ones (low ids), plus a few "hero" products.
  const productPick = (heroR: string, heroPickR: string, popR: string, maxProduct: string) =>
    `CASE WHEN ${heroR} < 0.10 THEN 1 + floor(${heroPickR} * least(10, ${maxProduct}))
          ELSE 1 + floor(${maxProduct} * pow(${popR}, 1.6)) END::BIGINT`;
  // Allocates `total` rows over the calendar proportionally to integer day weights (exact, so the
  // total is always `total` and every day's share is deterministic).
  const allocate = (weight: string, total: number) => `
    SELECT day_idx, d, is_bfcm,
      (((cum_${weight} - w_${weight})::HUGEINT * ${total}) // tot_${weight})::BIGINT AS first_idx,
      ((cum_${weight}::HUGEINT * ${total}) // tot_${weight})::BIGINT AS end_idx
    FROM days`;

  const countryField = (field: (c: Country) => SqlScalar) => list(COUNTRIES.map(field));
  const currencies = [...new Set(COUNTRIES.map((c) => c.currency))];
  // the 20 lowest ids are the big enterprise accounts; about 8 % of the others are businesses
  const segment = (id: string) =>
    `CASE WHEN ${id} <= 20 THEN 'enterprise' WHEN rnd(${id}, 205) < 0.08 THEN 'business' ELSE 'consumer' END`;
  const nounOffsets = CATEGORIES.map((_, i) => CATEGORIES.slice(0, i).reduce((n, c) => n + c.nouns.length, 0));
  const pagePaths = ['/', '/', '/sale', '/new-arrivals', '/blog/gift-guide', '/help/shipping', ...CATEGORIES.map((c) => `/category/${c.name.toLowerCase()}`)];

  return [
    {
      name: 'calendar',
      sql: [
        // One row per day with integer weights for orders and sessions: growth, yearly seasonality
        // (holiday peak, January dip), weekday pattern, Black Friday–Cyber Monday, a spring sale,
        // one outage day and ±10 % noise. Integer weights keep the cumulative sums exact.
        `CREATE TEMP TABLE days AS
         WITH base AS (
           SELECT i AS day_idx, (DATE '${DEMO_START_DATE}' + i::INTEGER) AS d FROM range(${N_DAYS}) t(i)
         ), feat AS (
           SELECT day_idx, d, dayofweek(d) AS dow, dayofyear(d) AS doy,
             make_date(year(d), 11, 1) + ((11 - dayofweek(make_date(year(d), 11, 1))) % 7)::INTEGER + 21 AS thanksgiving
           FROM base
         ), shaped AS (
           SELECT day_idx, d,
             d BETWEEN thanksgiving + 1 AND thanksgiving + 4 AS is_bfcm,
             exp(1.15 * day_idx / ${N_DAYS})
               * (1 + 0.18 * cos(2 * pi() * (doy - 340) / 365.25))
               * CASE dow WHEN 0 THEN 1.08 WHEN 1 THEN 1.10 WHEN 5 THEN 0.90 WHEN 6 THEN 0.88 ELSE 1.0 END
               * CASE WHEN d BETWEEN thanksgiving + 1 AND thanksgiving + 4 THEN 2.4
                      WHEN month(d) = 12 AND day(d) BETWEEN 1 AND 20 THEN 1.3
                      WHEN month(d) = 12 AND day(d) BETWEEN 24 AND 26 THEN 0.6
                      WHEN month(d) = 1 AND day(d) = 1 THEN 0.5
                      WHEN month(d) = 4 AND day(d) BETWEEN 10 AND 20 THEN 1.25
                      WHEN d = DATE '2024-03-14' THEN 0.3
                      ELSE 1.0 END AS shape
           FROM feat
         ), weighted AS (
           SELECT day_idx, d, is_bfcm,
             round(1e6 * shape * (0.9 + 0.2 * rnd(day_idx, 1)))::BIGINT AS w_orders,
             round(1e6 * shape * (0.75 + 0.25 * day_idx / ${N_DAYS}) * (0.9 + 0.2 * rnd(day_idx, 2)))::BIGINT AS w_sessions
           FROM shaped
         )
         SELECT day_idx, d, is_bfcm, w_orders, w_sessions,
           sum(w_orders) OVER (ORDER BY day_idx) AS cum_orders, sum(w_orders) OVER () AS tot_orders,
           sum(w_sessions) OVER (ORDER BY day_idx) AS cum_sessions, sum(w_sessions) OVER () AS tot_sessions
         FROM weighted`,
      ],
    },
    {
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
             || ${list(CATEGORIES.flatMap((c) => c.nouns))}[${list(nounOffsets)}[cat_idx] + 1 + floor(r_noun * ${list(CATEGORIES.map((c) => c.nouns.length))}[cat_idx])::INTEGER] AS product_name,
           ${list(CATEGORIES.map((c) => c.name))}[cat_idx] AS category,
           ${pick('r_brand', BRANDS)} AS brand,
           product_list_price(id) AS list_price,
           product_unit_cost(id) AS unit_cost,
           CASE WHEN r_wnull >= 0.05 THEN round(0.1 + 4 * r_w * r_w, 2) END AS weight_kg,
           (DATE '2020-01-01' + (((id - 1) * ${productSpanDays}) // ${s.products})::INTEGER) AS launched_on,
           r_active >= 0.08 AS is_active
         FROM r`,
      ],
    },
    {
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
             ${eligibleCustomers(`((day_idx + sec / 86400.0) / ${N_DAYS})`)} AS max_customer
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
           CASE WHEN ${endDate} - d <= 2 THEN CASE WHEN r_status < 0.6 THEN 'pending' ELSE 'processing' END
                WHEN ${endDate} - d <= 9 THEN ${weighted('r_status', [['shipped', 50], ['processing', 10], ['cancelled', 2], ['completed', 38]])}
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
           ${eligibleProducts('day_idx')} AS max_product,
           -- local currency per USD with a small monthly drift (exactly 1 for USD)
           round(${countryField((c) => c.fx)}[country_idx]
             * CASE WHEN currency = 'USD' THEN 1.0
                    ELSE 1 + 0.04 * sin(2 * pi() * (year(d) * 12 + month(d)) / 17.0 + ${countryField((c) => currencies.indexOf(c.currency))}[country_idx])
               END, 4)::DOUBLE AS fx_rate
         FROM coded
         ), counted AS (
           SELECT *, sum(n_items) OVER (ORDER BY order_id) - n_items AS item_start FROM final
         )
         SELECT * FROM counted`,
        // Line items: the product is drawn among those already launched; prices come from the
        // product macros (same values as demo.products) so no join is needed.
        `CREATE TABLE ${S}.order_items AS
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
         FROM amounts`,
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
    },
    {
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
    },
    {
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
                  + to_seconds(floor(pow((c.customer_id - 1 - ${s.legacyCustomers}) / ${newCustomers}, 1 / 1.3) * ${spanSeconds})::BIGINT)
           END AS signed_up_at,
           l.first_order_at,
           l.last_order_at,
           coalesce(l.lifetime_orders, 0)::INTEGER AS lifetime_orders,
           coalesce(l.lifetime_value_usd, 0)::DECIMAL(16,2) AS lifetime_value_usd,
           c.customer_id <= 20 OR coalesce(l.lifetime_value_usd, 0) >= 2000 AS is_vip
         FROM named c LEFT JOIN lifetime l USING (customer_id)
         ORDER BY customer_id`,
      ],
    },
    {
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
           SELECT *, (day_seconds(r_h0, r_h1, r_h2, r_h3, r_h4) * CASE WHEN d = ${endDate} THEN 23 / 24 ELSE 1 END)::BIGINT AS sec
           FROM r
         ), who AS (
           SELECT *,
             d::TIMESTAMP + to_seconds(sec) AS started_at,
             (day_idx + sec / 86400.0) / ${N_DAYS} AS t,
             CASE WHEN r_login < 0.38
                  THEN 1 + floor(${eligibleCustomers(`((day_idx + sec / 86400.0) / ${N_DAYS})`)} * pow(r_cust, 1.3))::BIGINT
             END AS customer_id,
             least(30, 1 + floor(-ln(1 - r_n) * 3))::INTEGER AS n_events,
             ${eligibleProducts('day_idx')} AS max_product
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
             ELSE ${pick('r_page', pagePaths)}
           END AS page_path,
           CASE WHEN event_type IN ('product_view', 'add_to_cart') THEN viewed_product END AS product_id,
           customer_id,
           device_type,
           referrer_source,
           utm_campaign,
           region
         FROM typed`,
      ],
    },
  ];
}

/** The SQL statements the generator runs for a given scale (macros and temp tables included), in order. */
export function demoWarehouseSql(scale = 1): string[] {
  return [...MACROS, `CREATE SCHEMA ${DEMO_SCHEMA}`, ...buildSteps(sizes(scale)).flatMap((step) => step.sql)];
}

async function readRowCounts(conn: DuckDBConnection): Promise<Record<DemoTable, number>> {
  const sql = DEMO_TABLES.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${DEMO_SCHEMA}.${t}`).join(' UNION ALL ');
  const reader = await conn.runAndReadAll(sql);
  const out = {} as Record<DemoTable, number>;
  for (const [t, n] of reader.getRows()) out[t as DemoTable] = Number(n);
  return out;
}

const OUTPUT_ALIAS = 'tessera_demo_output';

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function removeDatabaseFiles(path: string): void {
  for (const p of [path, `${path}.wal`, `${path}.spill`]) rmSync(p, { force: true, recursive: true });
}

/**
 * Writes the demo warehouse (schema `demo`) to `file`, replacing any existing file.
 * Deterministic: the same scale always yields identical data.
 */
export async function generateDemoWarehouse(file: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const scale = options.scale ?? 1;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > 100) {
    throw new RangeError(`scale must be a number in (0, 100], got ${String(options.scale)}`);
  }
  const target = resolve(file);
  const stem = basename(target).split('.')[0] ?? '';
  if (stem.toLowerCase() === DEMO_SCHEMA) {
    // DuckDB names a database after its file: `demo.duckdb` would be catalog `demo`, and every
    // `demo.<table>` reference (as in the models) would be ambiguous between catalog and schema.
    throw new Error(
      `${basename(target)}: DuckDB would name this database "${stem}" like the schema "${DEMO_SCHEMA}"; ` +
        'choose another file name, e.g. tessera-demo.duckdb',
    );
  }
  const started = performance.now();
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${Date.now()}.tmp`);
  removeDatabaseFiles(tmp);

  const steps = buildSteps(sizes(scale));
  const total = steps.length + 1;
  const progress = options.onProgress ?? (() => undefined);

  let rowCounts: Record<DemoTable, number>;
  try {
    // Attach the file under a fixed alias so that the temporary file name does not matter.
    const instance = await DuckDBInstance.create(':memory:');
    try {
      const conn = await instance.connect();
      try {
        // large scales may spill; keep spill files next to the output rather than in the cwd
        await conn.run(`SET temp_directory = ${sqlString(`${tmp}.spill`)}`);
        await conn.run(`ATTACH ${sqlString(tmp)} AS ${OUTPUT_ALIAS}`);
        await conn.run(`USE ${OUTPUT_ALIAS}`);
        for (const sql of MACROS) await conn.run(sql);
        await conn.run(`CREATE SCHEMA ${DEMO_SCHEMA}`);
        for (const [i, step] of steps.entries()) {
          progress(step.name, i, total);
          for (const sql of step.sql) await conn.run(sql);
        }
        progress('checkpoint', steps.length, total);
        rowCounts = await readRowCounts(conn);
        await conn.run(`CHECKPOINT ${OUTPUT_ALIAS}`);
        await conn.run('USE memory');
        await conn.run(`DETACH ${OUTPUT_ALIAS}`);
      } finally {
        conn.closeSync();
      }
    } finally {
      instance.closeSync();
    }
    // A stale WAL next to the target would be replayed against the new file: remove it first.
    rmSync(`${target}.wal`, { force: true });
    renameSync(tmp, target);
    removeDatabaseFiles(tmp);
  } catch (err) {
    removeDatabaseFiles(tmp);
    throw err;
  }
  progress('done', total, total);
  return { file: target, scale, rowCounts, elapsedMs: Math.round(performance.now() - started) };
}
