import { randomUUID } from 'node:crypto';
import { AlreadyExistsError, NotFoundError } from '@tessera/core';
import type { Account } from '../identity/account.js';
import { isUniqueViolation } from '../store/database-errors.js';
import type { ContentGuard } from './content-guard.js';
import type { Tag, TagRepository } from './tag-repository.js';

const duplicate = (name: string) =>
  new AlreadyExistsError(`A tag named "${name}" already exists in this project (names are compared ignoring case): pick another name or update that tag`);

/**
 * Project tags (the catalog's categories): project viewers list them, editors and above create,
 * rename, recolour and delete them. A tag of another project answers 404, as an unknown one.
 */
export class TagService {
  constructor(
    private readonly tags: TagRepository,
    private readonly guard: ContentGuard,
    private readonly now: () => Date,
  ) {}

  async list(account: Account, projectUuid: string): Promise<Tag[]> {
    const project = await this.guard.authorize(account, projectUuid, 'Tags', 'view');
    return this.tags.list(project.projectUuid);
  }

  async create(account: Account, projectUuid: string, input: { name: string; color: string }): Promise<string> {
    const project = await this.guard.authorize(account, projectUuid, 'Tags', 'create');
    const tagUuid = randomUUID();
    try {
      await this.tags.insert({ tagUuid, projectUuid: project.projectUuid, ...input, userUuid: account.user.userUuid, at: this.now() });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(input.name);
      throw error;
    }
    return tagUuid;
  }

  async update(account: Account, projectUuid: string, tagUuid: string, input: { name?: string; color?: string }): Promise<void> {
    const project = await this.guard.authorize(account, projectUuid, 'Tags', 'update');
    let found: boolean;
    try {
      found = await this.tags.update(project.projectUuid, tagUuid.toLowerCase(), { ...input, at: this.now() });
    } catch (error) {
      if (isUniqueViolation(error) && input.name !== undefined) throw duplicate(input.name);
      throw error;
    }
    if (!found) throw new NotFoundError(`Tag ${tagUuid} not found in this project`);
  }

  async delete(account: Account, projectUuid: string, tagUuid: string): Promise<void> {
    const project = await this.guard.authorize(account, projectUuid, 'Tags', 'delete');
    if (!(await this.tags.delete(project.projectUuid, tagUuid.toLowerCase()))) throw new NotFoundError(`Tag ${tagUuid} not found in this project`);
  }
}
