/**
 * Min-cost flow by successive shortest paths with node potentials (Dijkstra on reduced costs),
 * one node with excess at a time, each search stopped at the first node with a deficit.
 *
 * Why this shape: in a rebalance most supply reaches the sink through a zero-cost arc (the
 * account stays with its manager) and the rest moves locally (to a neighbour with room, or
 * pushing another account on). A search from one source that stops at the first deficit
 * settles only the nodes nearer than it, which is a handful for most sources; a search from a
 * super source would settle every source each time. Stopping early keeps the reduced costs of
 * all residual arcs non-negative if only the settled nodes' potentials move:
 * `h(v) += d(v) - d(target)` (the usual `h += min(d, d(target))` for every node, less a
 * constant), so each search costs what it settles, not the size of the graph.
 *
 * The potentials are the optimal duals when `solve` returns.
 *
 * Capacities and costs are numbers holding whole values (exact in doubles up to 2^53).
 */
export class FlowNetworkBuilder {
  private readonly tails: number[] = [];
  private readonly heads: number[] = [];
  private readonly capacities: number[] = [];
  private readonly costs: number[] = [];
  nodeCount = 0;

  addNode(): number {
    return this.nodeCount++;
  }

  /** An arc from `from` to `to`; returns its id (ids count from 0 in the order added). */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (from >= this.nodeCount || to >= this.nodeCount || from < 0 || to < 0) {
      throw new RangeError(`arc ${from} → ${to} joins an unknown node`);
    }
    if (capacity < 0) throw new RangeError('an arc has no negative capacity');
    if (cost < 0) throw new RangeError('arc costs are not negative (the first search needs it)');
    this.tails.push(from);
    this.heads.push(to);
    this.capacities.push(capacity);
    this.costs.push(cost);
    return this.tails.length - 1;
  }

  get arcCount(): number {
    return this.tails.length;
  }

  build(): MinCostFlow {
    return new MinCostFlow(this.nodeCount, this.tails, this.heads, this.capacities, this.costs);
  }
}

export interface FlowResult {
  /** What this solve added to Σ flow × cost. */
  readonly cost: number;
  readonly searches: number;
  readonly augmentations: number;
  readonly settledNodes: number;
}

/** A residual graph in compressed rows: each node's outgoing residual arcs lie side by side. */
export class MinCostFlow {
  readonly nodeCount: number;
  readonly arcCount: number;
  /** Node potentials after `solve`: the optimal duals (reduced costs of residual arcs ≥ 0). */
  readonly potential: Float64Array;
  private readonly first: Int32Array;
  private readonly head: Int32Array;
  private readonly residual: Float64Array;
  private readonly cost: Float64Array;
  /** The reverse of each residual arc. */
  private readonly pair: Int32Array;
  /** Where forward arc `i` sits among the residual arcs. */
  private readonly forwardAt: Int32Array;
  private readonly capacity: Float64Array;

  constructor(
    nodeCount: number,
    tails: readonly number[],
    heads: readonly number[],
    capacities: readonly number[],
    costs: readonly number[],
  ) {
    this.nodeCount = nodeCount;
    this.arcCount = tails.length;
    const residualCount = 2 * this.arcCount;
    this.first = new Int32Array(nodeCount + 1);
    for (let i = 0; i < this.arcCount; i++) {
      this.first[tails[i] + 1]++;
      this.first[heads[i] + 1]++;
    }
    for (let v = 0; v < nodeCount; v++) this.first[v + 1] += this.first[v];
    const next = this.first.slice(0, nodeCount);
    this.head = new Int32Array(residualCount);
    this.residual = new Float64Array(residualCount);
    this.cost = new Float64Array(residualCount);
    this.pair = new Int32Array(residualCount);
    this.forwardAt = new Int32Array(this.arcCount);
    this.capacity = Float64Array.from(capacities);
    for (let i = 0; i < this.arcCount; i++) {
      const tail = tails[i];
      const headNode = heads[i];
      const forward = next[tail]++;
      const backward = next[headNode]++;
      this.head[forward] = headNode;
      this.head[backward] = tail;
      this.residual[forward] = capacities[i];
      this.cost[forward] = costs[i];
      this.cost[backward] = -costs[i];
      this.pair[forward] = backward;
      this.pair[backward] = forward;
      this.forwardAt[i] = forward;
    }
    this.potential = new Float64Array(nodeCount);
  }

  /** The flow on forward arc `arc` (its id from the builder). */
  flow(arc: number): number {
    return this.capacity[arc] - this.residual[this.forwardAt[arc]];
  }

