import type { FieldIndex, FieldItem, FieldNode, GroupNode, TableNode } from './field-index.js';

/** One visible line of the field tree; the tree is rendered as a flat, virtualised list of these. */
export type TreeRow =
  | { kind: 'table' | 'section' | 'group'; key: string; depth: number; label: string; expanded: boolean }
  | { kind: 'field'; key: string; depth: number; field: FieldItem; expandable: boolean; expanded: boolean };

/**
 * Which nodes are open: every node has a default (the base table open, joined tables closed,
 * sections and groups open, time-interval parents closed) and `toggled` holds the keys the user
 * flipped. While searching, the ancestors of every match are open whatever the toggles say.
 */
export type TreeView = { query: string; toggled: ReadonlySet<string> };

export const searchTerms = (query: string): string[] => query.toLowerCase().split(/\s+/).filter(Boolean);

/** Every term appears in the field's label, name or description (case-insensitive). */
export const fieldMatches = (field: FieldItem, terms: readonly string[]): boolean => terms.every((t) => field.searchText.includes(t));

const isOpen = (key: string, byDefault: boolean, view: TreeView): boolean => byDefault !== view.toggled.has(key);

type Emit = (row: TreeRow) => void;

/** Rows of one field and its intervals; returns whether anything was shown. */
const fieldRows = (node: FieldNode, depth: number, terms: string[], view: TreeView, emit: Emit): boolean => {
  const key = `f:${node.field.id}`;
  const searching = terms.length > 0;
  const selfMatches = !searching || fieldMatches(node.field, terms);
  const matchingIntervals = searching ? node.intervals.filter((i) => fieldMatches(i, terms)) : node.intervals;
  if (!selfMatches && matchingIntervals.length === 0) return false;
  const expandable = node.intervals.length > 0;
  // Searching opens a parent to show the intervals that match; otherwise the user decides.
  const expanded = expandable && (searching && matchingIntervals.length > 0 ? true : isOpen(key, false, view));
  emit({ kind: 'field', key, depth, field: node.field, expandable, expanded });
  if (expanded) {
    const shown = searching && !isOpen(key, false, view) ? matchingIntervals : node.intervals;
    for (const interval of shown) emit({ kind: 'field', key: `f:${interval.id}`, depth: depth + 1, field: interval, expandable: false, expanded: false });
  }
  return true;
};

/** Rows of a group's subtree into `out`; returns whether any field was shown. */
const groupRows = (group: GroupNode, depth: number, terms: string[], view: TreeView, out: TreeRow[]): boolean => {
  let shown = false;
  for (const child of group.groups) {
    const rows: TreeRow[] = [];
    const open = terms.length > 0 || isOpen(child.key, true, view);
    const has = groupRows(child, depth + 1, terms, view, rows);
    if (!has && terms.length > 0) continue;
    if (!has && child.groups.length === 0 && child.fields.length === 0) continue;
    out.push({ kind: 'group', key: child.key, depth, label: child.label, expanded: open });
    if (open) out.push(...rows);
    shown = true;
  }
  for (const node of group.fields) shown = fieldRows(node, depth, terms, view, (r) => out.push(r)) || shown;
  return shown;
};

const tableRows = (table: TableNode, isBase: boolean, terms: string[], view: TreeView, out: TreeRow[]): void => {
  const sections: TreeRow[] = [];
  for (const section of [table.dimensions, table.metrics]) {
    const rows: TreeRow[] = [];
    if (!groupRows(section, 2, terms, view, rows)) continue;
    const open = terms.length > 0 || isOpen(section.key, true, view);
    sections.push({ kind: 'section', key: section.key, depth: 1, label: section.label, expanded: open });
    if (open) sections.push(...rows);
  }
  if (sections.length === 0) return;
  const key = `t:${table.name}`;
  const open = terms.length > 0 || isOpen(key, isBase, view);
  out.push({ kind: 'table', key, depth: 0, label: table.label, expanded: open });
  if (open) out.push(...sections);
};

/**
 * The visible rows of the field tree for a search and the user's open/closed choices. Linear in the
 * number of fields (every field's text is matched once), so it stays well under a frame for
 * thousands of fields.
 */
export const treeRows = (index: FieldIndex, view: TreeView): TreeRow[] => {
  const terms = searchTerms(view.query);
  const out: TreeRow[] = [];
  index.tables.forEach((table, i) => tableRows(table, i === 0, terms, view, out));
  return out;
};
