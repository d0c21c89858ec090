/** Items grouped by a key, groups and items in their original order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

/** The first item for each distinct key, in order. */
export function firstOf<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...groupBy(items, key).values()].flatMap((group) => group.slice(0, 1));
}
