/**
 * A faster stand-in for `Intl.NumberFormat#format` on plain JS numbers — the hot path of result
 * formatting, where Intl costs most of the time of a cell. It gives the same text as the Intl
 * object it is built from: affixes, separators and digit settings are read from that object once
 * (`formatToParts`, `resolvedOptions`), and rounding is done like ICU does it, half away from zero
 * on the shortest decimal form of the double (`String(x)`), so `1.005` → `1.01`. Anything outside
 * the fast path (bigints, decimal strings, non-finite numbers, exponent forms, significant-digit
 * rounding) goes to Intl itself. `fast-number.test.ts` checks it against Intl on many values.
 */

export type NumberToText = (value: number | bigint | string) => string;

/** How an Intl number format lays out its digits: affixes, separators, digit counts. */
export interface NumberShape {
  positivePrefix: string;
  positiveSuffix: string;
  negativePrefix: string;
  negativeSuffix: string;
  group: string;
  decimal: string;
  minInteger: number;
  minFraction: number;
  maxFraction: number;
}

const NUMBER_PARTS = new Set(['integer', 'group', 'decimal', 'fraction']);

/** Text before and after the digits of one formatted probe, and its separators. */
const affixes = (parts: Intl.NumberFormatPart[]) => {
  const first = parts.findIndex((p) => NUMBER_PARTS.has(p.type));
  let last = first;
  for (let i = first; i < parts.length; i++) if (NUMBER_PARTS.has(parts[i]!.type)) last = i;
  const text = (from: number, to: number) => parts.slice(from, to).map((p) => p.value).join('');
  return {
    prefix: text(0, first),
    suffix: text(last + 1, parts.length),
    group: parts.find((p) => p.type === 'group')?.value,
    decimal: parts.find((p) => p.type === 'decimal')?.value,
  };
};

/**
 * The layout of an Intl number format, read once from `formatToParts` and `resolvedOptions`, or
 * undefined when its text is not affixes around grouped digits rounded half away from zero
 * (significant digits, percent, units, other rounding modes or numbering systems).
 */
export const numberShape = (format: Intl.NumberFormat): NumberShape | undefined => {
  const options = format.resolvedOptions() as Intl.ResolvedNumberFormatOptions & { roundingIncrement?: number; roundingMode?: string };
  if (options.notation !== 'standard' || options.style === 'percent' || options.style === 'unit') return undefined;
  if (options.minimumSignificantDigits !== undefined || options.maximumSignificantDigits !== undefined) return undefined;
  if ((options.roundingIncrement ?? 1) !== 1 || (options.roundingMode ?? 'halfExpand') !== 'halfExpand') return undefined;
  if (options.signDisplay !== 'auto' || options.numberingSystem !== 'latn') return undefined;
  const maxFraction = options.maximumFractionDigits ?? 3;
  const positive = affixes(format.formatToParts(1234.5));
  const negative = affixes(format.formatToParts(-1234.5));
  const grouped = options.useGrouping !== false && options.useGrouping !== ('false' as unknown);
  if (grouped && positive.group === undefined) return undefined;
  if (maxFraction > 0 && positive.decimal === undefined) return undefined;
  return {
    positivePrefix: positive.prefix,
    positiveSuffix: positive.suffix,
    negativePrefix: negative.prefix,
    negativeSuffix: negative.suffix,
    group: grouped ? positive.group! : '',
    decimal: positive.decimal ?? '.',
    minInteger: options.minimumIntegerDigits ?? 1,
    minFraction: options.minimumFractionDigits ?? 0,
    maxFraction,
  };
};

