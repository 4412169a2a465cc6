/**
 * A link target from markdown that may be followed: http(s), mailto, or a path on this site.
 * Anything else (`javascript:`, `data:`, …) is refused, and the link shows as plain text.
 */
export const safeHref = (href: string): string | undefined => {
  const trimmed = href.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  if (trimmed.startsWith('#')) return trimmed;
  try {
    const url = new URL(trimmed);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
};
