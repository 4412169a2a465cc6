import { Button, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { FilterGroup } from '@tessera/core';
import { useState } from 'react';
import type { FieldItem } from '../utils/field-index.js';
import { addItem, combinatorOf, emptyGroup, isGroup, itemsOf, newRule, removeItem, replaceRule, setCombinator, type Combinator, type NewId } from '../utils/filter-tree.js';
import { FilterRuleEditor } from './filter-rule-editor.js';

/** Nested groups deeper than this are refused by the builder (the API takes 20; people rarely need 3). */
const MAX_DEPTH = 3;

let counter = 0;
const newId: NewId = () => `f${Date.now().toString(36)}${(counter++).toString(36)}`;

type Props = {
  title: string;
  /** Fields a rule of this tree may target (dimensions, or metrics). */
  fields: FieldItem[];
  group: FilterGroup;
  onChange: (group: FilterGroup) => void;
};

/** One filter tree (dimension or metric filters): and/or groups of rules, nested. */
export const FilterBuilder = ({ title, fields, group, onChange }: Props) => (
  <Stack gap={6}>
    <Text size="sm" fw={600}>
      {title}
    </Text>
    <GroupEditor root={group} group={group} depth={0} fields={fields} onChange={onChange} />
  </Stack>
);

type GroupProps = { root: FilterGroup; group: FilterGroup; depth: number; fields: FieldItem[]; onChange: (root: FilterGroup) => void };

const GroupEditor = ({ root, group, depth, fields, onChange }: GroupProps) => {
  const [picking, setPicking] = useState(false);
  const items = itemsOf(group);
  const byId = new Map(fields.map((f) => [f.id, f]));
  const body = (
    <Stack gap={6}>
      {items.length > 1 && (
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={combinatorOf(group)}
            onChange={(value) => onChange(setCombinator(root, group.id, value as Combinator))}
            data={[
              { value: 'and', label: 'All of' },
              { value: 'or', label: 'Any of' },
            ]}
            aria-label="Match all or any of these filters"
          />
          <Text size="xs" c="dimmed">
            these filters
          </Text>
        </Group>
      )}
      {items.map((item) =>
        isGroup(item) ? (
          <GroupEditor key={item.id} root={root} group={item} depth={depth + 1} fields={fields} onChange={onChange} />
        ) : (
          <FilterRuleEditor
            key={item.id}
            rule={item}
            field={byId.get(item.target.fieldId)}
            fields={fields}
            onChange={(rule) => onChange(replaceRule(root, rule))}
            onRemove={() => onChange(removeItem(root, item.id))}
          />
        ),
      )}
      <Group gap="xs">
        {picking ? (
          <Select
            size="xs"
            w={280}
            placeholder="Choose a field"
            aria-label="Field to filter"
            searchable
            autoFocus
            defaultDropdownOpened
            data={fields.map((f) => ({ value: f.id, label: `${f.tableLabel} · ${f.label}` }))}
            onChange={(id) => {
              const field = id ? byId.get(id) : undefined;
              if (field) onChange(addItem(root, group.id, newRule(field, newId)));
              setPicking(false);
            }}
            onDropdownClose={() => setPicking(false)}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <Button size="xs" variant="subtle" onClick={() => setPicking(true)} disabled={fields.length === 0}>
            + Add filter
          </Button>
        )}
        {depth + 1 < MAX_DEPTH && (
          <Button size="xs" variant="subtle" color="gray" onClick={() => onChange(addItem(root, group.id, emptyGroup(newId(), combinatorOf(group) === 'and' ? 'or' : 'and')))}>
            + Add group
          </Button>
        )}
        {depth > 0 && (
          <Button size="xs" variant="subtle" color="red" onClick={() => onChange(removeItem(root, group.id))}>
            Remove group
          </Button>
        )}
      </Group>
    </Stack>
  );
  return depth === 0 ? body : (
    <Paper withBorder p="xs" bg="gray.0">
      {body}
    </Paper>
  );
};