  /** The capacity of forward arc `arc`. */
  capacityOf(arc: number): number {
    return this.capacity[arc];
  }

  /**
   * Balances `excess` (positive: supply to send, negative: demand to meet) at least cost, from
   * the current flow and potentials: every residual arc's reduced cost must be non-negative
   * (true from zero flow and zero potentials when no cost is negative). Nodes with supply are
   * served in the order of `sources`; each must reach a demand (give every source an arc to a
   * sink, however dear).
   */
  solve(excess: Float64Array, sources: Int32Array): FlowResult {
    const n = this.nodeCount;
    const { first, head, residual, cost, pair, potential } = this;
    const distance = new Float64Array(n);
    const reachedAt = new Int32Array(n);
    const settledAt = new Int32Array(n);
    const parentArc = new Int32Array(n);
    const settled = new Int32Array(n);
    const heap = new BinaryHeap(Math.max(16, this.head.length + 1));
    const left = Float64Array.from(excess);
    let stamp = 0;
    let totalCost = 0;
    let searches = 0;
    let augmentations = 0;
    let settledNodes = 0;

    for (const source of sources) {
      while (left[source] > 0) {
        stamp++;
        searches++;
        heap.clear();
        distance[source] = 0;
        reachedAt[source] = stamp;
        parentArc[source] = -1;
        heap.push(source, 0);
        let settledCount = 0;
        let target = -1;
        search: while (heap.size > 0) {
          const u = heap.popNode();
          const du = heap.lastKey;
          if (settledAt[u] === stamp || du > distance[u]) continue;
          settledAt[u] = stamp;
          settled[settledCount++] = u;
          if (left[u] < 0) {
            target = u;
            break;
          }
          const hu = potential[u];
          for (let arc = first[u], end = first[u + 1]; arc < end; arc++) {
            if (residual[arc] <= 0) continue;
            const v = head[arc];
            if (settledAt[v] === stamp) continue;
            const dv = du + cost[arc] + hu - potential[v];
            if (reachedAt[v] !== stamp || dv < distance[v]) {
              distance[v] = dv;
              reachedAt[v] = stamp;
              parentArc[v] = arc;
              if (left[v] < 0 && dv === du) {
                // Nothing left in the heap is nearer: this demand is settled now.
                settledAt[v] = stamp;
                settled[settledCount++] = v;
                target = v;
                break search;
              }
              heap.push(v, dv);
            }
          }
        }
        if (target < 0) throw new RangeError(`node ${source} reaches no demand`);
        const targetDistance = distance[target];
        settledNodes += settledCount;
        for (let i = 0; i < settledCount; i++) {
          const v = settled[i];
          potential[v] += distance[v] - targetDistance;
        }
        let amount = Math.min(left[source], -left[target]);
        for (let v = target; v !== source;) {
          const arc = parentArc[v];
          if (residual[arc] < amount) amount = residual[arc];
          v = head[pair[arc]];
        }
        for (let v = target; v !== source;) {
          const arc = parentArc[v];
          residual[arc] -= amount;
          residual[pair[arc]] += amount;
          totalCost += amount * cost[arc];
          v = head[pair[arc]];
        }
        left[source] -= amount;
        left[target] += amount;
        augmentations++;
      }
    }
    return { cost: totalCost, searches, augmentations, settledNodes };
  }

  /** Σ flow × cost over every arc. */
  totalCost(): number {
    let total = 0;
    for (let arc = 0; arc < this.arcCount; arc++)
      total += this.flow(arc) * this.cost[this.forwardAt[arc]];
    return total;
  }
}

/** A binary min-heap of (node, key) with repeats allowed (stale entries are skipped by the caller). */
class BinaryHeap {
  private readonly nodes: Int32Array;
  private readonly keys: Float64Array;
  size = 0;
  /** The key of the node the last `popNode` returned. */
  lastKey = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(node: number, key: number): void {
    const { nodes, keys } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      nodes[i] = nodes[parent];
      keys[i] = keys[parent];
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
  }

  popNode(): number {
    const { nodes, keys } = this;
    const top = nodes[0];
    this.lastKey = keys[0];
    const size = --this.size;
    if (size > 0) {
      const node = nodes[size];
      const key = keys[size];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= key) break;
        nodes[i] = nodes[child];
        keys[i] = keys[child];
        i = child;
      }
      nodes[i] = node;
      keys[i] = key;
    }
    return top;
  }
}
