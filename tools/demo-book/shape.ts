/**
 * The shape of a group tree, decided before any account is named: how many nodes sit on each
 * level and which node of the level above each one hangs from. Nodes are kept level by level,
 * each level sorted by parent, so a group is emitted breadth-first with siblings together and
 * every parent before its children.
 */
import { itemAt, type SeededRandom } from '@gap/random';

export interface GroupShape {
  /** `levels[k][i]`: the index on level k-1 of the parent of node i on level k (HQ: -1). */
  readonly levels: readonly Int32Array[];
}

/** What a node's naming depends on: whether it heads a branch of the tree. */
export interface NodePosition {
  readonly hasChildren: boolean;
  readonly hasGrandchildren: boolean;
}

/**
 * A tree of exactly `nodes` nodes and exactly `depth` levels (so `nodes >= depth`), with level
 * sizes in proportion to `weights(level)` for levels 2..depth.
 */
export function groupShape(
  random: SeededRandom,
  nodes: number,
  depth: number,
  weights: (level: number, depth: number) => number,
): GroupShape {
  if (depth < 1 || nodes < depth || (depth === 1 && nodes > 1)) {
    throw new RangeError(`a group of ${nodes} nodes cannot have ${depth} levels`);
  }
  const widths = levelWidths(nodes, depth, weights);
  const levels = [Int32Array.of(-1)];
  for (let level = 1; level < depth; level++) {
    const above = itemAt(widths, level - 1);
    const parents = new Int32Array(itemAt(widths, level));
    // Skewed towards the first nodes above: a few units carry most of the group.
    for (let i = 0; i < parents.length; i++) {
      parents[i] = Math.floor(above * random.next() ** 1.7);
    }
    levels.push(parents.sort());
  }
  return { levels };
}

/** Where each node of a level stands in the tree. */
export function positionsOnLevel(shape: GroupShape, level: number): NodePosition[] {
  const width = itemAt(shape.levels, level).length;
  const children = countChildren(shape.levels[level + 1], width);
  const below = shape.levels[level + 1];
  const grandchildren = countChildren(shape.levels[level + 2], below?.length ?? 0);
  const hasGrandchildren = new Uint8Array(width);
  if (below) {
    below.forEach((parent, child) => {
      if ((grandchildren[child] ?? 0) > 0) hasGrandchildren[parent] = 1;
    });
  }
  return Array.from({ length: width }, (_, i) => ({
    hasChildren: (children[i] ?? 0) > 0,
    hasGrandchildren: hasGrandchildren[i] === 1,
  }));
}

/** The biggest group: narrow at the top, widest in the middle levels, a thin tail at the bottom. */
export function deepGroupWeights(level: number, depth: number): number {
  const t = (level - 1) / (depth - 1);
  return t ** 2 * (1.15 - t) ** 2.6;
}

/** Ordinary groups: each level about three times the one above (HQ, subsidiaries, branches). */
export function shallowGroupWeights(level: number): number {
  return 3 ** (level - 2);
}

/** One node on level 1, at least one on every other level, the rest by largest remainder. */
function levelWidths(
  nodes: number,
  depth: number,
  weights: (level: number, depth: number) => number,
): number[] {
  const levels = Array.from({ length: depth - 1 }, (_, i) => i + 2);
  const raw = levels.map((level) => weights(level, depth));
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  const spare = nodes - depth;
  const shares = raw.map((weight) => (total > 0 ? (spare * weight) / total : 0));
  const widths = shares.map((share) => 1 + Math.floor(share));
  let left = nodes - 1 - widths.reduce((sum, width) => sum + width, 0);
  const byRemainder = shares
    .map((share, i) => ({ i, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    widths[i] = itemAt(widths, i) + 1;
  }
  return [1, ...widths];
}

function countChildren(parents: Int32Array | undefined, width: number): Int32Array {
  const counts = new Int32Array(width);
  if (parents) for (const parent of parents) counts[parent] = (counts[parent] ?? 0) + 1;
  return counts;
}
