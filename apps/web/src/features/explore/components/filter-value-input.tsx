import { Checkbox, Group, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import type { DimensionType, FilterRule, UnitOfTime } from '@tessera/core';
import { RELATIVE_UNITS, valueShape } from '../utils/filter-operators.js';

type Props = { rule: FilterRule; type: DimensionType; onChange: (rule: FilterRule) => void };

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const unitOptions = RELATIVE_UNITS.map((u) => ({ value: u, label: u }));
const periodOptions = RELATIVE_UNITS.map((u) => ({ value: u, label: u.replace(/s$/, '') }));

/**
 * The value editor for a rule's operator and field type. Values are kept as the API takes them:
 * numbers as numbers, booleans as booleans, dates as YYYY-MM-DD, timestamps as local ISO text
 * (read in the query's time zone by the server).
 */
export const FilterValueInput = ({ rule, type, onChange }: Props) => {
  const values = rule.values ?? [];
  const set = (next: unknown[]) => onChange({ ...rule, values: next });
  const shape = valueShape(rule.operator, type);

  const one = (value: unknown, index: number, label: string) => {
    const update = (v: unknown) => {
      const next = [...values];
      next[index] = v;
      set(next);
    };
    if (type === 'number') {
      return (
        <NumberInput size="xs" w={130} aria-label={label} value={typeof value === 'number' ? value : text(value)} onChange={(v) => update(typeof v === 'number' ? v : v === '' ? '' : Number(v))} />
      );
    }
    if (type === 'date' || type === 'timestamp') {
      return (
        <TextInput
          size="xs"
          w={type === 'date' ? 150 : 200}
          aria-label={label}
          type={type === 'date' ? 'date' : 'datetime-local'}
          value={text(value)}
          onChange={(e) => update(e.currentTarget.value)}
        />
      );
    }
    if (type === 'boolean') {
      return (
        <Select
          size="xs"
          w={100}
          aria-label={label}
          value={value === false ? 'false' : value === true ? 'true' : null}
          data={[
            { value: 'true', label: 'true' },
            { value: 'false', label: 'false' },
          ]}
          onChange={(v) => update(v === 'true')}
          allowDeselect={false}
        />
      );
    }
    return <TextInput size="xs" w={180} aria-label={label} value={text(value)} onChange={(e) => update(e.currentTarget.value)} />;
  };

  switch (shape) {
    case 'none':
      return null;
    case 'list':
      return (
        <TagsInput
          size="xs"
          w={260}
          aria-label="Filter values"
          placeholder={values.length === 0 ? 'Type a value, press Enter' : undefined}
          value={values.map(text)}
          onChange={(tags) => set(type === 'number' ? tags.map((t) => Number(t)).filter((n) => Number.isFinite(n)) : tags)}
          acceptValueOnBlur
          clearable
        />
      );
    case 'single':
      return one(values[0], 0, 'Filter value');
    case 'range':
      return (
        <Group gap={4} wrap="nowrap">
          {one(values[0], 0, 'From')}
          <span>and</span>
          {one(values[1], 1, 'To')}
        </Group>
      );
    case 'relative':
      return (
        <Group gap={4} wrap="nowrap">
          <NumberInput size="xs" w={80} min={0} aria-label="Amount" value={typeof values[0] === 'number' ? values[0] : ''} onChange={(v) => set(typeof v === 'number' ? [v] : [])} />
          <Select
            size="xs"
            w={110}
            aria-label="Unit of time"
            value={rule.settings?.unitOfTime ?? 'days'}
            data={unitOptions}
            onChange={(u) => u && onChange({ ...rule, settings: { ...rule.settings, unitOfTime: u as UnitOfTime } })}
            allowDeselect={false}
          />
          <Checkbox
            size="xs"
            label="completed"
            checked={rule.settings?.completed ?? false}
            onChange={(e) => onChange({ ...rule, settings: { ...rule.settings, completed: e.currentTarget.checked } })}
          />
        </Group>
      );
    case 'period':
      return (
        <Select
          size="xs"
          w={110}
          aria-label="Period"
          value={rule.settings?.unitOfTime ?? 'months'}
          data={periodOptions}
          onChange={(u) => u && onChange({ ...rule, settings: { unitOfTime: u as UnitOfTime } })}
          allowDeselect={false}
        />
      );
  }
};
