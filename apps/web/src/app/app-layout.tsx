import { AppShell, Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { Link, Outlet, useNavigate } from 'react-router';
import { useSignOut, useUser } from '../features/auth/hooks/use-session.js';
import { ProjectSelect } from '../features/projects/components/project-select.js';
import { ProjectNav } from '../features/home/components/project-nav.js';
import { SqlRunnerMenuItem } from '../features/sql-runner/components/sql-runner-menu-item.js';

/** The signed-in frame: a header with the project switcher and the user menu. */
export const AppLayout = () => {
  const user = useUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const name = [user.data?.firstName, user.data?.lastName].filter(Boolean).join(' ') || user.data?.email || '';
  return (
    <AppShell header={{ height: 48 }} padding={0}>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="md">
            <Text component={Link} to="/" fw={700} c="blue.8">
              Tessera
            </Text>
            <ProjectSelect />
            <ProjectNav />
          </Group>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <UnstyledButton aria-label="Account menu">
                <Group gap="xs">
                  <Avatar size="sm" color="blue" radius="xl">
                    {name.slice(0, 1).toUpperCase()}
                  </Avatar>
                  <Text size="sm">{name}</Text>
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{user.data?.organizationName}</Menu.Label>
              <Menu.Item component={Link} to="/generalSettings">
                Settings
              </Menu.Item>
              <Menu.Item component={Link} to="/generalSettings/personalAccessTokens">
                Personal access tokens
              </Menu.Item>
              <SqlRunnerMenuItem />
              <Menu.Divider />
              <Menu.Item onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}>
                Sign out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
};
