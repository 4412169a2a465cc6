import { Anchor, Group, Stack } from '@mantine/core';
import type { Subject } from '@tessera/core';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.js';
import type { Project } from '../../../api/settings-types.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useCan } from '../../permissions/use-can.js';
import { useProjectDetails } from '../hooks/use-project-settings.js';
import { NotAllowed } from './not-allowed.js';
import { ProjectForm, ProjectFormTitle } from './project-form.js';

const subjectOf = (p: Project): Subject => ({
  type: 'Project',
  organizationUuid: p.organizationUuid,
  projectUuid: p.projectUuid,
  projectType: p.type,
  createdByUserUuid: p.createdByUserUuid,
  upstreamProjectUuid: p.upstreamProjectUuid ?? null,
});

const EditProject = ({ projectUuid }: { projectUuid: string }) => {
  const project = useProjectDetails(projectUuid);
  const canEdit = useCan('update', project.data ? subjectOf(project.data) : undefined);
  if (project.isError) return <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />;
  if (!project.data) return <PageLoader label="Loading the project" />;
  if (!canEdit) return <NotAllowed what="change this project's settings" />;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <ProjectFormTitle project={project.data} />
        <Anchor component={Link} to={`/generalSettings/projectManagement/${projectUuid}/projectAccess`}>
          Project access
        </Anchor>
      </Group>
      <ProjectForm key={projectUuid} project={project.data} />
    </Stack>
  );
};

/** /generalSettings/projectManagement/new and /generalSettings/projectManagement/:projectUuid/settings */
export const ProjectFormPage = () => {
  const { projectUuid } = useParams();
  if (projectUuid) return <EditProject projectUuid={projectUuid} />;
  return (
    <Stack gap="md">
      <ProjectFormTitle project={undefined} />
      <ProjectForm project={undefined} />
    </Stack>
  );
};
