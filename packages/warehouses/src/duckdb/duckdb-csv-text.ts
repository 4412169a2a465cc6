import { DuckDBDecimalType, DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import type { FormatPlan, NumberShape } from '@tessera/core';
import { duckdbDialect } from '../dialects/dialects.js';

/**
 * The SQL that gives a column's CSV text in DuckDB — exactly the text the streaming export writes
 * for the value the client normalises (`duckdb-values.ts`) — raw, or formatted by a `FormatPlan`
 * as `createValueFormatter` formats it. Undefined when DuckDB cannot give that text for the column's
 * type (then the export streams). Values outside the range an expression renders exactly (instants
 * before year 1 or after 9999, decimals past 15 digits in a wide column) stop the COPY with
 * `OUT_OF_RANGE`, and the export streams instead: exact for every value, fast for the usual ones.
 *
 * The COPY writes NULL as an empty field (`NULLSTR ''`), so an empty string is turned into NULL and
 * a formatted NULL into the literal `∅`.
 */

/** The message of the error that stops a COPY meeting a value its expressions do not cover. */
export const OUT_OF_RANGE = 'tessera-csv: a value outside the range of the native CSV writer';

export const quoteIdentifier = (name: string): string => duckdbDialect.quoteIdentifier(name);

/** A string literal through the dialect's renderer, which refuses NUL and unpaired surrogates. */
export const stringLiteral = (text: string): string => duckdbDialect.literal({ type: 'string', value: text });

/** The literal of `text`, or undefined when the renderer refuses it (the caller then declines and the export streams). */
export const safeStringLiteral = (text: string): string | undefined => {
  try {
    return stringLiteral(text);
  } catch {
    return undefined;
  }
};

const outOfRange = `error(${stringLiteral(OUT_OF_RANGE)})`;
const NULL_TEXT = stringLiteral('∅');

/** Integer types: their DuckDB text is their normal form's text (a number, or digits past 2^53). */
const INTEGERS = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
]);
const INSTANTS = new Set<DuckDBTypeId>([DuckDBTypeId.TIMESTAMP, DuckDBTypeId.TIMESTAMP_TZ]);

/**
 * A TIMESTAMP of the instant JS sees — UTC, microseconds truncated toward zero to milliseconds, as
 * the client's Date (before 1970 with a sub-millisecond part that is a millisecond later than
 * flooring) — or the out-of-range error outside years 1–9999 (where `Date.toISOString` and the
 * formatters' 4-digit years end).
 */
const jsInstant = (type: DuckDBType, column: string): string => {
  const utc = type.typeId === DuckDBTypeId.TIMESTAMP_TZ ? `(${column} AT TIME ZONE 'UTC')` : type.typeId === DuckDBTypeId.DATE ? `CAST(${column} AS TIMESTAMP)` : column;
  return (
    `CASE WHEN ${utc} BETWEEN TIMESTAMP '1970-01-01' AND TIMESTAMP '9999-12-31 23:59:59.999999' THEN ${utc} ` +
    `WHEN ${utc} >= TIMESTAMP '0001-01-01' THEN CASE WHEN epoch_us(${utc}) % 1000 <> 0 THEN ${utc} + INTERVAL 1 MILLISECOND ELSE ${utc} END ` +
    `ELSE ${outOfRange} END`
  );
};

/** The raw CSV text of a column of `type`, or undefined when DuckDB cannot give it exactly. */
export const rawCsvExpression = (type: DuckDBType, column: string): string | undefined => {
  if (type.typeId === DuckDBTypeId.BOOLEAN || INTEGERS.has(type.typeId)) return column;
  switch (type.typeId) {
    // An empty string becomes NULL: an empty field, as the streaming export writes it (DuckDB would write `""`).
    case DuckDBTypeId.VARCHAR:
      return `nullif(${column}, '')`;
    case DuckDBTypeId.DATE:
      // The client gives DuckDB's own text for every date.
      return column;
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return `strftime(${jsInstant(type, column)}, '%Y-%m-%dT%H:%M:%S.%gZ')`;
    case DuckDBTypeId.DECIMAL: {
      // Up to 15 digits and 6 decimals, the normal form's number prints as the decimal's digits without
      // trailing zeros (never in exponent notation): exactly DuckDB's text with those zeros trimmed.
      if (!(type instanceof DuckDBDecimalType) || type.width > 15 || type.scale > 6) return undefined;
      return type.scale === 0 ? column : `rtrim(rtrim(CAST(${column} AS VARCHAR), '0'), '.')`;
    }
  }
  return undefined;
};

