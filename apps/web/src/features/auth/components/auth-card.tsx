import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the signed-out pages: a centred card with a title. */
export const AuthCard = ({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) => (
  <Center mih="100vh" p="md" bg="gray.0">
    <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
      <Stack gap="md">
        <div>
          <Title order={2}>{title}</Title>
          {subtitle && <Text c="dimmed" size="sm">{subtitle}</Text>}
        </div>
        {children}
      </Stack>
    </Paper>
  </Center>
);
