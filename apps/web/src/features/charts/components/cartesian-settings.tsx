import { Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import type { ChartConfig } from '../../../api/charts-types.js';
import { cartesianConfig, cartesianSettings, type CartesianSettings } from '../utils/chart-config.js';

type Option = { value: string; label: string };
type Props = {
  chart: ChartConfig;
  pivot: string | undefined;
  dimensions: Option[];
  measures: Option[];
  onChange: (chart: ChartConfig, pivotColumns: string[]) => void;
};

/** Bar, line, area and scatter: x field, y fields, group-by, stacking, axis names. */
export const CartesianSettingsEditor = ({ chart, pivot, dimensions, measures, onChange }: Props) => {
  const settings = cartesianSettings(chart);
  const pivots = pivot ? [pivot] : [];
  const set = (change: Partial<CartesianSettings>, pivotColumns = pivots) => onChange(cartesianConfig({ ...settings, ...change }), pivotColumns);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select size="xs" label="X axis" data={dimensions.filter((d) => d.value !== pivot)} value={settings.xField ?? null} onChange={(v) => v && set({ xField: v })} allowDeselect={false} w={180} />
      <MultiSelect size="xs" label="Y axis" data={measures} value={settings.yFields} onChange={(v) => set({ yFields: v })} w={260} />
      <Select
        size="xs"
        label="Group by"
        placeholder="No grouping"
        clearable
        data={dimensions.filter((d) => d.value !== settings.xField)}
        value={pivot ?? null}
        onChange={(v) => set({}, v ? [v] : [])}
        w={180}
      />
      {settings.kind !== 'scatter' && <Switch size="sm" label="Stack" checked={settings.stacked} onChange={(e) => set({ stacked: e.currentTarget.checked })} mb={6} />}
      <TextInput size="xs" label="X axis label" value={settings.xAxisName} onChange={(e) => set({ xAxisName: e.currentTarget.value })} w={150} />
      <TextInput size="xs" label="Y axis label" value={settings.yAxisName} onChange={(e) => set({ yAxisName: e.currentTarget.value })} w={150} />
    </Group>
  );
};
