export type { LoadDiagnostic, LoadResult, ModelSource, ModelSourceFactory, ModelSourceOptions } from './model-source.js';
export { targetDatabaseOf } from './model-source.js';
export { DEFAULT_MODEL_SOURCES, openModelSource } from './open-model-source.js';
export { DbtManifestSource, dbtManifestSourceFactory, modelFromNode } from './dbt/manifest-source.js';
export { DbtProjectSource, dbtProjectSourceFactory } from './dbt/project-source.js';
export { YamlModelsSource, yamlModelsSourceFactory, modelFromYaml } from './yaml/yaml-models-source.js';
export { mergeMeta } from './meta-merge.js';
