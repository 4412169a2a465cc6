import { dbtManifestSourceFactory } from './dbt/manifest-source.js';
import { dbtProjectSourceFactory } from './dbt/project-source.js';
import { lookmlSourceFactory } from './lookml/lookml-source.js';
import type { ModelSource, ModelSourceFactory, ModelSourceOptions } from './model-source.js';
import { yamlModelsSourceFactory } from './yaml/yaml-models-source.js';

/** Tried in order: the first factory that recognises the path opens it. */
export const DEFAULT_MODEL_SOURCES: readonly ModelSourceFactory[] = [
  dbtManifestSourceFactory,
  dbtProjectSourceFactory,
  lookmlSourceFactory,
  yamlModelsSourceFactory,
];

/** Opens the source for a manifest.json, a dbt project directory, a LookML project, or a folder/file of model YAML. */
export const openModelSource = async (
  location: string,
  options: ModelSourceOptions = {},
  factories: readonly ModelSourceFactory[] = DEFAULT_MODEL_SOURCES,
): Promise<ModelSource> => {
  for (const factory of factories) {
    if (await factory.detect(location)) return factory.create(location, options);
  }
  throw new Error(`${location}: not a dbt manifest.json, a dbt project directory, a LookML project or a folder of model YAML`);
};
