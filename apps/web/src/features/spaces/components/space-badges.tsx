import { Badge, Group } from '@mantine/core';
import type { SpaceRole } from '@tessera/core';

const ROLE_LABEL: Record<SpaceRole, string> = { viewer: 'Can view', editor: 'Can edit', admin: 'Full access' };

export const spaceRoleLabel = (role: SpaceRole): string => ROLE_LABEL[role];

/** Private or public, and the user's own access. */
export const SpaceBadges = ({ isPrivate, role }: { isPrivate: boolean; role?: SpaceRole | undefined }) => (
  <Group gap={4} wrap="nowrap">
    <Badge size="sm" variant="light" color={isPrivate ? 'grape' : 'teal'}>
      {isPrivate ? 'Private' : 'Public'}
    </Badge>
    {role && (
      <Badge size="sm" variant="outline" color="gray">
        {ROLE_LABEL[role]}
      </Badge>
    )}
  </Group>
);
