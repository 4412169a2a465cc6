import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Dashboard } from '../../../api/dashboards-endpoints.js';
import type { SpaceSummary } from '../../../api/spaces-endpoints.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { spaceOptions } from '../../spaces/utils/space-tree.js';
import { useCreateDashboard } from '../hooks/use-dashboards.js';

type Props = { projectUuid: string; spaces: SpaceSummary[]; opened: boolean; onClose: () => void; onCreated: (dashboard: Dashboard) => void };

/** A new, empty dashboard in a space the user may edit. */
export const CreateDashboardModal = ({ projectUuid, spaces, opened, onClose, onCreated }: Props) => {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [spaceUuid, setSpaceUuid] = useState<string | null>(null);
  const create = useCreateDashboard(projectUuid);
  const options = spaceOptions(spaces).map((o) => ({ value: o.space.uuid, label: o.label }));
  const chosen = spaceUuid ?? options[0]?.value ?? null;
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New dashboard">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!chosen) return;
          create.mutate(
            { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}), spaceUuid: chosen, tiles: [], tabs: [] },
            { onSuccess: onCreated },
          );
        }}
      >
        <Stack>
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
          <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} />
          {options.length === 0 ? (
            <Text size="sm" c="dimmed">
              There is no space you can edit. Create a space first, or ask for edit access to one.
            </Text>
          ) : (
            <Select label="Space" data={options} value={chosen} onChange={setSpaceUuid} allowDeselect={false} searchable comboboxProps={{ withinPortal: false }} />
          )}
          {create.isError && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={name.trim() === '' || !chosen}>
              Create dashboard
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
