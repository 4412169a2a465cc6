import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { SettingsAccess } from '../hooks/use-settings-access.js';

const BASE = '/generalSettings';

type Item = { path: string; label: string; show: boolean };

/** The settings menu: "Your settings" for everyone, "Organization" only with what the user may manage. */
export const SettingsNav = ({ access }: { access: SettingsAccess }) => {
  const { pathname } = useLocation();
  const mine: Item[] = [
    { path: '', label: 'Profile', show: true },
    { path: '/personalAccessTokens', label: 'Personal access tokens', show: true },
    { path: '/lookerApiCredentials', label: 'Looker API credentials', show: true },
    { path: '/myWarehouseConnections', label: 'My warehouse credentials', show: true },
  ];
  const organization: Item[] = [
    { path: '/userManagement', label: 'Users and invites', show: access.members },
    { path: '/groups', label: 'Groups', show: access.groups },
    { path: '/userAttributes', label: 'User attributes', show: access.attributes },
    { path: '/projectManagement', label: 'Projects', show: access.createProject || access.editableProjects.length > 0 },
  ].filter((i) => i.show);
  const link = (item: Item) => {
    const to = `${BASE}${item.path}`;
    const active = item.path === '' ? pathname === BASE || pathname === `${BASE}/` : pathname.startsWith(to);
    return <NavLink key={item.path} component={Link} to={to} label={item.label} active={active} />;
  };
  return (
    <Stack component="nav" aria-label="Settings" gap={2} w={240} style={{ flexShrink: 0 }}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4}>
        Your settings
      </Text>
      {mine.map(link)}
      {organization.length > 0 && (
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
          Organization
        </Text>
      )}
      {organization.map(link)}
    </Stack>
  );
};
