import { Group, NavLink as MantineNavLink } from '@mantine/core';
import { NavLink, useLocation, useParams } from 'react-router';
import { useProjects } from '../../projects/hooks/use-projects.js';

const SECTIONS = [
  { path: 'home', label: 'Home' },
  { path: 'tables', label: 'Explore' },
  { path: 'dashboards', label: 'Dashboards' },
  { path: 'spaces', label: 'Spaces' },
] as const;

/** The header's links to the current project's (else the first project's) main pages. */
export const ProjectNav = () => {
  const params = useParams();
  const projects = useProjects();
  const { pathname } = useLocation();
  const projectUuid = params.projectUuid ?? projects.data?.[0]?.projectUuid;
  if (!projectUuid) return null;
  return (
    <Group gap={2} component="nav" aria-label="Project">
      {SECTIONS.map((s) => (
        <MantineNavLink
          key={s.path}
          component={NavLink}
          to={`/projects/${projectUuid}/${s.path}`}
          label={s.label}
          active={pathname.startsWith(`/projects/${projectUuid}/${s.path}`)}
          py={4}
          px={10}
          w="auto"
          style={{ borderRadius: 4 }}
        />
      ))}
    </Group>
  );
};
