import { Box, Group } from '@mantine/core';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../components/not-found-page.js';
import { LookerCredentialsPage } from '../../looker-credentials/components/looker-credentials-page.js';
import { TokensPage } from '../../tokens/components/tokens-page.js';
import { useSettingsAccess } from '../hooks/use-settings-access.js';
import { AttributesPanel } from './attributes-panel.js';
import { GroupsPanel } from './groups-panel.js';
import { MembersPanel } from './members-panel.js';
import { NotAllowed } from './not-allowed.js';
import { ProfilePanel } from './profile-panel.js';
import { ProjectAccessPanel } from './project-access-panel.js';
import { ProjectFormPage } from './project-form-page.js';
import { ProjectsPanel } from './projects-panel.js';
import { SettingsNav } from './settings-nav.js';
import { WarehouseCredentialsPanel } from './warehouse-credentials-panel.js';

/**
 * /generalSettings/… (Lightdash's paths): the user's own settings for everyone, the organization's
 * for admins. A section the user may not manage is neither linked nor shown.
 */
export const SettingsPage = () => {
  const access = useSettingsAccess();
  const projects = access.createProject || access.editableProjects.length > 0;
  return (
    <Group align="flex-start" p="md" gap="xl" wrap="nowrap">
      <SettingsNav access={access} />
      <Box flex={1} miw={0} maw={1100}>
        <Routes>
          <Route index element={<ProfilePanel />} />
          <Route path="personalAccessTokens" element={<TokensPage />} />
          <Route path="lookerApiCredentials" element={<LookerCredentialsPage />} />
          <Route path="myWarehouseConnections" element={<WarehouseCredentialsPanel />} />
          <Route path="userManagement" element={access.members ? <MembersPanel canInvite={access.invites} /> : <NotAllowed what="manage the organization's members" />} />
          <Route path="groups" element={access.groups ? <GroupsPanel /> : <NotAllowed what="manage groups" />} />
          <Route path="userAttributes" element={access.attributes ? <AttributesPanel /> : <NotAllowed what="manage user attributes" />} />
          <Route path="projectManagement" element={projects ? <ProjectsPanel access={access} /> : <NotAllowed what="manage projects" />} />
          <Route path="projectManagement/new" element={access.createProject ? <ProjectFormPage /> : <NotAllowed what="create projects" />} />
          <Route path="projectManagement/:projectUuid/settings" element={<ProjectFormPage />} />
          <Route path="projectManagement/:projectUuid/projectAccess" element={<ProjectAccessPanel />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Box>
    </Group>
  );
};
