import { Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ChartContent, SavedChart } from '../../../api/charts-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useCreateChart } from '../hooks/use-save-chart.js';
import { useSpaces } from '../hooks/use-spaces.js';

type Props = { projectUuid: string; opened: boolean; onClose: () => void; content: () => ChartContent; onSaved: (chart: SavedChart) => void };

/** "Save chart": a name, a description, and an existing space or a new one. */
export const SaveChartModal = ({ projectUuid, opened, onClose, content, onSaved }: Props) => {
  const spaces = useSpaces(projectUuid, opened);
  const save = useCreateChart(projectUuid);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [where, setWhere] = useState<'existing' | 'new'>('existing');
  const [spaceUuid, setSpaceUuid] = useState<string | null>(null);
  const [spaceName, setSpaceName] = useState('');
  const [isPrivate, setIsPrivate] = useState(false);
  // Spaces the user may add content to (their role there, when the server says it).
  const editable = (spaces.data ?? []).filter((s) => s.userAccess === undefined || s.userAccess.role !== 'viewer');
  const noSpaces = spaces.isSuccess && editable.length === 0;
  const mode = noSpaces ? 'new' : where;
  const chosen = spaceUuid ?? editable[0]?.uuid ?? null;
  const valid = name.trim() !== '' && (mode === 'new' ? spaceName.trim() !== '' : chosen !== null);

  const submit = () => {
    if (!valid) return;
    save.mutate(
      { name: name.trim(), description, target: mode === 'new' ? { kind: 'new', name: spaceName.trim(), isPrivate } : { kind: 'existing', spaceUuid: chosen ?? '' }, content: content() },
      { onSuccess: onSaved },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Save chart">
      <Stack gap="sm">
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
        <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <SegmentedControl
          value={mode}
          onChange={(v) => setWhere(v === 'new' ? 'new' : 'existing')}
          data={[
            { value: 'existing', label: 'Existing space', disabled: noSpaces },
            { value: 'new', label: 'New space' },
          ]}
          aria-label="Where to save"
        />
        {mode === 'existing' ? (
          <Select
            label="Space"
            data={editable.map((s) => ({ value: s.uuid, label: s.isPrivate ? `${s.name} (private)` : s.name }))}
            value={chosen}
            onChange={setSpaceUuid}
            allowDeselect={false}
            searchable
            disabled={spaces.isPending}
            placeholder={spaces.isPending ? 'Loading spaces…' : undefined}
          />
        ) : (
          <>
            <TextInput label="New space name" required value={spaceName} onChange={(e) => setSpaceName(e.currentTarget.value)} />
            <Checkbox label="Private: only me (and admins) can see it" checked={isPrivate} onChange={(e) => setIsPrivate(e.currentTarget.checked)} />
          </>
        )}
        {spaces.isError && <ErrorAlert error={spaces.error} onRetry={() => void spaces.refetch()} />}
        {save.isError && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!valid} loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
