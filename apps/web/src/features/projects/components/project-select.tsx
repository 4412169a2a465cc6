import { Select } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useProjects } from '../hooks/use-projects.js';

/** Switches project: opens the chosen project's explores. Hidden when there is only one. */
export const ProjectSelect = () => {
  const { projectUuid } = useParams();
  const navigate = useNavigate();
  const projects = useProjects();
  if (!projects.data || projects.data.length < 2) return null;
  return (
    <Select
      aria-label="Project"
      size="xs"
      w={220}
      value={projectUuid ?? null}
      data={projects.data.map((p) => ({ value: p.projectUuid, label: p.name }))}
      onChange={(value) => value && void navigate(`/projects/${value}/tables`)}
      allowDeselect={false}
      searchable
    />
  );
};
