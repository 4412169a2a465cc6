import type { DialectFamily, SemanticSqlDialect } from '../sql-dialect.js';
import { quoteString } from '../sql-dialect.js';

/** PostgreSQL and Redshift. Week start shifts by whole days around `DATE_TRUNC('WEEK')` (ISO Monday). */
export const postgresFamily: DialectFamily = (startOfWeek) => postgresLike(startOfWeek, {
  dayName: (x) => `TO_CHAR(${x}, 'FMDay')`,
  monthName: (x) => `TO_CHAR(${x}, 'FMMonth')`,
  quarterName: (x) => `TO_CHAR(${x}, 'FM"Q"Q')`,
  average: (x) => `AVG(${x}::DOUBLE PRECISION)`,
  percentile: (x, p) => `PERCENTILE_CONT(${p}) WITHIN GROUP (ORDER BY ${x})`,
  median: (x) => `PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ${x})`,
});

type Specific = Pick<SemanticSqlDialect, 'dayName' | 'monthName' | 'quarterName' | 'average' | 'percentile' | 'median'>;

/** The `DATE_TRUNC` / `DATE_PART` / `INTERVAL '…'` family shared with DuckDB. */
export const postgresLike = (startOfWeek: number | undefined, specific: Specific): SemanticSqlDialect => {
  const shift = startOfWeek ?? 0;
  const shifted = (x: string) => (shift ? `(${x} - INTERVAL '${shift} days')` : x);
  return {
    ...specific,
    truncate: (x, unit) =>
      unit === 'WEEK' && shift
        ? `(DATE_TRUNC('WEEK', ${shifted(x)}) + INTERVAL '${shift} days')`
        : `DATE_TRUNC('${unit}', ${x})`,
    datePart: (x, part) => {
      if (part === 'DOW' && startOfWeek !== undefined) {
        return `(MOD(CAST(DATE_PART('DOW', ${x}) AS INT) - ${(startOfWeek + 1) % 7} + 7, 7) + 1)`;
      }
      if (part === 'WEEK') return `DATE_PART('WEEK', ${shifted(x)})`;
      return `DATE_PART('${part}', ${x})`;
    },
    stringLiteral: (value) => quoteString(value, false),
    likeEscape: 'bang',
    currentTimestamp: () => 'CURRENT_TIMESTAMP',
    addInterval: (x, amount, unit) => {
      const [n, u] = unit === 'QUARTER' ? [amount * 3, 'MONTH'] : [amount, unit];
      return `(${x} ${n < 0 ? '-' : '+'} INTERVAL '${Math.abs(n)} ${u}')`;
    },
    castToDate: (x) => `CAST(${x} AS DATE)`,
  };
};
