import { numberShape, numberToText } from './fast-number.js';
import type { NumberShape, NumberToText } from './fast-number.js';

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

type CachedFormat = { text: NumberToText; shape: NumberShape | undefined };

const cache = new Map<string, CachedFormat>();

/** The cached Intl object's text function and layout; throws RangeError for invalid options (callers validate first). */
const cachedFormat = (locale: string, options: Intl.NumberFormatOptions): CachedFormat => {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = cache.get(key);
  if (!cached) {
    const intl = new Intl.NumberFormat(locale, options);
    cached = { text: numberToText(intl), shape: numberShape(intl) };
    cache.set(key, cached);
  }
  return cached;
};

/** The cached text function of an `Intl.NumberFormat` (see `fast-number.ts`). */
export const numberText = (locale: string, options: Intl.NumberFormatOptions): NumberToText => cachedFormat(locale, options).text;

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
const NBSP_ONE = /[\u00A0\u202F]/;
const COMMA = /,/g;

/** The text's post-processing; `spaced`: the text may hold a no-break space to replace (currencies). */
const postProcess = (separator: string | undefined, spaced: boolean): ((s: string) => string) | undefined => {
  const spaces = spaced ? (s: string) => s.replace(NBSP, ' ') : undefined;
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

/** The Intl locale and options of a style, its text post-processing, and its fixed rounding. */
const intlStyle = (style: NumberStyle) => {
  const { separator, currency } = style;
  const locale = separator === 'periodComma' ? 'de-DE' : 'en-US';
  const base: Intl.NumberFormatOptions = {};
  if (currency) {
    base.style = 'currency';
    base.currency = currency;
  }
  if (separator === 'noSeparatorPeriod') base.useGrouping = false;
  const round = style.round !== undefined && Number.isFinite(style.round) ? Math.trunc(style.round) : undefined;
  const digits = round === undefined ? {} : { minimumFractionDigits: Math.min(round, 20), maximumFractionDigits: Math.min(round, 20) };
  const options = { ...base, ...digits };
  // Currencies may put a no-break space between symbol and number; a shape without one needs no replacing
  // (the Intl fallback for bigints and decimal strings uses the same affixes).
  const shape = round !== undefined && round < 0 ? undefined : cachedFormat(locale, options).shape;
  const spaced = currency !== undefined && (!shape || Object.values(shape).some((part) => typeof part === 'string' && NBSP_ONE.test(part)));
  return { locale, base, post: postProcess(separator, spaced), round, options, shape };
};

/** A formatter for one number style; every Intl object it needs is resolved here, not per value. */
export const createNumberFormatter = (style: NumberStyle): ((value: Numeric) => string) => {
  const { locale, base, post, round, options } = intlStyle(style);
  if (round !== undefined && round < 0) {
    return (value) => {
      const text = numberText(locale, { ...base, maximumSignificantDigits: significantDigits(value, round), maximumFractionDigits: 0 });
      const s = text(value);
      return post ? post(s) : s;
    };
  }
  const text = numberText(locale, options);
  return post ? (value) => post(text(value)) : text;
};

/**
 * The layout of a style's text, for renderers outside JS (the warehouse's CSV writer): the Intl
 * object's shape with the style's post-processing applied to its affixes and separators.
 * Undefined when there is none (rounding to tens and hundreds depends on the value).
 */
export const numberStyleShape = (style: NumberStyle): NumberShape | undefined => {
  const { post, shape } = intlStyle(style);
  if (!shape || !post) return shape;
  return {
    ...shape,
    positivePrefix: post(shape.positivePrefix),
    positiveSuffix: post(shape.positiveSuffix),
    negativePrefix: post(shape.negativePrefix),
    negativeSuffix: post(shape.negativeSuffix),
    group: post(shape.group),
    decimal: post(shape.decimal),
  };
};
