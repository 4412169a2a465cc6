import { compileMetricQuery, compileTotalQuery, compileUnderlyingDataQuery, type CompiledMetricQuery, type Explore, type QueryDialect } from '@tessera/core';
import { FEATURE_CONTEXT, type Feature } from './features.js';

/** Test support: compiles a feature for an engine's explores and dialect. */
export const compileFeature = (feature: Feature, explores: Map<string, Explore>, dialect: QueryDialect): CompiledMetricQuery => {
  const found = explores.get(feature.explore);
  if (!found) throw new Error(`no explore ${feature.explore}`);
  const explore = feature.explore_ ? feature.explore_(found, dialect) : found;
  const context = { ...FEATURE_CONTEXT, ...feature.context };
  switch (feature.kind) {
    case 'total':
      return compileTotalQuery(explore, feature.query, dialect, context);
    case 'underlying':
      return compileUnderlyingDataQuery(explore, { query: feature.query }, dialect, context);
    default:
      return compileMetricQuery(explore, feature.query, dialect, context);
  }
};
