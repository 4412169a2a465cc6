import type { Cipher } from '../secrets/cipher.js';
import { publicDbtConnectionSchema, type DbtConnection } from './dbt-connection-schemas.js';
import type { ProjectRecord } from './project-repository.js';
import { DBT_VERSIONS, DEFAULT_DBT_VERSION, type SemanticLayerUpdate } from './project-schemas.js';
import {
  publicWarehouseConnection,
  warehouseConnectionSchema,
  type PublicWarehouseConnection,
  type WarehouseConnection,
} from './warehouse-connection-schemas.js';

export type SemanticLayerConnection =
  | { type: 'DBT'; environmentId: string; domain: string; token: string }
  | { type: 'CUBE'; domain: string; token: string };

/** What a reader of a project is shown: no secret anywhere. */
export type ProjectView = {
  organizationUuid: string;
  projectUuid: string;
  name: string;
  type: 'DEFAULT' | 'PREVIEW';
  dbtConnection: DbtConnection;
  warehouseConnection: PublicWarehouseConnection | undefined;
  dbtVersion: (typeof DBT_VERSIONS)[number];
  upstreamProjectUuid: string | null;
  schedulerTimezone: string;
  createdByUserUuid: string | null;
  pinnedListUuid: string | null;
  resultsCacheTtlSeconds: number | null;
};

const NONE: DbtConnection = { type: 'none' };

/**
 * Seals and opens a project's connections with AES-256-GCM (`ctx.cipher`): the warehouse
 * connection (passwords, keys), the dbt connection (its environment values may be secrets) and the
 * semantic layer connection (its token). Opening a value that no longer decrypts (TESSERA_SECRET
 * changed) is a server fault, reported as such.
 */
export class ProjectVault {
  constructor(private readonly cipher: Cipher) {}

  seal(value: WarehouseConnection | DbtConnection | SemanticLayerConnection): string {
    return this.cipher.encrypt(JSON.stringify(value));
  }

  warehouse(project: ProjectRecord): WarehouseConnection | undefined {
    if (project.encryptedWarehouseConnection === null) return undefined;
    return warehouseConnectionSchema.parse(this.open(project, project.encryptedWarehouseConnection));
  }

  dbt(project: ProjectRecord): DbtConnection {
    if (project.encryptedDbtConnection === null) return NONE;
    return publicDbtConnectionSchema.parse(this.open(project, project.encryptedDbtConnection));
  }

  semanticLayer(project: ProjectRecord): SemanticLayerConnection | undefined {
    if (project.encryptedSemanticLayerConnection === null) return undefined;
    return this.open(project, project.encryptedSemanticLayerConnection) as SemanticLayerConnection;
  }

  view(project: ProjectRecord): ProjectView {
    const warehouse = this.warehouse(project);
    const version = (DBT_VERSIONS as readonly string[]).includes(project.dbtVersion) ? project.dbtVersion : DEFAULT_DBT_VERSION;
    return {
      organizationUuid: project.organizationUuid,
      projectUuid: project.projectUuid,
      name: project.name,
      type: project.type,
      dbtConnection: this.dbt(project),
      warehouseConnection: warehouse && publicWarehouseConnection(warehouse),
      dbtVersion: version as ProjectView['dbtVersion'],
      upstreamProjectUuid: project.upstreamProjectUuid,
      schedulerTimezone: project.schedulerTimezone,
      createdByUserUuid: project.createdByUserUuid,
      pinnedListUuid: project.pinnedListUuid,
      resultsCacheTtlSeconds: project.resultsCacheTtlSeconds,
    };
  }

  /** A semantic layer update applied to the stored connection; undefined fields keep stored ones of the same type. */
  mergeSemanticLayer(stored: SemanticLayerConnection | undefined, update: SemanticLayerUpdate): Partial<SemanticLayerConnection> {
    const given = Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined));
    return stored?.type === update.type ? { ...stored, ...given } : given;
  }

  private open(project: ProjectRecord, sealed: string): unknown {
    try {
      return JSON.parse(this.cipher.decrypt(sealed));
    } catch (error) {
      throw new Error(`Connection of project ${project.projectUuid} cannot be decrypted: was TESSERA_SECRET changed?`, { cause: error });
    }
  }
}
