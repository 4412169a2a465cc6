import type { Prng } from './prng.js';

/**
 * Generators of hostile filter values for the fuzz test: the characters that break SQL text
 * (quotes, backslashes, comment markers, LIKE wildcards and the escape character), Unicode from
 * every plane, control characters, and a little NUL and broken UTF-16 that must be refused.
 */
const FRAGMENTS = [
  "'",
  "''",
  '"',
  '`',
  '\\',
  '\\\\',
  "\\'",
  '--',
  '/*',
  '*/',
  '#',
  ';',
  '%',
  '_',
  '!',
  '!%',
  '[a]',
  '^',
  '$1',
  '?',
  ':name',
  '\t',
  '\n',
  '\r\n',
  '\u0001',
  '\u001f',
  '\u007f',
  ' ',
  '\u00a0',
  'é',
  'É',
  'ß',
  'ẞ',
  'ı',
  'İ',
  'ǅ',
  'ﬁ',
  'Σ',
  'ς',
  '東京',
  '\u0301',
  '\u200b',
  '\ufeff',
  '😀',
  '𝔘',
  '👩‍👩‍👧',
  'a',
  'B',
  'z',
  'Apple',
  '0',
  '42',
  'null',
  'NULL',
  'true',
  "' OR '1'='1",
  "'; DROP TABLE fz_rows; --",
  "E'\\x41'",
  '$$',
  '$tag$',
  'U&"',
];

export const hostileText = (random: Prng, maxParts = 6): string =>
  Array.from({ length: random.int(0, maxParts) }, () => random.pick(FRAGMENTS)).join('');

/** Long text: a hostile fragment repeated to `length` characters (astral characters count as two). */
export const longText = (random: Prng, length: number): string => {
  let text = '';
  while (text.length < length) text += hostileText(random, 3) || 'x';
  return text.slice(0, length).replace(/[\uD800-\uDBFF]$/, 'x');
};

/** Values that must never reach SQL: the compiler refuses them with a ParameterError. */
export const forbiddenText = (random: Prng): string =>
  random.pick([
    () => `${hostileText(random, 2)}\u0000${hostileText(random, 2)}`,
    () => `\u0000`,
    () => `${hostileText(random, 2)}\uD800`,
    () => `\uDC00${hostileText(random, 2)}`,
  ])();

/** A filter value derived from a row's text, so that equality and LIKE rules actually match something. */
export const textNear = (random: Prng, row: string): string => {
  const chars = [...row];
  const start = random.int(0, chars.length);
  const end = random.int(start, chars.length);
  const piece = random.pick([() => row, () => chars.slice(0, end).join(''), () => chars.slice(start).join(''), () => chars.slice(start, end).join('')])();
  return random.pick([piece, piece.toUpperCase(), piece.toLowerCase(), `${piece}${random.pick(FRAGMENTS)}`]);
};

export const fuzzNumber = (random: Prng): unknown =>
  random.pick([
    () => random.int(-1000, 1000),
    () => (random.next() - 0.5) * 10 ** random.int(-10, 20),
    () => random.pick([0, -0, 0.1, 0.2, 0.3, 1e-7, -1e-7, 1e15, 2 ** 53, -(2 ** 53), 1e21, 1.5e300, -1.5e300, 5e-324, Number.MAX_VALUE, Number.EPSILON]),
    () => String(random.int(-1000, 1000)),
    () => ` ${(random.next() * 100).toFixed(random.int(0, 6))} `,
    () => random.pick(['1e3', '-2.5E-3', '+7', '.5', '5.', '0x1F', '0b11', '1_000', 'NaN', 'Infinity', '-Infinity', '1e999', '', ' ', '1 2', '--1', '1--', '1/*', "1'", '1; DROP TABLE fz_rows']),
    () => random.pick([null, true, false, NaN, Infinity, [], {}]),
    () => hostileText(random, 3),
  ])();

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const fuzzDay = (random: Prng): string => `${pad(random.int(1, 9999), 4)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;

export const fuzzDate = (random: Prng): unknown =>
  random.pick([
    () => fuzzDay(random),
    () => `${pad(random.int(1990, 2030), 4)}-${pad(random.int(1, 12))}-${pad(random.int(1, 31))}`,
    () => `${fuzzDay(random)}T00:00:00.000Z`,
    () => random.pick(['2024-02-30', '2023-02-29', '2024-13-01', '0000-01-01', '10000-01-01', '2024-1-1', '2024/01/01', '20240101', '2024-01-01T12:00:00Z']),
    () => `2024-01-01${hostileText(random, 2)}`,
    () => hostileText(random, 3),
    () => random.pick([null, 20240101, true]),
  ])();

export const fuzzTimestamp = (random: Prng): unknown =>
  random.pick([
    () => `${fuzzDay(random)}T${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}.${pad(random.int(0, 999), 3)}Z`,
    () =>
      `${pad(random.int(1900, 2100), 4)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))} ${pad(random.int(0, 23))}:${pad(random.int(0, 59))}`,
    () =>
      `${pad(random.int(2, 9998), 4)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}T${pad(random.int(0, 23))}:${pad(random.int(0, 59))}${random.pick(['+05:30', '-08:00', '+0100', '-03', '+14:00', '-12:00'])}`,
    () => `${pad(random.int(1900, 2100), 4)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
    () => random.pick(['2024-03-10T02:30:00', '2024-11-03T01:30:00', '2024-01-01T24:00:00Z', '2024-01-01T12:60Z', '2024-01-01T12:00:00+24:00', '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59.999-01:00', '2024-01-01T12:00:00.1234567890Z']),
    () => `2024-01-01T00:00:00Z${hostileText(random, 2)}`,
    () => hostileText(random, 3),
    () => random.pick([null, 1_700_000_000_000, false]),
  ])();

export const fuzzAmount = (random: Prng): unknown =>
  random.pick([
    () => random.int(0, 40),
    () => String(random.int(0, 400)),
    () => random.pick([0, 1, 2, 7, 53, 1000, 2023, 2024, 8000, 10_000, 1e6, 1e9, 2 ** 53, -1, 1.5, NaN]),
    () => random.pick([' 3 ', '1e3', '-1', '3.0', "3'--", '', null, true]),
  ])();
