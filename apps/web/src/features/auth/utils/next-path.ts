/**
 * Where to go after signing in: the `next` parameter when it is a path on this site (never another
 * origin — `//evil.example` and `/\evil` are refused), else the start page.
 */
export const nextPath = (search: string): string => {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
};
