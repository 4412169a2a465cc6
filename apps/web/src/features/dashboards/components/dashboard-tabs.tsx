import { ActionIcon, Button, Group, Tabs, TextInput } from '@mantine/core';
import type { DashboardTab } from '../../../api/dashboards-endpoints.js';

type Props = {
  tabs: DashboardTab[];
  active: string | undefined;
  onSelect: (uuid: string) => void;
  /** Edit mode: rename, remove and add tabs. */
  editing?: { onAdd: () => void; onRename: (uuid: string, name: string) => void; onRemove: (uuid: string) => void } | undefined;
};

/** The dashboard's tabs (none shown without tabs, except "Add tab" in edit mode). */
export const DashboardTabs = ({ tabs, active, onSelect, editing }: Props) => {
  if (tabs.length === 0) {
    return editing ? (
      <Group>
        <Button size="compact-sm" variant="subtle" onClick={editing.onAdd}>
          + Add tab
        </Button>
      </Group>
    ) : null;
  }
  const current = active ?? tabs[0]?.uuid ?? null;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <Tabs value={current} onChange={(v) => v && onSelect(v)}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.uuid} value={tab.uuid}>
              {tab.name}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {editing && current && (
        <Group gap={4} wrap="nowrap">
          <TextInput
            size="xs"
            w={160}
            aria-label="Tab name"
            value={tabs.find((t) => t.uuid === current)?.name ?? ''}
            onChange={(e) => editing.onRename(current, e.currentTarget.value)}
          />
          <ActionIcon variant="subtle" color="red" aria-label="Remove this tab and its tiles" onClick={() => editing.onRemove(current)}>
            ✕
          </ActionIcon>
          <Button size="compact-sm" variant="subtle" onClick={editing.onAdd}>
            + Add tab
          </Button>
        </Group>
      )}
    </Group>
  );
};
