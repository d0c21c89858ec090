/**
 * A group's hierarchy is kept as a materialised path of account codes from the group's head
 * down to the account, e.g. `GA00100001/GA00100007/GA00100042` (ADR 5). Descendants share the
 * path as a prefix followed by the separator, so in a C-collated B-tree they are one range.
 */
export const PATH_SEPARATOR = '/';
export const MAX_HIERARCHY_DEPTH = 32;

export function childPath(parentPath: string | null, accountCode: string): string {
  return parentPath === null ? accountCode : `${parentPath}${PATH_SEPARATOR}${accountCode}`;
}

/** The codes from the head of the group down to, and including, the account. */
export function pathCodes(path: string): string[] {
  return path.split(PATH_SEPARATOR);
}

export function depthOf(path: string): number {
  return pathCodes(path).length;
}

/** True when `path` is `ancestorPath` itself or lies below it. */
export function isSameOrBelow(path: string, ancestorPath: string): boolean {
  return path === ancestorPath || path.startsWith(ancestorPath + PATH_SEPARATOR);
}

/** The exclusive upper bound of the descendants of `path` in C collation ('0' follows '/'). */
export function descendantsUpperBound(path: string): string {
  return `${path}0`;
}
