import type { Migration } from 'kysely';
import * as identity from './0001-identity.js';
import * as identityNotify from './0002-identity-notify.js';
import * as projects from './0003-projects.js';
import * as explores from './0004-explores.js';
import * as projectGrants from './0005-project-grants.js';
import * as spaces from './0010-spaces.js';
import * as savedCharts from './0011-saved-charts.js';
import * as dashboards from './0012-dashboards.js';
import * as content from './0013-content.js';
import * as queryMetadataNotify from './0020-query-metadata-notify.js';
import * as contentNotify from './0021-content-notify.js';
import * as projectResultsCache from './0022-project-results-cache.js';
import * as looker from './0030-looker.js';

/** Ordered, append-only. Never edit a migration that has landed; add the next one. */
export const migrations: Record<string, Migration> = {
  '0001-identity': identity,
  '0002-identity-notify': identityNotify,
  '0003-projects': projects,
  '0004-explores': explores,
  '0005-project-grants': projectGrants,
  '0010-spaces': spaces,
  '0011-saved-charts': savedCharts,
  '0012-dashboards': dashboards,
  '0013-content': content,
  '0020-query-metadata-notify': queryMetadataNotify,
  '0021-content-notify': contentNotify,
  '0022-project-results-cache': projectResultsCache,
  '0030-looker': looker,
};
