import { formatDefaultNumber, numberText, toNumeric } from './number-format.js';
import type { Numeric } from './number-format.js';

/**
 * Spreadsheet (ECMA-376 / Excel) number format expressions, the common subset:
 *   digit placeholders `0 # ?`, decimal point, thousands `,`, scaling commas (`#,##0,"K"`), `%`,
 *   literal text in quotes or after `\`, bare symbols (`$ - + ( ) : /`, spaces, emoji…), currency
 *   `[$£]` / `[$€-407]`, colours `[Red]` (ignored), `_x` (a space), `*x` (ignored), `General`,
 *   up to four sections `positive;negative;zero;text` and a text section with `@`.
 * Unsupported: dates and times, conditions (`[>100]`), scientific notation, fractions, literals
 * inside the digits (`000-0000`). For those `compileExpression` returns undefined so the caller
 * falls back; it never throws.
 */

/** Formats a value, or returns undefined when the expression has nothing to say about it (not a number, no text section). */
export type ExpressionFormatter = (raw: unknown) => string | undefined;

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'digit'; zero: boolean }
  | { kind: 'point' }
  | { kind: 'comma' }
  | { kind: 'percent' }
  | { kind: 'text' }
  | { kind: 'general' };

const COLOURS = /^(black|blue|cyan|green|magenta|red|white|yellow|color\s*\d+)$/i;
/** Letters that are codes (dates, times, scientific, fractions…) in a number format. */
const CODE_LETTERS = /[yYmMdDhHsSeEgGbBnNaA]/;

class Unsupported extends Error {}

const splitSections = (expression: string): string[] => {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i]!;
    if (c === '"') {
      const end = expression.indexOf('"', i + 1);
      if (end < 0) throw new Unsupported();
      current += expression.slice(i, end + 1);
      i = end;
    } else if (c === '\\' || c === '_' || c === '*') {
      current += expression.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      const end = expression.indexOf(']', i);
      if (end < 0) throw new Unsupported();
      current += expression.slice(i, end + 1);
      i = end;
    } else if (c === ';') {
      sections.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  sections.push(current);
  return sections;
};

const tokenize = (section: string): Token[] => {
  const tokens: Token[] = [];
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i]!;
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end));
      i = end;
    } else if (c === '\\') {
      literal(section[i + 1] ?? '');
      i++;
    } else if (c === '_') {
      literal(' ');
      i++;
    } else if (c === '*') {
      i++;
    } else if (c === '[') {
      const end = section.indexOf(']', i);
      const inside = section.slice(i + 1, end);
      if (inside.startsWith('$')) literal(inside.slice(1).split('-')[0]!);
      else if (!COLOURS.test(inside)) throw new Unsupported();
      i = end;
    } else if (c === '0' || c === '#' || c === '?') {
      tokens.push({ kind: 'digit', zero: c !== '#' });
    } else if (c === '.') {
      tokens.push({ kind: 'point' });
    } else if (c === ',') {
      tokens.push({ kind: 'comma' });
    } else if (c === '%') {
      tokens.push({ kind: 'percent' });
    } else if (c === '@') {
      tokens.push({ kind: 'text' });
    } else if (section.slice(i, i + 7).toLowerCase() === 'general') {
      tokens.push({ kind: 'general' });
      i += 6;
    } else if (CODE_LETTERS.test(c)) {
      throw new Unsupported();
    } else {
      literal(c);
    }
  }
  return tokens;
};

type SectionFormatter = (value: Numeric, text: string) => string;

const literalsOf = (tokens: Token[]): string => tokens.map((t) => (t.kind === 'literal' ? t.text : t.kind === 'percent' ? '%' : '')).join('');

const textSection = (tokens: Token[]): SectionFormatter => {
  if (tokens.some((t) => t.kind !== 'literal' && t.kind !== 'text')) throw new Unsupported();
  return (_value, text) => tokens.map((t) => (t.kind === 'literal' ? t.text : text)).join('');
};

const generalSection = (tokens: Token[]): SectionFormatter => {
  const at = tokens.findIndex((t) => t.kind === 'general');
  const prefix = literalsOf(tokens.slice(0, at));
  const suffix = literalsOf(tokens.slice(at + 1));
  if (tokens.some((t) => t.kind !== 'literal' && t.kind !== 'general')) throw new Unsupported();
  return (value) => `${prefix}${formatDefaultNumber(value)}${suffix}`;
};

