import { Group, Select, Switch, TextInput } from '@mantine/core';
import type { ChartConfig } from '../../../api/charts-types.js';

type Option = { value: string; label: string };
type Props = { chart: ChartConfig; dimensions: Option[]; measures: Option[]; onChange: (chart: ChartConfig) => void };

/** Pie (group and metric, donut), funnel (metric per stage) and big number (field and label). */
export const SingleFieldSettings = ({ chart, dimensions, measures, onChange }: Props) => {
  switch (chart.type) {
    case 'pie': {
      const config = chart.config ?? {};
      return (
        <Group gap="sm" align="flex-end">
          <Select size="xs" label="Slices by" data={dimensions} value={config.groupFieldIds?.[0] ?? null} onChange={(v) => v && onChange({ type: 'pie', config: { ...config, groupFieldIds: [v] } })} allowDeselect={false} w={200} />
          <Select size="xs" label="Value" data={measures} value={config.metricId ?? null} onChange={(v) => v && onChange({ type: 'pie', config: { ...config, metricId: v } })} allowDeselect={false} w={200} />
          <Switch size="sm" label="Donut" checked={config.isDonut ?? false} onChange={(e) => onChange({ type: 'pie', config: { ...config, isDonut: e.currentTarget.checked } })} mb={6} />
        </Group>
      );
    }
    case 'funnel': {
      const config = chart.config ?? {};
      return (
        <Group gap="sm" align="flex-end">
          <Select
            size="xs"
            label="Stages"
            data={[
              { value: 'row', label: 'One per row (first dimension)' },
              { value: 'column', label: 'One per metric (first row)' },
            ]}
            value={config.dataInput ?? 'row'}
            onChange={(v) => onChange({ type: 'funnel', config: { ...config, dataInput: v === 'column' ? 'column' : 'row' } })}
            allowDeselect={false}
            w={240}
          />
          {config.dataInput !== 'column' && (
            <Select size="xs" label="Value" data={measures} value={config.fieldId ?? null} onChange={(v) => v && onChange({ type: 'funnel', config: { ...config, fieldId: v } })} allowDeselect={false} w={200} />
          )}
        </Group>
      );
    }
    case 'big_number': {
      const config = chart.config ?? {};
      return (
        <Group gap="sm" align="flex-end">
          <Select
            size="xs"
            label="Field"
            data={[...measures, ...dimensions]}
            value={config.selectedField ?? null}
            onChange={(v) => v && onChange({ type: 'big_number', config: { ...config, selectedField: v } })}
            allowDeselect={false}
            w={220}
          />
          <TextInput size="xs" label="Label" placeholder="The field's label" value={config.label ?? ''} onChange={(e) => onChange({ type: 'big_number', config: { ...config, label: e.currentTarget.value } })} w={200} />
        </Group>
      );
    }
    default:
      return null;
  }
};
