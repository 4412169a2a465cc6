import type { CreateProjectInput, Project, UpdateProjectInput } from '../../../api/settings-types.js';
import { buildDbtConnection, type DbtForm } from './dbt-connection.js';
import { buildConnection, connectionChanged, type FormValues, type WarehouseType } from './warehouse-fields.js';

/** Everything the project form holds. */
export type ProjectForm = { name: string; warehouseType: WarehouseType; warehouse: FormValues; dbt: DbtForm };

export type ProjectBody =
  | { kind: 'create'; body: CreateProjectInput; problems: string[] }
  | { kind: 'update'; body: UpdateProjectInput; problems: string[] };

/**
 * The request for a new project, or for an edit only what changed: the server recompiles a
 * project whose source or warehouse is sent, so an unchanged section is left out.
 */
export const projectBody = (form: ProjectForm, stored: Project | undefined): ProjectBody => {
  const warehouse = buildConnection(form.warehouseType, form.warehouse, stored?.warehouseConnection, stored !== undefined);
  const dbt = buildDbtConnection(form.dbt, stored?.dbtConnection);
  const name = form.name.trim();
  const problems = [...(name ? [] : ['Give the project a name.']), ...warehouse.problems, ...(dbt.problem ? [dbt.problem] : [])];
  if (!stored) {
    return { kind: 'create', body: { name, type: 'DEFAULT', dbtConnection: dbt.connection, warehouseConnection: warehouse.connection }, problems };
  }
  const body: UpdateProjectInput = {};
  if (name !== stored.name) body.name = name;
  if (JSON.stringify(dbt.connection) !== JSON.stringify(stored.dbtConnection)) body.dbtConnection = dbt.connection;
  if (connectionChanged(warehouse.connection, stored.warehouseConnection)) body.warehouseConnection = warehouse.connection;
  return { kind: 'update', body, problems };
};
