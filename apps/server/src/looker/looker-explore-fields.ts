import type { CompiledDimension, CompiledMetric, Explore } from '@tessera/core';
import type { FieldKind } from './looker-filter-expressions.js';

export type ExploreField = { id: string; ref: string; field: CompiledDimension | CompiledMetric; kind: FieldKind };

/**
 * How Looker `view.field` references name Tessera field ids in an explore. Without one, the
 * Tessera rule: `view.field` ↔ `view_field`. LookML projects bring their own (dimension-group
 * timeframes: `order.created_date` ↔ `order_created_day`), from @tessera/models.
 */
export type FieldNaming = {
  toFieldId(explore: Explore, ref: string): string | undefined;
  toRef(explore: Explore, fieldId: string): string | undefined;
};

const kindOf = (field: CompiledDimension | CompiledMetric): FieldKind => {
  switch (field.type) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'date':
    case 'timestamp':
      return 'date';
    default:
      return 'number';
  }
};

/** An explore's fields by Tessera field id and by Looker reference. */
export class ExploreFields {
  private readonly byId = new Map<string, ExploreField>();

  constructor(
    readonly explore: Explore,
    private readonly naming?: FieldNaming,
  ) {
    for (const table of Object.values(explore.tables)) {
      for (const field of [...Object.values(table.dimensions), ...Object.values(table.metrics)]) {
        const id = `${field.table}_${field.name}`;
        const ref = naming?.toRef(explore, id) ?? `${field.table}.${field.name}`;
        this.byId.set(id, { id, ref, field, kind: kindOf(field) });
      }
    }
  }

  /** The field a Looker reference names, if the explore has it. */
  byRef(ref: string): ExploreField | undefined {
    const id = this.naming?.toFieldId(this.explore, ref) ?? ref.replace('.', '_');
    return this.byId.get(id);
  }

  byFieldId(id: string): ExploreField | undefined {
    return this.byId.get(id);
  }

  /** The field ids by kind, as the dashboards domain's `applyDashboardFilters` takes them. */
  ids(): { dimensions: Set<string>; metrics: Set<string> } {
    const all = [...this.byId.values()];
    return {
      dimensions: new Set(all.filter((f) => f.field.fieldType === 'dimension').map((f) => f.id)),
      metrics: new Set(all.filter((f) => f.field.fieldType === 'metric').map((f) => f.id)),
    };
  }
}