const DATE_PATTERNS = { YEAR: '%Y', QUARTER: '%Y', MONTH: '%Y-%m', DAY: '%Y-%m-%d' } as const;
const TIME_PATTERNS = { HOUR: '%H', MINUTE: '%H:%M', SECOND: '%H:%M:%S', MILLISECOND: '%H:%M:%S:%g' } as const;

const dateExpression = (type: DuckDBType, column: string, part: keyof typeof DATE_PATTERNS): string | undefined => {
  let day: string;
  if (type.typeId === DuckDBTypeId.DATE) {
    day = `CASE WHEN ${column} BETWEEN DATE '0001-01-01' AND DATE '9999-12-31' THEN ${column} ELSE ${outOfRange} END`;
  } else if (INSTANTS.has(type.typeId)) {
    day = jsInstant(type, column);
  } else {
    return undefined;
  }
  const text = `strftime(${day}, '${DATE_PATTERNS[part]}')`;
  return part === 'QUARTER' ? `${text} || '-Q' || quarter(${day})` : text;
};

const timestampExpression = (type: DuckDBType, column: string, part: keyof typeof TIME_PATTERNS): string | undefined => {
  if (type.typeId !== DuckDBTypeId.DATE && !INSTANTS.has(type.typeId)) return undefined;
  return `strftime(${jsInstant(type, column)}, '%Y-%m-%d, ${TIME_PATTERNS[part]} (+00:00)')`;
};

/**
 * The digits of an integer expression's absolute value, grouped by `group`. `negative`: the value
 * may be below zero, and its sign is dropped (a value known to be ≥ 0 skips that work).
 */
const groupedDigits = (integer: string, group: string, negative: boolean): string => {
  const unsigned = (text: string) => (negative ? `ltrim(${text}, '-')` : text);
  if (group === '') return unsigned(`CAST(${integer} AS VARCHAR)`);
  const grouped = unsigned(`printf('%,d', ${integer})`);
  return group === ',' ? grouped : `replace(${grouped}, ',', ${stringLiteral(group)})`;
};

/** `fraction` (an expression of exactly `digits` digits) as the shape shows it: trailing zeros dropped down to minFraction. */
const fractionDigits = (fraction: string | undefined, digits: number, shape: NumberShape): string => {
  const min = shape.minFraction;
  if (fraction === undefined || digits === 0) return stringLiteral('0'.repeat(min));
  if (digits <= min) return min === digits ? fraction : `${fraction} || ${stringLiteral('0'.repeat(min - digits))}`;
  const trimmed = `rtrim(${min === 0 ? fraction : `substr(${fraction}, ${min + 1})`}, '0')`;
  return min === 0 ? trimmed : `left(${fraction}, ${min}) || ${trimmed}`;
};

/**
 * A number column as the formatter reads it: `value` is an integer (`scale` 0) or an exact DECIMAL
 * of `scale` places holding the digits JS formats; `negative` tells the sign JS sees.
 */
type NumberSource = { value: string; scale: number; kind: 'integer' | 'hugeint' | 'decimal'; negative: string };

/**
 * Integers; decimals the client reads as an exact double (15 digits at most: a wider column such as
 * SUM's DECIMAL(38, s) while a value has 15 digits at most); doubles (and floats, which the client
 * widens to doubles) by their shortest decimal text — the digits JS and Intl round — below 10^15,
 * above 10^-6 unless so small that they round to zero.
 */
