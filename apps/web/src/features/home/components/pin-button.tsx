import { Button, Group, Text } from '@mantine/core';
import { errorText } from '../../../api/error-text.js';
import { useUser } from '../../auth/hooks/use-session.js';
import { useCan } from '../../permissions/use-can.js';
import { useTogglePin, type PinTarget } from '../hooks/use-toggle-pin.js';

/** "Pin to home" / "Unpin from home" — offered to those who may change the project's pinned list (editors and up). */
export const PinButton = ({ projectUuid, target, pinned }: { projectUuid: string; target: PinTarget; pinned: boolean }) => {
  const user = useUser();
  const organizationUuid = user.data?.organizationUuid;
  const allowed = useCan('manage', organizationUuid ? { type: 'PinnedItems', organizationUuid, projectUuid } : undefined);
  const toggle = useTogglePin();
  if (!allowed) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {toggle.isError && (
        <Text size="xs" c="red" maw={260}>
          {errorText(toggle.error).message}
        </Text>
      )}
      <Button variant="default" loading={toggle.isPending} onClick={() => toggle.mutate(target)}>
        {pinned ? 'Unpin from home' : 'Pin to home'}
      </Button>
    </Group>
  );
};
