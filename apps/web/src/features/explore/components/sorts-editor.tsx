import { Button, CloseButton, Group, NumberInput, SegmentedControl, Select, Text } from '@mantine/core';
import type { SortField } from '@tessera/core';
import { MAX_LIMIT } from '../utils/explore-state.js';

type Props = {
  sorts: SortField[];
  /** The query's columns (selected fields, custom fields, table calculations): a query may only sort by those. */
  selected: { id: string; label: string; tableLabel?: string | undefined }[];
  limit: number;
  onSorts: (sorts: SortField[]) => void;
  onLimit: (limit: number) => void;
};

/** Sort order (first sort first) and the row limit. */
export const SortsEditor = ({ sorts, selected, limit, onSorts, onLimit }: Props) => {
  const unsorted = selected.filter((f) => !sorts.some((s) => s.fieldId === f.id));
  const label = (id: string) => selected.find((f) => f.id === id)?.label ?? id;
  return (
    <Group gap="md" align="flex-end">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Sort
        </Text>
        {sorts.length === 0 && (
          <Text size="sm" c="dimmed">
            none
          </Text>
        )}
        {sorts.map((sort, i) => (
          <Group key={sort.fieldId} gap={4} wrap="nowrap" data-testid="sort">
            <Text size="sm">{label(sort.fieldId)}</Text>
            <SegmentedControl
              size="xs"
              value={sort.descending ? 'desc' : 'asc'}
              data={[
                { value: 'asc', label: 'Asc' },
                { value: 'desc', label: 'Desc' },
              ]}
              onChange={(v) => onSorts(sorts.map((s, j) => (j === i ? { ...s, descending: v === 'desc' } : s)))}
              aria-label={`Direction of the sort on ${label(sort.fieldId)}`}
            />
            <CloseButton size="sm" aria-label={`Remove the sort on ${label(sort.fieldId)}`} onClick={() => onSorts(sorts.filter((_, j) => j !== i))} />
          </Group>
        ))}
        {unsorted.length > 0 && (
          <Select
            size="xs"
            w={180}
            placeholder="+ Add sort"
            aria-label="Add a sort"
            value={null}
            data={unsorted.map((f) => ({ value: f.id, label: f.label }))}
            onChange={(id) => id && onSorts([...sorts, { fieldId: id, descending: false }])}
          />
        )}
        {sorts.length > 0 && (
          <Button size="xs" variant="subtle" color="gray" onClick={() => onSorts([])}>
            Clear
          </Button>
        )}
      </Group>
      <NumberInput
        size="xs"
        w={120}
        label="Row limit"
        min={1}
        max={MAX_LIMIT}
        value={limit}
        onChange={(v) => typeof v === 'number' && onLimit(v)}
        clampBehavior="strict"
        allowDecimal={false}
      />
    </Group>
  );
};