const numberSection = (tokens: Token[]): SectionFormatter => {
  const percents = tokens.filter((t) => t.kind === 'percent').length;
  const first = tokens.findIndex((t) => t.kind === 'digit' || t.kind === 'point');
  if (first < 0) {
    const text = literalsOf(tokens);
    return () => text;
  }
  let last = first;
  for (let i = first; i < tokens.length; i++) {
    const kind = tokens[i]!.kind;
    if (kind === 'digit' || kind === 'point' || kind === 'comma') last = i;
    else if (kind !== 'percent' && kind !== 'literal') throw new Unsupported();
    else if (tokens.slice(i + 1).some((t) => t.kind === 'digit' || t.kind === 'point')) throw new Unsupported();
    else break;
  }
  const run = tokens.slice(first, last + 1);
  const prefix = literalsOf(tokens.slice(0, first));
  const suffix = literalsOf(tokens.slice(last + 1));
  // Commas after the last placeholder scale by 1,000 each (`#,##0,"K"`, `0.0,,"M"`); commas
  // between integer placeholders group thousands; any other comma is ignored.
  let scaleCommas = 0;
  while (run.length && run[run.length - 1]!.kind === 'comma') {
    run.pop();
    scaleCommas++;
  }
  const point = run.findIndex((t) => t.kind === 'point');
  if (point >= 0 && run.slice(point + 1).some((t) => t.kind === 'point')) throw new Unsupported();
  const integer = point < 0 ? run : run.slice(0, point);
  const fraction = point < 0 ? [] : run.slice(point + 1).filter((t) => t.kind === 'digit');
  const grouping = integer.some((t) => t.kind === 'comma');
  const minInteger = integer.filter((t) => t.kind === 'digit' && t.zero).length;
  const minFraction = fraction.filter((t) => t.kind === 'digit' && t.zero).length;
  const maxFraction = Math.min(fraction.length, 20);
  const multiplier = 100 ** percents;
  const divisor = 1000 ** scaleCommas;
  const text = numberText('en-US', {
    useGrouping: grouping,
    minimumIntegerDigits: Math.min(Math.max(minInteger, 1), 21),
    minimumFractionDigits: Math.min(minFraction, maxFraction),
    maximumFractionDigits: maxFraction,
  });
  const trailingPoint = point >= 0 && maxFraction === 0;
  return (value) => {
    let s = text(multiplier === 1 && divisor === 1 ? value : (Number(value) * multiplier) / divisor);
    if (minInteger === 0 && s.startsWith('0')) s = s.slice(1);
    if (trailingPoint) s += '.';
    return `${prefix}${s}${suffix}`;
  };
};

const compileSection = (section: string): { format: SectionFormatter; isText: boolean } => {
  const tokens = tokenize(section);
  if (tokens.some((t) => t.kind === 'text')) return { format: textSection(tokens), isText: true };
  if (tokens.some((t) => t.kind === 'general')) return { format: generalSection(tokens), isText: false };
  return { format: numberSection(tokens), isText: false };
};

const isNegative = (value: Numeric): boolean => (typeof value === 'string' ? value.startsWith('-') && Number(value) !== 0 : value < 0);
const absolute = (value: Numeric): Numeric =>
  typeof value === 'string' ? value.replace(/^[+-]/, '') : typeof value === 'bigint' ? (value < 0n ? -value : value) : Math.abs(value);
const isZero = (value: Numeric): boolean => Number(value) === 0;

/** The formatter of an expression, or undefined when the expression is outside the supported subset. */
export const compileExpression = (expression: string): ExpressionFormatter | undefined => {
  try {
    const sections = splitSections(expression).map(compileSection);
    if (sections.length > 4) return undefined;
    const text = sections.length === 4 ? sections[3]! : sections.length === 1 && sections[0]!.isText ? sections[0] : undefined;
    const numeric = sections.filter((s, i) => i < 3 && !s.isText);
    if (numeric.length !== Math.min(sections.length, 3) && !(sections.length === 1 && text)) return undefined;
    const [positive, negative, zero] = numeric;
    const formatText: ExpressionFormatter = text ? (raw) => text.format(0, String(raw)) : () => undefined;
    return (raw) => {
      if (typeof raw === 'boolean') return undefined;
      const value = toNumeric(raw);
      if (value === undefined) return typeof raw === 'string' ? formatText(raw) : undefined;
      if (!positive) return undefined;
      if (zero && isZero(value)) return zero.format(value, '');
      if (isNegative(value)) return negative ? negative.format(absolute(value), '') : `-${positive.format(absolute(value), '')}`;
      return positive.format(value, '');
    };
  } catch (error) {
    if (error instanceof Unsupported || error instanceof RangeError) return undefined;
    throw error;
  }
};
