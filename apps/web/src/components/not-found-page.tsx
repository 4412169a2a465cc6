import { Anchor, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export const NotFoundPage = () => (
  <Center h="80vh">
    <Stack align="center" gap="xs">
      <Title order={2}>Page not found</Title>
      <Text c="dimmed">This address does not lead anywhere in Tessera.</Text>
      <Anchor component={Link} to="/">
        Go to the start page
      </Anchor>
    </Stack>
  </Center>
);
