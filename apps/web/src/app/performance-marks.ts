/**
 * Performance marks the end-to-end test reads (`performance.getEntriesByName`). Names are part of
 * that contract: change both together.
 */
export const MARKS = {
  signInSubmitted: 'tessera:sign-in-submitted',
  exploreReady: 'tessera:explore-ready',
  fieldSearch: 'tessera:field-search',
} as const;

export const mark = (name: string): void => {
  performance.mark(name);
};
