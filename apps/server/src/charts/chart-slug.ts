import { randomBytes } from 'node:crypto';

const MAX_SLUG_LENGTH = 200;

/**
 * The anchor's `generateSlug`: lower case, each run of characters outside [a-z0-9] becomes one
 * hyphen, no hyphen at either end. A name with no such character at all gets a random slug.
 */
export const slugify = (name: string): string => {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? randomBytes(4).toString('hex').slice(0, 5) : slug;
};

/** `base`, or `base-1`, `base-2`, … — the first one not in `taken`. */
export const freeSlug = (base: string, taken: ReadonlySet<string>): string => {
  if (!taken.has(base)) return base;
  for (let n = 1; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
};
