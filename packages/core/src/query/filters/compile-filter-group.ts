import { ParameterError } from '../../errors/index.js';
import type { FilterGroup, FilterGroupItem, FilterRule } from '../types.js';
import { filterRuleCondition } from './compile-filter-rule.js';
import type { FilterContext, FilterDialect, FilterTarget } from './filter-types.js';

const isGroup = (item: FilterGroupItem): item is FilterGroup => 'and' in item || 'or' in item;

const groupCondition = (
  group: FilterGroup,
  resolve: (rule: FilterRule) => FilterTarget,
  dialect: FilterDialect,
  ctx: FilterContext,
): string | undefined => {
  const [items, joiner] = 'and' in group ? [group.and, 'AND'] : [group.or, 'OR'];
  if (!Array.isArray(items)) throw new ParameterError(`Filter group ${group.id}: "${joiner.toLowerCase()}" must be a list of rules and groups`);
  const parts: string[] = [];
  for (const item of items) {
    const sql = isGroup(item)
      ? groupCondition(item, resolve, dialect, ctx)
      : item.disabled
        ? undefined // never resolved: a disabled rule may name a field that no longer exists
        : filterRuleCondition(item, resolve(item), dialect, ctx);
    if (sql !== undefined) parts.push(sql);
  }
  if (parts.length <= 1) return parts[0];
  return `(${parts.join(` ${joiner} `)})`;
};

/**
 * One condition for a (nested) and/or filter group, or undefined when nothing in it restricts.
 * Disabled rules and rules without values are left out as if absent — in an OR group too, where
 * rendering them as TRUE would make the whole group match everything — and groups left empty
 * disappear. `resolve` maps a rule to its field and throws for fields it does not know.
 */
export const compileFilterGroup = (
  group: FilterGroup | undefined,
  resolve: (rule: FilterRule) => FilterTarget,
  dialect: FilterDialect,
  ctx: FilterContext,
): string | undefined => (group === undefined ? undefined : groupCondition(group, resolve, dialect, ctx));
