import { describe, expect, it } from 'vitest';
import { numberToText } from './fast-number.js';

/** mulberry32: a seeded generator, so a failure names values that reproduce. */
const generator = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const values = (() => {
  const random = generator(1411);
  const out: number[] = [0, -0, 1, -1, 0.5, -0.5, 1.005, 2.5, -2.5, 0.125, 1.0005, 999.9995, 999999.5, 0.1 + 0.2, 1e-7, 1e21, 123456789.98765433, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e15, 999, -1000];
  for (let i = 0; i < 4000; i++) {
    const magnitude = 10 ** Math.floor(random() * 26 - 8);
    const sign = random() < 0.3 ? -1 : 1;
    out.push(sign * random() * magnitude);
    // Ties in the shortest decimal form: n.5, n.x5, n.xx5, n.xxx5.
    const places = Math.floor(random() * 4);
    out.push(sign * Number(`${Math.floor(random() * 100_000)}.${String(Math.floor(random() * 10 ** places)).padStart(places, '0')}5`));
    out.push(sign * Math.floor(random() * 1e12));
  }
  return out;
})();

const OPTIONS: [string, Intl.NumberFormatOptions][] = [
  ['en-US', {}],
  ['en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }],
  ['en-US', { minimumFractionDigits: 0, maximumFractionDigits: 0 }],
  ['en-US', { minimumFractionDigits: 20, maximumFractionDigits: 20 }],
  ['en-US', { useGrouping: false }],
  ['en-US', { useGrouping: true, minimumIntegerDigits: 3, minimumFractionDigits: 1, maximumFractionDigits: 4 }],
  ['en-US', { style: 'currency', currency: 'USD' }],
  ['en-US', { style: 'currency', currency: 'JPY' }],
  ['en-US', { style: 'currency', currency: 'CHF', minimumFractionDigits: 3, maximumFractionDigits: 3 }],
  ['de-DE', {}],
  ['de-DE', { style: 'currency', currency: 'EUR' }],
  ['de-DE', { style: 'currency', currency: 'USD', useGrouping: false }],
];

describe('numberToText gives the same text as Intl.NumberFormat', () => {
  it.each(OPTIONS)('%s %j', (locale, options) => {
    const intl = new Intl.NumberFormat(locale, options);
    const fast = numberToText(intl);
    const mismatches = values.filter((v) => fast(v) !== intl.format(v)).slice(0, 5);
    expect(mismatches.map((v) => `${v}: ${fast(v)} ≠ ${intl.format(v)}`)).toEqual([]);
  });

  it('hands bigints, decimal strings and non-finite numbers to Intl', () => {
    const intl = new Intl.NumberFormat('en-US', {});
    const fast = numberToText(intl);
    expect(fast(12345678901234567890n)).toBe('12,345,678,901,234,567,890');
    expect(fast('0.1234567')).toBe('0.123');
    expect(fast(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(fast(Number.NaN)).toBe('NaN');
  });

  it('falls back to Intl for significant-digit rounding', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2, maximumFractionDigits: 0 });
    expect(numberToText(intl)(123456)).toBe('120,000');
  });
});
