import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SpaceSummary } from '../../../api/spaces-endpoints.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useMoveContent, type MoveItem } from '../hooks/use-space-mutations.js';
import { spaceOptions } from '../utils/space-tree.js';

type Props = {
  item: (MoveItem & { name: string; spaceUuid: string }) | undefined;
  /** Spaces the user may edit content in (moving needs edit in both). */
  targets: SpaceSummary[];
  onClose: () => void;
};

/** Move a chart or a dashboard to another space. */
export const MoveContentModal = ({ item, targets, onClose }: Props) => {
  const [target, setTarget] = useState<string | null>(null);
  const move = useMoveContent();
  const close = () => {
    move.reset();
    setTarget(null);
    onClose();
  };
  const options = spaceOptions(targets)
    .filter((o) => o.space.uuid !== item?.spaceUuid)
    .map((o) => ({ value: o.space.uuid, label: o.label }));
  return (
    <Modal opened={item !== undefined} onClose={close} title={item ? `Move “${item.name}”` : ''}>
      <Stack>
        {options.length === 0 ? (
          <Text size="sm" c="dimmed">
            There is no other space you can edit. Create one first, or ask for edit access to another.
          </Text>
        ) : (
          <Select label="To space" placeholder="Choose a space" searchable data={options} value={target} onChange={setTarget} />
        )}
        {move.isError && <ErrorAlert error={move.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button disabled={!target || !item} loading={move.isPending} onClick={() => item && target && move.mutate({ item, spaceUuid: target }, { onSuccess: close })}>
            Move
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
