import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { SpaceSummary } from '../../../api/spaces-endpoints.js';
import { spaceOptions } from '../utils/space-tree.js';
import { SpaceBadges } from './space-badges.js';

/** Spaces as an indented tree: name, privacy and the user's access, content counts. */
export const SpaceTable = ({ projectUuid, spaces, nested = true }: { projectUuid: string; spaces: SpaceSummary[]; nested?: boolean }) => {
  const rows = nested ? spaceOptions(spaces) : [...spaces].sort((a, b) => a.name.localeCompare(b.name)).map((space) => ({ space, label: space.name, depth: 0 }));
  if (rows.length === 0) return <Text c="dimmed" size="sm">No spaces here yet.</Text>;
  return (
    <Table highlightOnHover verticalSpacing="xs" aria-label="Spaces">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Space</Table.Th>
          <Table.Th>Access</Table.Th>
          <Table.Th ta="right">Dashboards</Table.Th>
          <Table.Th ta="right">Charts</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ space, depth }) => (
          <Table.Tr key={space.uuid}>
            <Table.Td pl={12 + depth * 20}>
              <Anchor component={Link} to={`/projects/${projectUuid}/spaces/${space.uuid}`} fw={depth === 0 ? 600 : 400}>
                {space.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <SpaceBadges isPrivate={space.isPrivate} role={space.userAccess?.role} />
            </Table.Td>
            <Table.Td ta="right">{space.dashboardCount}</Table.Td>
            <Table.Td ta="right">{space.chartCount}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};
