import { randomUUID } from 'node:crypto';
import { ForbiddenError, NotFoundError, ParameterError, type SpaceAction } from '@tessera/core';
import { freeSlug, slugify } from '../charts/chart-slug.js';
import type { MemberAccount } from '../projects/project-service.js';
import type { ProjectGuard } from '../projects/project-guard.js';
import { isUniqueViolation } from '../store/database-errors.js';
import type { SpaceAccess } from './space-access.js';
import type { SpaceGrantRepository } from './space-grant-repository.js';
import type { SpaceMemberRepository } from './space-member-repository.js';
import { MAX_SPACE_DEPTH, type SpaceRepository, type SpaceRow } from './space-repository.js';
import type { CreateSpaceInput, SpaceDto, SpaceSummaryDto, UpdateSpaceInput } from './space-schemas.js';
import type { SpaceViews } from './space-views.js';

const SLUG_ATTEMPTS = 3;

/**
 * Spaces of a project: list, create (root or nested), read, rename / change privacy, delete.
 * Every decision goes through SpaceAccess (the policy in core). A space addressed under another
 * project's path is unknown there (404).
 */
export class SpaceService {
  constructor(
    private readonly spaces: SpaceRepository,
    private readonly grants: SpaceGrantRepository,
    private readonly members: SpaceMemberRepository,
    private readonly access: SpaceAccess,
    private readonly views: SpaceViews,
    private readonly guard: ProjectGuard,
    private readonly now: () => Date,
  ) {}

  /** The spaces the account may view; 404 unknown project, 403 another organization's. */
  async list(account: MemberAccount, projectUuid: string): Promise<SpaceSummaryDto[]> {
    const project = await this.guard.find(projectUuid.toLowerCase());
    if (project.organizationUuid !== account.organization.organizationUuid) {
      throw new ForbiddenError("You don't have permission to view this project's spaces");
    }
    return this.views.summaries(account, await this.access.visibleSpaces(account, project.projectUuid));
  }

  /**
   * A root space needs project editor+; a nested one edit rights in its parent, and no `access`
   * of its own (it inherits its root's). A private root space is shared with its creator as admin
   * (unless `access` names them), so the creator never locks themselves out.
   */
  async create(account: MemberAccount, projectUuid: string, input: CreateSpaceInput): Promise<SpaceDto> {
    const project = await this.guard.find(projectUuid.toLowerCase());
    const parent = input.parentSpaceUuid ? await this.inProject(input.parentSpaceUuid, project.projectUuid) : undefined;
    await this.access.authorizeCreate(account, project, parent);
    if (parent && input.access?.length) {
      throw new ParameterError('A nested space inherits the access of its root space: share the root space instead, or leave out `access`');
    }
    if (parent && (await this.spaces.depth(parent.spaceUuid)) + 1 >= MAX_SPACE_DEPTH) {
      throw new ParameterError(`Spaces can be nested at most ${MAX_SPACE_DEPTH} levels deep: pick a parent higher up`);
    }
    const isPrivate = input.isPrivate ?? true;
    const grants = new Map((input.access ?? []).map((a) => [a.userUuid.toLowerCase(), a.role] as const));
    await this.assertMembers(project.organizationUuid, [...grants.keys()]);
    if (!parent && isPrivate && !grants.has(account.user.userUuid)) grants.set(account.user.userUuid, 'admin');

    const spaceUuid = randomUUID();
    await this.insertWithFreeSlug(project.projectUuid, input.name, async (slug) =>
      this.spaces.transaction(async (trx) => {
        await this.spaces.insert(
          {
            spaceUuid,
            projectUuid: project.projectUuid,
            parentSpaceUuid: parent?.spaceUuid ?? null,
            name: input.name,
            slug,
            isPrivate,
            createdByUserUuid: account.user.userUuid,
            at: this.now(),
          },
          trx,
        );
        for (const [userUuid, role] of grants) await this.grants.putUser(spaceUuid, userUuid, role, trx);
      }),
    );
    this.access.forgetCached();
    return this.views.details(account, await this.access.find(spaceUuid));
  }

  async get(account: MemberAccount, projectUuid: string, spaceUuid: string): Promise<SpaceDto> {
    return this.views.details(account, await this.authorized(account, projectUuid, spaceUuid, 'view'));
  }

  /** Rename, and change privacy of a root space. A nested space's privacy is its root's: a different value is refused. */
  async update(account: MemberAccount, projectUuid: string, spaceUuid: string, input: UpdateSpaceInput): Promise<SpaceDto> {
    const space = await this.authorized(account, projectUuid, spaceUuid, 'manage');
    if (space.parentSpaceUuid !== null && input.isPrivate !== space.isPrivate) {
      throw new ParameterError(
        `This space is nested: its privacy is that of its root space ${space.rootSpaceUuid}. Change it there, or send isPrivate: ${space.isPrivate}`,
      );
    }
    const isPrivate = space.parentSpaceUuid === null ? input.isPrivate : space.ownIsPrivate;
    await this.spaces.update(space.spaceUuid, { name: input.name, isPrivate }, this.now());
    // The response must show the write: drop what this request cached before it (the node-wide
    // clear after the response comes too late for it).
    this.access.forgetCached();
    return this.views.details(account, await this.access.find(space.spaceUuid));
  }

  /** Deletes the space with everything in it: nested spaces, charts, dashboards, grants, pins. */
  async delete(account: MemberAccount, projectUuid: string, spaceUuid: string): Promise<void> {
    const space = await this.authorized(account, projectUuid, spaceUuid, 'manage');
    if (!(await this.spaces.delete(space.spaceUuid))) throw new NotFoundError(`Space ${spaceUuid} not found`);
  }

  /** Loads the space (404 unknown, or under another project's path) and checks the policy (403). */
  async authorized(account: MemberAccount, projectUuid: string, spaceUuid: string, action: SpaceAction): Promise<SpaceRow> {
    const space = await this.inProject(spaceUuid, projectUuid);
    await this.access.assert(account, space, action);
    return space;
  }

  private async inProject(spaceUuid: string, projectUuid: string): Promise<SpaceRow> {
    const space = await this.access.find(spaceUuid);
    if (space.projectUuid !== projectUuid.toLowerCase()) throw new NotFoundError(`Space ${spaceUuid} not found in project ${projectUuid}`);
    return space;
  }

  /** 400 naming the users who are not members of the organization (a space is shared within it). */
  async assertMembers(organizationUuid: string, userUuids: readonly string[]): Promise<void> {
    const found = await this.members.membersAmong(organizationUuid, userUuids);
    const missing = userUuids.filter((u) => !found.has(u));
    if (missing.length > 0) {
      throw new ParameterError(`Not members of this organization: ${missing.join(', ')}. Spaces can be shared with members only`, { userUuids: missing });
    }
  }

  /** Picks the first free slug from the name; a concurrent insert of the same slug retries. */
  private async insertWithFreeSlug(projectUuid: string, name: string, insert: (slug: string) => Promise<void>): Promise<void> {
    const base = slugify(name);
    for (let attempt = 1; ; attempt++) {
      const slug = freeSlug(base, await this.spaces.slugsLike(projectUuid, base));
      try {
        await insert(slug);
        return;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= SLUG_ATTEMPTS) throw error;
      }
    }
  }
}
