import type { ProjectGuard } from '../projects/project-guard.js';
import type { MemberAccount } from '../projects/project-service.js';

/** getCustomMetrics item: a custom metric of a saved chart, with the YAML to make it a real metric. */
export type CustomMetricUse = { name: string; label: string; modelName: string; yml: string; chartLabel: string; chartUrl: string };

/**
 * The custom (additional) metrics used in a project's saved charts. Saved charts do not exist yet
 * (issue 5): until they do the list is empty; `list` is where they will be read.
 */
export class CustomMetricsService {
  constructor(private readonly guard: ProjectGuard) {}

  async list(account: MemberAccount, projectUuid: string): Promise<CustomMetricUse[]> {
    await this.guard.authorize(account, projectUuid, 'view');
    return [];
  }
}
