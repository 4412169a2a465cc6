import { Anchor, Button, Table, Text } from '@mantine/core';
import { Link } from 'react-router';

export type ContentRow = { uuid: string; name: string; description?: string | undefined; href: string; kind: string; updatedAt: string; views: number };

/** Charts or dashboards of a space: name (a link), kind, last update, views, and Move for editors. */
export const SpaceContentTable = ({ label, rows, onMove }: { label: string; rows: ContentRow[]; onMove?: ((row: ContentRow) => void) | undefined }) => {
  if (rows.length === 0) return <Text c="dimmed" size="sm">No {label.toLowerCase()} in this space.</Text>;
  return (
    <Table highlightOnHover verticalSpacing="xs" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Updated</Table.Th>
          <Table.Th ta="right">Views</Table.Th>
          {onMove && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.uuid}>
            <Table.Td>
              <Anchor component={Link} to={row.href}>
                {row.name}
              </Anchor>
              {row.description && (
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {row.description}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{row.kind.replace(/_/g, ' ')}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{new Date(row.updatedAt).toLocaleString()}</Text>
            </Table.Td>
            <Table.Td ta="right">{row.views}</Table.Td>
            {onMove && (
              <Table.Td ta="right">
                <Button size="compact-xs" variant="subtle" onClick={() => onMove(row)} aria-label={`Move ${row.name}`}>
                  Move
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};
