import type { ConditionalOperator, DimensionType, FilterGroup, FilterGroupItem, FilterRule } from '@tessera/core';
import { operatorsFor, valueShape } from './filter-operators.js';

/**
 * The filter builder's state: the metric query's own `FilterGroup` trees (and/or groups of rules),
 * changed only through these pure functions. Ids come from the caller's `newId`, so tests are
 * deterministic.
 */
export type NewId = () => string;
export type Combinator = 'and' | 'or';
export type FilterableField = { id: string; filterType: DimensionType };

export const isGroup = (item: FilterGroupItem): item is FilterGroup => 'and' in item || 'or' in item;
export const combinatorOf = (group: FilterGroup): Combinator => ('and' in group ? 'and' : 'or');
export const itemsOf = (group: FilterGroup): FilterGroupItem[] => ('and' in group ? group.and : group.or);

const withItems = (group: FilterGroup, items: FilterGroupItem[]): FilterGroup =>
  combinatorOf(group) === 'and' ? { id: group.id, and: items } : { id: group.id, or: items };

export const emptyGroup = (id: string, combinator: Combinator = 'and'): FilterGroup =>
  combinator === 'and' ? { id, and: [] } : { id, or: [] };

/** A new rule on a field, with the operator a person most often wants for its type. */
export const newRule = (field: FilterableField, newId: NewId): FilterRule => {
  const base = { id: newId(), target: { fieldId: field.id } };
  switch (field.filterType) {
    case 'date':
    case 'timestamp':
      return { ...base, operator: 'inThePast', values: [14], settings: { unitOfTime: 'days', completed: false } };
    case 'boolean':
      return { ...base, operator: 'equals', values: [true] };
    default:
      return { ...base, operator: 'equals', values: [] };
  }
};

/**
 * The rule with another operator, keeping the values that still make sense: a list shrinks to
 * one value or grows into a range, relative rules get an amount and a unit.
 */
export const withOperator = (rule: FilterRule, operator: ConditionalOperator, type: DimensionType): FilterRule => {
  if (!operatorsFor(type).includes(operator)) throw new Error(`operator ${operator} does not apply to a ${type} field`);
  const before = valueShape(rule.operator, type);
  const after = valueShape(operator, type);
  const values = rule.values ?? [];
  const { settings: _settings, ...rest } = rule;
  const next: FilterRule = { ...rest, operator };
  switch (after) {
    case 'none':
      return { ...next, values: [] };
    case 'relative':
      return {
        ...next,
        values: before === 'relative' ? values : [14],
        settings: { unitOfTime: rule.settings?.unitOfTime ?? 'days', completed: rule.settings?.completed ?? false },
      };
    case 'period':
      return { ...next, values: [], settings: { unitOfTime: rule.settings?.unitOfTime ?? 'months' } };
    case 'range':
      return { ...next, values: before === 'relative' || before === 'period' ? [] : values.slice(0, 2) };
    case 'single':
      return { ...next, values: before === 'relative' || before === 'period' ? [] : values.slice(0, 1) };
    case 'list':
      return { ...next, values: before === 'relative' || before === 'period' ? [] : values };
  }
};

/** The rule on another field: same operator when the type allows it, else a fresh rule (same id). */
export const withField = (rule: FilterRule, field: FilterableField, previousType: DimensionType | undefined): FilterRule => {
  if (previousType === field.filterType) return { ...rule, target: { fieldId: field.id } };
  return { ...newRule(field, () => rule.id) };
};

/** Applies `change` to the group with `groupId` (anywhere in the tree); other nodes are shared. */
const mapGroup = (group: FilterGroup, groupId: string, change: (g: FilterGroup) => FilterGroup): FilterGroup => {
  if (group.id === groupId) return change(group);
  let changed = false;
  const items = itemsOf(group).map((item) => {
    if (!isGroup(item)) return item;
    const next = mapGroup(item, groupId, change);
    if (next !== item) changed = true;
    return next;
  });
  return changed ? withItems(group, items) : group;
};

export const addItem = (root: FilterGroup, groupId: string, item: FilterGroupItem): FilterGroup =>
  mapGroup(root, groupId, (g) => withItems(g, [...itemsOf(g), item]));

export const setCombinator = (root: FilterGroup, groupId: string, combinator: Combinator): FilterGroup =>
  mapGroup(root, groupId, (g) => (combinatorOf(g) === combinator ? g : withItems(combinator === 'and' ? { id: g.id, and: [] } : { id: g.id, or: [] }, itemsOf(g))));

/** Removes the rule or group with `id`; the root itself cannot be removed (it is emptied instead). */
export const removeItem = (root: FilterGroup, id: string): FilterGroup => {
  if (root.id === id) return withItems(root, []);
  const items = itemsOf(root);
  const kept = items.filter((item) => item.id !== id).map((item) => (isGroup(item) ? removeItem(item, id) : item));
  return kept.length === items.length && kept.every((item, i) => item === items[i]) ? root : withItems(root, kept);
};

export const replaceRule = (root: FilterGroup, rule: FilterRule): FilterGroup => {
  const items = itemsOf(root);
  let changed = false;
  const next = items.map((item) => {
    const replaced = isGroup(item) ? replaceRule(item, rule) : item.id === rule.id ? rule : item;
    if (replaced !== item) changed = true;
    return replaced;
  });
  return changed ? withItems(root, next) : root;
};

/** Every rule of the tree, depth first. */
export const rulesOf = (group: FilterGroup): FilterRule[] => itemsOf(group).flatMap((item) => (isGroup(item) ? rulesOf(item) : [item]));

/**
 * The tree as sent to the API: groups left empty are dropped, and undefined when nothing is left
 * (the server treats an absent group as no filter).
 */
export const pruned = (group: FilterGroup): FilterGroup | undefined => {
  const items = itemsOf(group).flatMap((item): FilterGroupItem[] => {
    if (!isGroup(item)) return [item];
    const child = pruned(item);
    return child ? [child] : [];
  });
  return items.length === 0 ? undefined : withItems(group, items);
};

/**
 * Why a rule restricts nothing yet, in words, or undefined when it is complete. The server drops
 * such rules (no values → no condition), so the builder says so instead of filtering silently less.
 */
export const ruleProblem = (rule: FilterRule, type: DimensionType): string | undefined => {
  const values = (rule.values ?? []).filter((v) => v !== '' && v !== null && v !== undefined);
  switch (valueShape(rule.operator, type)) {
    case 'none':
    case 'period':
      return undefined;
    case 'range':
      return values.length < 2 ? 'Give both ends of the range; until then this filter is ignored.' : undefined;
    case 'relative':
      return values.length < 1 ? 'Give an amount; until then this filter is ignored.' : undefined;
    default:
      return values.length < 1 ? 'Give a value; until then this filter is ignored.' : undefined;
  }
};
