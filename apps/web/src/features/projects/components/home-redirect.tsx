import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import { Navigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useProjects } from '../hooks/use-projects.js';

/** The start page: the first project's home. */
export const HomeRedirect = () => {
  const projects = useProjects();
  if (projects.isError) return <ErrorAlert error={projects.error} onRetry={() => void projects.refetch()} />;
  if (!projects.data) return <PageLoader label="Loading projects" />;
  const first = projects.data[0];
  if (first) return <Navigate to={`/projects/${first.projectUuid}/home`} replace />;
  return (
    <Center h="60vh">
      <Stack align="center" gap="xs" maw={520}>
        <Title order={3}>No projects yet</Title>
        <Text c="dimmed" ta="center">
          On a first start the demo project appears here once its data is generated (this page checks every few
          seconds). Otherwise an admin can create a project with the API.
        </Text>
        <Loader size="sm" />
      </Stack>
    </Center>
  );
};
