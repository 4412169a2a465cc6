import type { AttributeSources } from './user-attribute-repository.js';

/** Attribute name → the values that apply to one user; an attribute that does not apply is absent. */
export type UserAttributeValues = Record<string, string[]>;

/**
 * Reference §9.4 resolution, pure. For each attribute of the organization: the user's own value and
 * the values of the user's groups make up the set (own value first, duplicates dropped); the default
 * applies only when neither exists (an own value overrides it, and so do group values); with no value
 * and no default the attribute is absent, so a template that needs it can refuse the query.
 */
export const resolveAttributeValues = (sources: AttributeSources): UserAttributeValues => {
  const resolved: UserAttributeValues = {};
  for (const { name, attributeDefault } of sources.attributes) {
    const values = new Set<string>();
    for (const v of sources.userValues) if (v.name === name) values.add(v.value);
    for (const v of sources.groupValues) if (v.name === name) values.add(v.value);
    if (values.size === 0 && attributeDefault !== null) values.add(attributeDefault);
    if (values.size > 0) resolved[name] = [...values];
  }
  return resolved;
};