const numberSource = (type: DuckDBType, column: string, maxFraction: number): NumberSource | undefined => {
  if (INTEGERS.has(type.typeId)) return { value: column, scale: 0, kind: type.typeId === DuckDBTypeId.HUGEINT ? 'hugeint' : 'integer', negative: `${column} < 0` };
  if (type instanceof DuckDBDecimalType) {
    if (type.scale > 15) return undefined;
    const value = type.width > 15 ? `CASE WHEN abs(${column}) < 1e${15 - type.scale} THEN ${column} ELSE ${outOfRange} END` : column;
    return { value, scale: type.scale, kind: 'decimal', negative: `${column} < 0` };
  }
  if (type.typeId === DuckDBTypeId.DOUBLE || type.typeId === DuckDBTypeId.FLOAT) {
    const double = type.typeId === DuckDBTypeId.FLOAT ? `CAST(${column} AS DOUBLE)` : column;
    // Shortest texts have 17 significant digits at most: 23 places hold every one from 10^-6 up.
    const inRange = maxFraction <= 5 ? `abs(${double}) < 1e15` : `(abs(${double}) < 1e15 AND abs(${double}) >= 1e-6 OR ${double} = 0)`;
    const value = `CASE WHEN ${inRange} THEN CAST(CAST(${double} AS VARCHAR) AS DECIMAL(38, 23)) ELSE ${outOfRange} END`;
    // -0.0 shows as `-0`, as in JS.
    return { value, scale: 23, kind: 'decimal', negative: `signbit(${double})` };
  }
  return undefined;
};

/** The digits of a number source as the shape lays them out, without the sign's affixes. */
const numberBody = (source: NumberSource, shape: NumberShape, negative: boolean): string => {
  const { value, scale, kind } = source;
  const digits = Math.min(scale, shape.maxFraction);
  const rounded = scale > shape.maxFraction ? `round(${value}, ${shape.maxFraction})` : value;
  let grouped: string;
  // A decimal's integer part as a BIGINT (printf would group a DECIMAL through a double).
  if (kind === 'decimal') grouped = groupedDigits(`CAST(trunc(${rounded}) AS BIGINT)`, shape.group, negative);
  // printf groups a HUGEINT many times slower than a BIGINT: most values take the BIGINT path.
  else if (kind === 'hugeint') {
    const small = `CASE WHEN ${value} BETWEEN -9223372036854775808 AND 9223372036854775807 THEN CAST(${value} AS BIGINT) END`;
    grouped = `coalesce(${groupedDigits(small, shape.group, negative)}, ${groupedDigits(value, shape.group, negative)})`;
  } else grouped = groupedDigits(value, shape.group, negative);
  const fraction = fractionDigits(digits > 0 ? `right(CAST(${rounded} AS VARCHAR), ${digits})` : undefined, digits, shape);
  if (fraction === "''") return grouped;
  const separated = `${stringLiteral(shape.decimal)} || ${fraction}`;
  return shape.minFraction > 0 ? `${grouped} || ${separated}` : `${grouped} || CASE WHEN ${fraction} = '' THEN '' ELSE ${separated} END`;
};

const numberExpression = (type: DuckDBType, column: string, shape: NumberShape): string | undefined => {
  const affixes = [shape.positivePrefix, shape.positiveSuffix, shape.negativePrefix, shape.negativeSuffix, shape.group, shape.decimal];
  if (affixes.some((text) => safeStringLiteral(text) === undefined) || shape.minInteger !== 1) return undefined;
  const source = numberSource(type, column, shape.maxFraction);
  if (!source) return undefined;
  const signed = (prefix: string, suffix: string, negative: boolean) =>
    [prefix ? stringLiteral(prefix) : '', numberBody(source, shape, negative), suffix ? stringLiteral(suffix) : ''].filter(Boolean).join(' || ');
  return `CASE WHEN ${source.negative} THEN ${signed(shape.negativePrefix, shape.negativeSuffix, true)} ELSE ${signed(shape.positivePrefix, shape.positiveSuffix, false)} END`;
};

/** The formatted CSV text of a column of `type` under `plan`, or undefined when DuckDB cannot give it exactly. */
export const formattedCsvExpression = (type: DuckDBType, column: string, plan: FormatPlan): string | undefined => {
  const text = ((): string | undefined => {
    switch (plan.type) {
      case 'text': {
        const raw = rawCsvExpression(type, column);
        return raw && `CAST(${raw} AS VARCHAR)`;
      }
      case 'boolean':
        return type.typeId === DuckDBTypeId.BOOLEAN ? `CASE WHEN ${column} THEN 'True' ELSE 'False' END` : undefined;
      case 'date':
        return dateExpression(type, column, plan.part);
      case 'timestamp':
        return timestampExpression(type, column, plan.part);
      case 'number':
        return numberExpression(type, column, plan.shape);
    }
  })();
  return text === undefined ? undefined : `CASE WHEN ${column} IS NULL THEN ${NULL_TEXT} ELSE ${text} END`;
};
