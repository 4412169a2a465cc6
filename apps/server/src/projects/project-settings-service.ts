import { ParameterError } from '@tessera/core';
import type { Account } from '../identity/account.js';
import { assertManifest } from './connection-rules.js';
import type { ProjectGuard } from './project-guard.js';
import type { ProjectRepository } from './project-repository.js';
import type { SemanticLayerUpdate } from './project-schemas.js';
import type { ProjectVault, SemanticLayerConnection } from './project-vault.js';

const MAX_UPSTREAM_CHAIN = 100;

/**
 * A project's settings outside its connections: upstream project, scheduler time zone, semantic
 * layer connection and the uploaded dbt manifest. Every change needs `update` on the project
 * (effective developer or above).
 */
export class ProjectSettingsService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly guard: ProjectGuard,
    private readonly vault: ProjectVault,
    private readonly now: () => Date,
    private readonly sourceChanged: (projectUuid: string, userUuid: string) => void = () => undefined,
  ) {}

  /** Sets (a project of the same organization, no cycle) or clears (null) the upstream project. */
  async updateMetadata(account: Account, projectUuid: string, input: { upstreamProjectUuid?: string | null | undefined }): Promise<void> {
    const { project } = await this.guard.authorize(account, projectUuid, 'update');
    if (input.upstreamProjectUuid === undefined) return;
    const upstream = input.upstreamProjectUuid?.toLowerCase() ?? null;
    if (upstream !== null) {
      let cursor: string | null = upstream;
      for (let hops = 0; cursor !== null && hops < MAX_UPSTREAM_CHAIN; hops += 1) {
        if (cursor === projectUuid.toLowerCase()) {
          throw new ParameterError('A project cannot be its own upstream, directly or through other projects');
        }
        const next = await this.projects.find(cursor);
        if (!next || next.organizationUuid !== project.organizationUuid) {
          if (cursor === upstream) {
            throw new ParameterError(`Upstream project ${upstream} is not a project of your organization`, { upstreamProjectUuid: upstream });
          }
          break;
        }
        cursor = next.upstreamProjectUuid;
      }
    }
    await this.projects.update(projectUuid, { upstreamProjectUuid: upstream }, this.now());
  }

  /** An IANA time zone name (stored in its canonical spelling). */
  async updateSchedulerSettings(account: Account, projectUuid: string, input: { schedulerTimezone: string }): Promise<void> {
    await this.guard.authorize(account, projectUuid, 'update');
    await this.projects.update(projectUuid, { schedulerTimezone: canonicalTimeZone(input.schedulerTimezone) }, this.now());
  }

  /**
   * Partial update: fields left out keep the stored ones of the same type; a new or different type
   * needs all its fields (DBT: environmentId, domain, token; CUBE: domain, token), else 400.
   */
  async updateSemanticLayer(account: Account, projectUuid: string, input: SemanticLayerUpdate): Promise<void> {
    const { project } = await this.guard.authorize(account, projectUuid, 'update');
    const merged = this.vault.mergeSemanticLayer(this.vault.semanticLayer(project), input);
    const required = merged.type === 'DBT' ? ['environmentId', 'domain', 'token'] : ['domain', 'token'];
    const missing = required.filter((f) => (merged as Record<string, unknown>)[f] === undefined);
    if (missing.length > 0) {
      throw new ParameterError(`The ${input.type} semantic layer connection needs ${missing.join(', ')}`, { missing });
    }
    const sealed = this.vault.seal(merged as SemanticLayerConnection);
    await this.projects.update(projectUuid, { encryptedSemanticLayerConnection: sealed }, this.now());
  }

  /** Idempotent: deleting when there is none is not an error. */
  async deleteSemanticLayer(account: Account, projectUuid: string): Promise<void> {
    await this.guard.authorize(account, projectUuid, 'update');
    await this.projects.update(projectUuid, { encryptedSemanticLayerConnection: null }, this.now());
  }

  /** Stores (replaces) the manifest.json of a project whose dbt connection type is `manifest`. */
  async uploadManifest(account: Account, projectUuid: string, manifest: unknown): Promise<{ projectUuid: string; uploadedAt: Date }> {
    const { project } = await this.guard.authorize(account, projectUuid, 'update');
    if (project.dbtConnectionType !== 'manifest') {
      throw new ParameterError(
        `This project's dbt connection type is "${project.dbtConnectionType}": set it to "manifest" before uploading a manifest`,
      );
    }
    assertManifest(manifest);
    const at = this.now();
    await this.projects.putManifest(projectUuid, JSON.stringify(manifest), account.user.userUuid, at);
    this.sourceChanged(projectUuid, account.user.userUuid);
    return { projectUuid, uploadedAt: at };
  }
}

const canonicalTimeZone = (name: string): string => {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new ParameterError(`"${name}" is not a time zone: use an IANA name such as "UTC" or "Europe/Paris"`);
  }
};