/** `digits` (ASCII 0-9) plus one in the last place. */
const increment = (digits: string): string => {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${'0'.repeat(digits.length - i - 1)}`;
};

const groupDigits = (integer: string, group: string): string => {
  if (group === '' || integer.length <= 3) return integer;
  let out = integer.slice(0, integer.length % 3 || 3);
  for (let i = out.length; i < integer.length; i += 3) out += group + integer.slice(i, i + 3);
  return out;
};

const POW10 = Array.from({ length: 21 }, (_, i) => 10 ** i);

/**
 * Integer and fraction digits of `abs` rounded to `maxFraction` places. Quick route: scale to an
 * integer and round — exact unless the scaled value sits within float error of a tie, where the
 * shortest-decimal route decides (`String(x)` is the costly part, so it is kept for those).
 */
const roundedDigits = (abs: number, maxFraction: number): [string, string] | undefined => {
  const scaled = abs * POW10[maxFraction]!;
  if (scaled < 1e15) {
    let n = Math.floor(scaled);
    const rest = scaled - n;
    if (Math.abs(rest - 0.5) > scaled * 1e-14 + 1e-12) {
      if (rest > 0.5) n++;
      if (maxFraction === 0) return [String(n), ''];
      const digits = String(n).padStart(maxFraction + 1, '0');
      return [digits.slice(0, digits.length - maxFraction), digits.slice(digits.length - maxFraction)];
    }
  }
  const text = String(abs);
  if (text.includes('e')) return undefined;
  const dot = text.indexOf('.');
  let integer = dot < 0 ? text : text.slice(0, dot);
  let fraction = dot < 0 ? '' : text.slice(dot + 1);
  if (fraction.length > maxFraction) {
    const up = fraction.charCodeAt(maxFraction) >= 53; // first dropped digit ≥ 5: half away from zero
    fraction = fraction.slice(0, maxFraction);
    if (up) {
      const all = increment(integer + fraction);
      integer = all.slice(0, all.length - fraction.length);
      fraction = all.slice(all.length - fraction.length);
    }
  }
  return [integer, fraction];
};

/** Fraction digits of an integer: `minFraction` zeros (the common id, count and amount-in-cents case skips rounding). */
const ZEROS = Array.from({ length: 21 }, (_, i) => '0'.repeat(i));

const fastText = (shape: NumberShape, value: number): string | undefined => {
  const negative = value < 0 || Object.is(value, -0);
  const abs = negative ? -value : value;
  if (Number.isSafeInteger(abs) && shape.minInteger === 1 && shape.minFraction <= 20) {
    const grouped = groupDigits(String(abs), shape.group);
    const body = shape.minFraction === 0 ? grouped : grouped + shape.decimal + ZEROS[shape.minFraction]!;
    return negative ? shape.negativePrefix + body + shape.negativeSuffix : shape.positivePrefix + body + shape.positiveSuffix;
  }
  const rounded = roundedDigits(abs, shape.maxFraction);
  if (!rounded) return undefined;
  let [integer, fraction] = rounded;
  let end = fraction.length;
  while (end > shape.minFraction && fraction.charCodeAt(end - 1) === 48) end--;
  if (end < fraction.length) fraction = fraction.slice(0, end);
  if (fraction.length < shape.minFraction) fraction = fraction.padEnd(shape.minFraction, '0');
  if (integer.length < shape.minInteger) integer = integer.padStart(shape.minInteger, '0');
  const body = fraction === '' ? groupDigits(integer, shape.group) : groupDigits(integer, shape.group) + shape.decimal + fraction;
  return negative ? shape.negativePrefix + body + shape.negativeSuffix : shape.positivePrefix + body + shape.positiveSuffix;
};

/**
 * The text function of an Intl object. Intl.NumberFormat v3 (Node ≥ 19) formats decimal strings
 * and bigints exactly; the cast only widens the lib typing, which lists `number | bigint`.
 */
export const numberToText = (format: Intl.NumberFormat): NumberToText => {
  const shape = numberShape(format);
  const slow = (value: number | bigint | string) => format.format(value as number);
  if (!shape) return slow;
  return (value) => {
    if (typeof value === 'number' && Number.isFinite(value)) return fastText(shape, value) ?? slow(value);
    return slow(value);
  };
};
