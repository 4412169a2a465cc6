/** A space as the tree needs it (SpaceSummary has these). */
export type TreeSpace = { uuid: string; name: string; parentSpaceUuid: string | null };

const byName = (a: TreeSpace, b: TreeSpace) => a.name.localeCompare(b.name);

/**
 * The spaces whose parent is `parentUuid` (null: the roots), by name. A space whose parent the
 * user cannot see counts as a root, so nothing the user may view is left out of the tree.
 */
export const childrenOf = <S extends TreeSpace>(parentUuid: string | null, spaces: readonly S[]): S[] => {
  const known = new Set(spaces.map((s) => s.uuid));
  const parentOf = (s: S) => (s.parentSpaceUuid !== null && known.has(s.parentSpaceUuid) ? s.parentSpaceUuid : null);
  return spaces.filter((s) => parentOf(s) === parentUuid).sort(byName);
};

/** From the root down to the space (breadcrumbs); stops at a parent the user cannot see, or a cycle. */
export const spacePath = <S extends TreeSpace>(spaceUuid: string, spaces: readonly S[]): S[] => {
  const byUuid = new Map(spaces.map((s) => [s.uuid, s]));
  const path: S[] = [];
  const seen = new Set<string>();
  let current = byUuid.get(spaceUuid);
  while (current && !seen.has(current.uuid)) {
    seen.add(current.uuid);
    path.unshift(current);
    current = current.parentSpaceUuid === null ? undefined : byUuid.get(current.parentSpaceUuid);
  }
  return path;
};

/** Every space depth first (parents before children, siblings by name), labelled with its path: "Sales / EMEA". */
export const spaceOptions = <S extends TreeSpace>(spaces: readonly S[]): { space: S; label: string; depth: number }[] => {
  const out: { space: S; label: string; depth: number }[] = [];
  const visit = (parentUuid: string | null, prefix: string, depth: number) => {
    for (const space of childrenOf(parentUuid, spaces)) {
      const label = prefix ? `${prefix} / ${space.name}` : space.name;
      out.push({ space, label, depth });
      visit(space.uuid, label, depth + 1);
    }
  };
  visit(null, '', 0);
  return out;
};
