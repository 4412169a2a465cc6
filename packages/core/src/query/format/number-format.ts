import { numberToText } from './fast-number.js';
import type { NumberToText } from './fast-number.js';

/**
 * Number rendering with `Intl.NumberFormat`. Formatters are built once per option set and cached
 * for the life of the process (the set of option combinations is small), so no formatter is ever
 * constructed per cell; plain numbers take the Intl-equivalent fast path of `fast-number.ts`.
 * The locale is pinned (`en-US`, or `de-DE` for `periodComma`): output never depends on the
 * server's locale.
 */

/** A number as the warehouse clients deliver it: a JS number, a bigint, or a decimal string (big integers, exact decimals). */
export type Numeric = number | bigint | string;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The value as a number to format, or undefined when it is not one. Strings count only when they
 * are plain decimal literals (no hex, no `Infinity`, no blanks), and are kept as strings so big
 * integers and exact decimals keep every digit. NaN is not a number here: it shows as `NaN`.
 */
export const toNumeric = (raw: unknown): Numeric | undefined => {
  if (typeof raw === 'number') return Number.isNaN(raw) ? undefined : raw;
  if (typeof raw === 'bigint') return raw;
  if (typeof raw === 'string') {
    const s = raw.trim();
    return s !== '' && DECIMAL.test(s) ? s : undefined;
  }
  return undefined;
};

const cache = new Map<string, NumberToText>();

/**
 * The cached text function of an `Intl.NumberFormat` (see `fast-number.ts`); throws RangeError
 * for invalid options (callers validate first).
 */
export const numberText = (locale: string, options: Intl.NumberFormatOptions): NumberToText => {
  const key = `${locale}|${JSON.stringify(options)}`;
  let text = cache.get(key);
  if (!text) {
    text = numberToText(new Intl.NumberFormat(locale, options));
    cache.set(key, text);
  }
  return text;
};

/** The default number rendering: thousands commas, at most 3 decimals (`1,234.568`). */
export const formatDefaultNumber: (value: Numeric) => string = numberText('en-US', {});

/** An upper-case ISO 4217 code Intl accepts, or undefined. */
export const validCurrency = (code: string | undefined): string | undefined => {
  if (!code) return undefined;
  const upper = code.toUpperCase();
  try {
    numberText('en-US', { style: 'currency', currency: upper });
    return upper;
  } catch {
    return undefined;
  }
};

export interface NumberStyle {
  /** Decimals: ≥ 0 fixes them (capped at 20); < 0 rounds to tens, hundreds…; undefined keeps up to 3 (currency: its own digits). */
  round?: number | undefined;
  /** `NumberSeparator` of 0.1411 (`commaPeriod`, `spacePeriod`, `periodComma`, `noSeparatorPeriod`) or HEAD's `apostrophePeriod`; others mean the default. */
  separator?: string | undefined;
  /** ISO code, already checked with `validCurrency`. */
  currency?: string | undefined;
}

const NBSP = /[\u00A0\u202F]/g;
const COMMA = /,/g;

const postProcess = (separator: string | undefined, currency: boolean): ((s: string) => string) | undefined => {
  const spaces = currency ? (s: string) => s.replace(NBSP, ' ') : undefined;
  const swap = separator === 'spacePeriod' ? ' ' : separator === 'apostrophePeriod' ? "'" : undefined;
  if (swap === undefined) return spaces;
  return spaces ? (s) => spaces(s).replace(COMMA, swap) : (s) => s.replace(COMMA, swap);
};

/** Significant digits that keep `|value|`'s integer part minus `-round` digits (at least 1). */
const significantDigits = (value: Numeric, round: number): number => {
  const integer = Math.trunc(Math.abs(Number(value)));
  const digits = Number.isFinite(integer) ? String(integer).length : 21;
  return Math.min(Math.max(digits + round, 1), 21);
};

/** A formatter for one number style; every Intl object it needs is resolved here, not per value. */
export const createNumberFormatter = (style: NumberStyle): ((value: Numeric) => string) => {
  const { separator, currency } = style;
  const locale = separator === 'periodComma' ? 'de-DE' : 'en-US';
  const base: Intl.NumberFormatOptions = {};
  if (currency) {
    base.style = 'currency';
    base.currency = currency;
  }
  if (separator === 'noSeparatorPeriod') base.useGrouping = false;
  const post = postProcess(separator, currency !== undefined);
  const round = style.round !== undefined && Number.isFinite(style.round) ? Math.trunc(style.round) : undefined;

  if (round !== undefined && round < 0) {
    return (value) => {
      const text = numberText(locale, { ...base, maximumSignificantDigits: significantDigits(value, round), maximumFractionDigits: 0 });
      const s = text(value);
      return post ? post(s) : s;
    };
  }
  const digits = round === undefined ? {} : { minimumFractionDigits: Math.min(round, 20), maximumFractionDigits: Math.min(round, 20) };
  const text = numberText(locale, { ...base, ...digits });
  return post ? (value) => post(text(value)) : text;
};
