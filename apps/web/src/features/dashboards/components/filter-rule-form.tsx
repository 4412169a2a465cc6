import { Button, Group, Select, Stack, Text } from '@mantine/core';
import type { ConditionalOperator } from '@tessera/core';
import { useState } from 'react';
import type { DashboardFilterRule } from '../../../api/dashboards-endpoints.js';
import { FilterValueInput } from '../../explore/components/filter-value-input.js';
import { operatorLabel, operatorsFor } from '../../explore/utils/filter-operators.js';
import { dashboardRuleProblem, newDashboardRule, withDashboardOperator, type FilterField } from '../utils/dashboard-filter-rules.js';

type Props = {
  fields: FilterField[];
  /** The rule being changed; a new one starts from the chosen field. */
  initial: DashboardFilterRule | undefined;
  onApply: (rule: DashboardFilterRule) => void;
  onRemove?: (() => void) | undefined;
};

const newId = () => crypto.randomUUID();

/** A dashboard filter: a dimension of the tiles' explores, an operator of its type, values. */
export const FilterRuleForm = ({ fields, initial, onApply, onRemove }: Props) => {
  const [rule, setRule] = useState<DashboardFilterRule | undefined>(initial);
  const field = fields.find((f) => f.id === rule?.target.fieldId);
  const problem = rule ? dashboardRuleProblem(rule, field) : undefined;
  return (
    <Stack gap="xs" w={340} data-testid="dashboard-filter-form">
      <Select
        label="Field"
        aria-label="Dashboard filter field"
        placeholder="Choose a dimension"
        searchable
        data={fields.map((f) => ({ value: f.id, label: `${f.tableLabel} · ${f.label}` }))}
        value={rule?.target.fieldId ?? null}
        onChange={(id) => {
          const next = fields.find((f) => f.id === id);
          if (next) setRule({ ...newDashboardRule(next, () => rule?.id ?? newId()) });
        }}
        nothingFoundMessage="No such field on this dashboard's charts"
        comboboxProps={{ withinPortal: false }}
      />
      {rule && field && (
        <>
          <Select
            label="Operator"
            aria-label="Dashboard filter operator"
            data={operatorsFor(field.type).map((op) => ({ value: op, label: operatorLabel(op, field.type) }))}
            value={rule.operator}
            onChange={(op) => op && setRule(withDashboardOperator(rule, op as ConditionalOperator, field.type))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
          />
          <FilterValueInput rule={rule} type={field.type} onChange={(next) => setRule({ ...rule, values: next.values ?? [], settings: next.settings })} />
        </>
      )}
      {problem && (
        <Text size="xs" c="orange.8">
          {problem}
        </Text>
      )}
      <Group justify="space-between">
        {onRemove ? (
          <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
            Remove filter
          </Button>
        ) : (
          <span />
        )}
        <Button size="xs" disabled={!rule || !field} onClick={() => rule && onApply(rule)}>
          Apply
        </Button>
      </Group>
    </Stack>
  );
};
