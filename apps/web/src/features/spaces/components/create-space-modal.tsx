import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert.js';
import type { Space } from '../../../api/spaces-endpoints.js';
import { useCreateSpace } from '../hooks/use-space-mutations.js';

type Props = {
  projectUuid: string;
  /** The space to create it in; a nested space inherits its root's privacy and sharing. */
  parent?: { uuid: string; name: string } | undefined;
  opened: boolean;
  onClose: () => void;
  onCreated: (space: Space) => void;
};

export const CreateSpaceModal = ({ projectUuid, parent, opened, onClose, onCreated }: Props) => {
  const [name, setName] = useState('');
  const [isPrivate, setPrivate] = useState(true);
  const create = useCreateSpace(projectUuid);
  const close = () => {
    create.reset();
    setName('');
    onClose();
  };
  const submit = () =>
    create.mutate(parent ? { name: name.trim(), parentSpaceUuid: parent.uuid } : { name: name.trim(), isPrivate }, {
      onSuccess: (space) => {
        setName('');
        onCreated(space);
      },
    });
  return (
    <Modal opened={opened} onClose={close} title={parent ? `New space in ${parent.name}` : 'New space'}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
          {parent ? (
            <Text size="sm" c="dimmed">
              It shares the access of {parent.name}: whoever can see that space can see this one.
            </Text>
          ) : (
            <Checkbox
              label="Private: only people it is shared with (and admins) can see it"
              checked={isPrivate}
              onChange={(e) => setPrivate(e.currentTarget.checked)}
            />
          )}
          {create.isError && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={name.trim() === ''}>
              Create space
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
