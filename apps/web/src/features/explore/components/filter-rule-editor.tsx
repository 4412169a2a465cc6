import { CloseButton, Group, Select, Stack, Text } from '@mantine/core';
import type { FilterRule } from '@tessera/core';
import type { FieldItem } from '../utils/field-index.js';
import { operatorLabel, operatorsFor } from '../utils/filter-operators.js';
import { ruleProblem, withField, withOperator } from '../utils/filter-tree.js';
import { FilterValueInput } from './filter-value-input.js';

type Props = {
  rule: FilterRule;
  /** Undefined when the rule names a field the explore no longer has. */
  field: FieldItem | undefined;
  fields: FieldItem[];
  onChange: (rule: FilterRule) => void;
  onRemove: () => void;
};

/** One rule: field, operator (those of the field's type), values. */
export const FilterRuleEditor = ({ rule, field, fields, onChange, onRemove }: Props) => {
  const type = field?.filterType;
  const problem = type ? ruleProblem(rule, type) : `The field ${rule.target.fieldId} is not in this explore any more; remove this filter.`;
  return (
    <Stack gap={2} data-testid="filter-rule">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Select
          size="xs"
          w={220}
          aria-label="Filter field"
          searchable
          value={field ? field.id : null}
          data={fields.map((f) => ({ value: f.id, label: `${f.tableLabel} · ${f.label}` }))}
          onChange={(id) => {
            const next = fields.find((f) => f.id === id);
            if (next) onChange(withField(rule, next, type));
          }}
          allowDeselect={false}
        />
        {type && (
          <Select
            size="xs"
            w={170}
            aria-label="Filter operator"
            value={rule.operator}
            data={operatorsFor(type).map((op) => ({ value: op, label: operatorLabel(op, type) }))}
            onChange={(op) => {
              const operator = operatorsFor(type).find((o) => o === op);
              if (operator) onChange(withOperator(rule, operator, type));
            }}
            allowDeselect={false}
          />
        )}
        {type && <FilterValueInput rule={rule} type={type} onChange={onChange} />}
        <CloseButton size="sm" aria-label="Remove filter" onClick={onRemove} mt={4} />
      </Group>
      {problem && (
        <Text size="xs" c="orange.8">
          {problem}
        </Text>
      )}
    </Stack>
  );
};
