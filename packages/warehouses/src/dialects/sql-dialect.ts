import {
  assertSafeText,
  dateText,
  numberText,
  timestampText,
  UnsafeLiteralError,
  type LiteralValue,
} from './literal-values.js';

/** What differs between engines' lexers. Rendering branches on these, never on the engine name. */
export interface DialectFlags {
  /** The character that delimits quoted identifiers. */
  identifierQuote: '"' | '`';
  /** Inside quoted identifiers: `double` doubles the quote; `backslash` escapes `\` and the quote with `\` (BigQuery, ClickHouse). */
  identifierEscape: 'double' | 'backslash';
  /** The engine reads `\` in '…' strings as an escape by default, so a literal backslash is written `\\`. */
  backslashEscapesInStrings: boolean;
  /** How a `'` inside a string is written: `''`, or `\'` where doubling is not understood (BigQuery, Databricks). */
  stringQuoteEscape: 'double' | 'backslash';
  /** Write C0 control characters as `\uXXXX` (for engines whose '…' strings may not span lines). Needs backslash escapes. */
  escapeControlCharacters: boolean;
}

/** Small rendering hooks; each gets already-validated text (digits, `-`, `:`, `.`, space). */
export interface DialectHooks {
  date(day: string): string;
  /** `utc` is `YYYY-MM-DD HH:MM:SS.mmm`, the instant's wall clock in UTC. */
  timestamp(utc: string): string;
}

export interface SqlDialect {
  readonly name: string;
  readonly flags: Readonly<DialectFlags>;
  quoteIdentifier(name: string): string;
  /** The only way a user value may become SQL text. Throws UnsafeLiteralError for values it cannot render exactly. */
  literal(value: LiteralValue): string;
}

export const ANSI_FLAGS: DialectFlags = {
  identifierQuote: '"',
  identifierEscape: 'double',
  backslashEscapesInStrings: false,
  stringQuoteEscape: 'double',
  escapeControlCharacters: false,
};

export const ANSI_HOOKS: DialectHooks = {
  date: (day) => `DATE '${day}'`,
  timestamp: (utc) => `TIMESTAMP '${utc}'`,
};

const assertNever = (value: never): never => {
  throw new Error(`Unexpected literal: ${JSON.stringify(value)}`);
};

const hex4 = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

const stringEscaper = (flags: DialectFlags): ((text: string) => string) => {
  if (flags.stringQuoteEscape === 'backslash' && !flags.backslashEscapesInStrings) {
    throw new Error("stringQuoteEscape 'backslash' needs backslashEscapesInStrings");
  }
  if (flags.escapeControlCharacters && !flags.backslashEscapesInStrings) {
    throw new Error('escapeControlCharacters needs backslashEscapesInStrings');
  }
  const quote = flags.stringQuoteEscape === 'double' ? "''" : "\\'";
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const special = flags.escapeControlCharacters ? /[\\'\x01-\x1f]/g : /[\\']/g;
  return (text) =>
    text.replace(special, (c) => {
      if (c === "'") return quote;
      if (c === '\\') return flags.backslashEscapesInStrings ? '\\\\' : '\\';
      return hex4(c);
    });
};

/** A dialect is the ANSI default plus the flags and hooks an engine overrides. */
export const createDialect = (
  name: string,
  overrides: { flags?: Partial<DialectFlags>; hooks?: Partial<DialectHooks> } = {},
): SqlDialect => {
  const flags: DialectFlags = Object.freeze({ ...ANSI_FLAGS, ...overrides.flags });
  const hooks: DialectHooks = { ...ANSI_HOOKS, ...overrides.hooks };
  const escapeString = stringEscaper(flags);
  const q = flags.identifierQuote;
  const escapedQuote = flags.identifierEscape === 'double' ? q + q : `\\${q}`;
  const identifierSpecial = flags.identifierEscape === 'double' ? new RegExp(q, 'g') : new RegExp(`[\\\\${q}]`, 'g');

  return {
    name,
    flags,
    quoteIdentifier(identifier) {
      if (identifier.length === 0) throw new UnsafeLiteralError('Identifier must not be empty');
      assertSafeText(identifier, 'Identifier');
      return q + identifier.replace(identifierSpecial, (c) => (c === q ? escapedQuote : '\\\\')) + q;
    },
    literal(value) {
      switch (value.type) {
        case 'string':
          if (typeof value.value !== 'string') throw new UnsafeLiteralError('String literal must be a string');
          assertSafeText(value.value, 'String literal');
          return `'${escapeString(value.value)}'`;
        case 'number':
          if (typeof value.value !== 'number' && typeof value.value !== 'bigint') {
            throw new UnsafeLiteralError('Number literal must be a number or bigint');
          }
          return numberText(value.value);
        case 'boolean':
          if (typeof value.value !== 'boolean') throw new UnsafeLiteralError('Boolean literal must be a boolean');
          return value.value ? 'TRUE' : 'FALSE';
        case 'date':
          return hooks.date(dateText(value.value));
        case 'timestamp':
          return hooks.timestamp(timestampText(value.value));
        case 'null':
          return 'NULL';
        default:
          return assertNever(value);
      }
    },
  };
};
