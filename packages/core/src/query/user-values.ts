import { ForbiddenError } from '../errors/index.js';
import type { AttributeValues } from '../semantic/types/explore.js';
import type { QueryDialect } from './dialect.js';
import type { QueryContext } from './types.js';

/** Which of the user's values a compiled query reads: what its cache entry must be keyed by. */
export interface UserValuesUsed {
  attributes: string[];
  email: boolean;
}

/** `${lightdash.attributes.x}`, `${lightdash.attribute.x}`, `${ld.attr.x}`, `${ld.attributes.x}`, and the user's email. */
const PLACEHOLDER = /\$\{\s*(lightdash|ld)\.(attributes|attribute|attr|user)\.([A-Za-z0-9_]+)\s*\}/g;

/**
 * Replaces user placeholders in model SQL (`sql_filter`, `sql_on`, table and field SQL) with the
 * asking user's values, each rendered by the dialect's string literal; several values become a
 * comma list (for `IN (…)`). A placeholder the user has no value for refuses the query.
 */
export const substituteUserValues = (sql: string, ctx: QueryContext, dialect: QueryDialect, used?: UserValuesUsed): string => {
  if (!sql.includes('${')) return sql;
  return sql.replace(PLACEHOLDER, (_m, _ns: string, kind: string, name: string) => {
    if (kind === 'user') {
      if (used && name === 'email') used.email = true;
      if (name === 'email' && ctx.email) return dialect.literal({ type: 'string', value: ctx.email });
      throw new ForbiddenError(`This query needs the user's ${name}, which is not available`);
    }
    if (used && !used.attributes.includes(name)) used.attributes.push(name);
    const values = ctx.userAttributes[name];
    if (!values || values.length === 0) {
      throw new ForbiddenError(`Invalid or missing user attribute "${name}": ask an admin to set it for you`);
    }
    return values.map((value) => dialect.literal({ type: 'string', value })).join(', ');
  });
};

/** Every attribute listed must hold one of its allowed values for the user. */
export const meetsAll = (required: AttributeValues | undefined, ctx: QueryContext): boolean =>
  !required || Object.entries(required).every(([name, allowed]) => holds(name, allowed, ctx));

/** At least one attribute listed holds one of its allowed values (none listed: met). */
export const meetsAny = (any: AttributeValues | undefined, ctx: QueryContext): boolean =>
  !any || Object.keys(any).length === 0 || Object.entries(any).some(([name, allowed]) => holds(name, allowed, ctx));

const holds = (name: string, allowed: string | string[], ctx: QueryContext): boolean => {
  const mine = ctx.userAttributes[name] ?? [];
  const wanted = Array.isArray(allowed) ? allowed : [allowed];
  return mine.some((v) => wanted.includes(v));
};
