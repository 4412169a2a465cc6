/** Public constants of the demo warehouse, and the row counts derived from a scale. */

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

const DAY_MS = 86_400_000;
const START_MS = Date.parse(`${DEMO_START_DATE}T00:00:00Z`);
const END_EXCLUSIVE_MS = Date.parse(`${DEMO_END_DATE}T00:00:00Z`) + DAY_MS;
/** Number of days from DEMO_START_DATE to DEMO_END_DATE inclusive. */
export const N_DAYS = Math.round((END_EXCLUSIVE_MS - START_MS) / DAY_MS);
/** Legacy customers signed up, and the first products launched, during the year before (2020). */
export const PRELAUNCH_DAYS = 366;

/** Row counts for one scale. */
export interface Sizes {
  customers: number;
  products: number;
  orders: number;
  sessions: number;
  legacyCustomers: number;
}

export function sizes(scale: number): Sizes {
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

/** One progress step of the generator: the SQL statements it runs, in order. */
export interface Step {
  name: string;
  sql: string[];
}
