import type { ErrorReporter } from '../diagnostics/error-reporter.js';
import type { JoinSpec, TableDraft } from '../parse/table-spec.js';
import type { CompiledDimension, CompiledMetric, CompiledTable } from '../types/explore.js';
import { friendlyName } from '../util/friendly-name.js';
import { expandFieldList } from '../validate/field-lists.js';

/**
 * How a joined table shows in one explore (reference §1.4, §2.6): its label (the join's, else the
 * alias made friendly, else the table's), description, `hidden`, and the `fields` subset — listed
 * fields and their time-interval children stay, dimensions a `sql_on` needs stay hidden, other
 * fields are left out.
 */
export class JoinVisibility {
  readonly label: string;
  readonly description: string | undefined;
  private readonly listed: Set<string> | undefined;

  constructor(
    private readonly table: CompiledTable,
    private readonly join: JoinSpec,
    private readonly sqlOnDimensions: ReadonlySet<string>,
    sets: TableDraft['sets'],
    reporter: ErrorReporter,
  ) {
    this.label = join.label ?? (join.hasAlias ? friendlyName(join.alias) : table.label);
    this.description = join.description ?? table.description;
    if (join.fields) {
      const r = reporter.inContext(join.crumb).inContext('fields');
      this.listed = new Set(expandFieldList(join.fields, sets, (m) => r.error(m)));
    }
  }

  /** Nothing to change: the table can be shared as it is. */
  get unchanged(): boolean {
    return this.label === this.table.label && this.description === this.table.description && !this.join.hidden && !this.listed;
  }

  /** Warns about listed names that are no field of the table. */
  checkListed(isField: (name: string) => boolean, reporter: ErrorReporter): void {
    for (const name of this.listed ?? []) {
      if (!isField(name)) reporter.inContext(this.join.crumb).inContext('fields').warning(`"${name}" is not a field of "${this.join.model}"; ignored`);
    }
  }

  apply<F extends CompiledDimension | CompiledMetric>(field: F): F | undefined {
    let hidden = field.hidden || this.join.hidden === true;
    if (this.listed) {
      const base = field.fieldType === 'dimension' ? field.timeIntervalBaseDimensionName : undefined;
      const isListed = this.listed.has(field.name) || (base !== undefined && this.listed.has(base));
      if (!isListed) {
        if (field.fieldType === 'metric' || !this.sqlOnDimensions.has(base ?? field.name)) return undefined;
        hidden = true;
      }
    }
    if (hidden === field.hidden && this.label === field.tableLabel) return field;
    return { ...field, hidden, tableLabel: this.label };
  }

  /** The joined table as this explore shows it. */
  shownTable(): CompiledTable {
    if (this.unchanged) return this.table;
    const out: CompiledTable = { ...this.table, label: this.label, dimensions: pick(this.table.dimensions, (f) => this.apply(f)), metrics: pick(this.table.metrics, (f) => this.apply(f)) };
    if (this.description !== undefined) out.description = this.description;
    if (this.join.hidden) out.hidden = true;
    return out;
  }
}

const pick = <F>(fields: Record<string, F>, map: (f: F) => F | undefined): Record<string, F> => {
  const out: Record<string, F> = {};
  for (const [name, field] of Object.entries(fields)) {
    const mapped = map(field);
    if (mapped) out[name] = mapped;
  }
  return out;
};
