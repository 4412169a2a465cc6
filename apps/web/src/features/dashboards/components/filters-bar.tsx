import { Button, Group, Loader, Popover, Text } from '@mantine/core';
import { useState } from 'react';
import type { DashboardFilterRule, DashboardFilters } from '../../../api/dashboards-endpoints.js';
import { describeRule, removeRule, upsertDimensionRule, type FilterField } from '../utils/dashboard-filter-rules.js';
import { FilterRuleForm } from './filter-rule-form.js';

type Props = {
  filters: DashboardFilters;
  fields: FilterField[];
  loadingFields: boolean;
  onChange: (filters: DashboardFilters) => void;
};

/** One rule's chip: its words; a click opens the rule to change or remove. */
const RuleChip = ({ rule, fields, onApply, onRemove }: { rule: DashboardFilterRule; fields: FilterField[]; onApply: (r: DashboardFilterRule) => void; onRemove: () => void }) => {
  const [open, setOpen] = useState(false);
  const field = fields.find((f) => f.id === rule.target.fieldId);
  return (
    <Popover opened={open} onChange={setOpen} position="bottom-start" shadow="md" trapFocus>
      <Popover.Target>
        <Button size="compact-sm" variant="light" radius="xl" onClick={() => setOpen((o) => !o)} data-testid="dashboard-filter-chip">
          {describeRule(rule, field)}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <FilterRuleForm
          fields={fields}
          initial={rule}
          onApply={(r) => {
            setOpen(false);
            onApply(r);
          }}
          onRemove={() => {
            setOpen(false);
            onRemove();
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
};

/**
 * The dashboard's filters: a chip per rule and "Add filter" (a dimension of the tiles' explores).
 * The server applies them to each tile that has the field (PostDashboardTile).
 */
export const FiltersBar = ({ filters, fields, loadingFields, onChange }: Props) => {
  const [adding, setAdding] = useState(false);
  const rules = [...filters.dimensions, ...filters.metrics, ...filters.tableCalculations];
  return (
    <Group gap="xs" aria-label="Dashboard filters" role="toolbar">
      <Text size="sm" fw={600} c="dimmed">
        Filters
      </Text>
      {rules.map((rule) => (
        <RuleChip key={rule.id} rule={rule} fields={fields} onApply={(r) => onChange(upsertDimensionRule(filters, r))} onRemove={() => onChange(removeRule(filters, rule.id))} />
      ))}
      <Popover opened={adding} onChange={setAdding} position="bottom-start" shadow="md" trapFocus>
        <Popover.Target>
          <Button size="compact-sm" variant="subtle" onClick={() => setAdding((o) => !o)} disabled={fields.length === 0} rightSection={loadingFields ? <Loader size={12} /> : null}>
            + Add filter
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          {adding && (
            <FilterRuleForm
              fields={fields}
              initial={undefined}
              onApply={(rule) => {
                setAdding(false);
                onChange(upsertDimensionRule(filters, rule));
              }}
            />
          )}
        </Popover.Dropdown>
      </Popover>
      {!loadingFields && fields.length === 0 && (
        <Text size="xs" c="dimmed">
          Add a chart tile to filter by its fields.
        </Text>
      )}
    </Group>
  );
};
