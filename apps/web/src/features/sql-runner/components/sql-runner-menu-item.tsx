import { Menu } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useCanRunSql } from '../hooks/use-can-run-sql.js';

/** The user menu's link to the current project's SQL runner, for those who may use it. */
export const SqlRunnerMenuItem = () => {
  const { projectUuid } = useParams();
  const { allowed } = useCanRunSql(projectUuid);
  if (!projectUuid || !allowed) return null;
  return (
    <Menu.Item component={Link} to={`/projects/${projectUuid}/sqlRunner`}>
      SQL runner
    </Menu.Item>
  );
};
