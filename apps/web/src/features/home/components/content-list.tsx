import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ContentLink } from '../utils/content-links.js';

/** A titled list of links to charts, dashboards or spaces, each with its kind and a detail. */
export const ContentList = ({ title, items, empty }: { title: string; items: ContentLink[]; empty: string }) => (
  <Card withBorder padding="md" component="section" aria-label={title}>
    <Stack gap="xs">
      <Title order={4}>{title}</Title>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {items.map((item) => (
        <Group key={item.key} justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Badge size="xs" variant="light" color={item.kind === 'Dashboard' ? 'blue' : item.kind === 'Space' ? 'grape' : 'teal'} w={96}>
              {item.kind}
            </Badge>
            <Anchor component={Link} to={item.href} size="sm" truncate>
              {item.name}
            </Anchor>
          </Group>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {item.detail}
          </Text>
        </Group>
      ))}
    </Stack>
  </Card>
);
