import { FlowNetworkBuilder } from './min-cost-flow.js';

/**
 * Two sources (s1 supplies 4, s2 supplies 3), each with a route to the sink through manager m1
 * (room 4) and through m2 (room 5). s1 → m2 costs 4 and s2 → m2 costs 3; what m1 costs each is
 * the parameter. m1 should go to whoever saves most by it.
 */
function network(s1ToM1: number, s2ToM1: number) {
  const builder = new FlowNetworkBuilder();
  const [s1, s2, m1, m2, sink] = [0, 1, 2, 3, 4].map(() => builder.addNode());
  const arcs = {
    s1m1: builder.addArc(s1, m1, 10, s1ToM1),
    s1m2: builder.addArc(s1, m2, 10, 4),
    s2m1: builder.addArc(s2, m1, 10, s2ToM1),
    s2m2: builder.addArc(s2, m2, 10, 3),
    m1: builder.addArc(m1, sink, 4, 0),
    m2: builder.addArc(m2, sink, 5, 0),
  };
  const flow = builder.build();
  const excess = Float64Array.from([4, 3, 0, 0, -7]);
  return { flow, arcs, excess, sources: Int32Array.from([s1, s2]) };
}

describe('MinCostFlow', () => {
  it('sends every supply at least cost: s1 saves 3 by m1, s2 only 1', () => {
    const { flow, arcs, excess, sources } = network(1, 2);
    expect(flow.solve(excess, sources).cost).toBe(4 * 1 + 3 * 3);
    expect(flow.flow(arcs.s1m1)).toBe(4);
    expect(flow.flow(arcs.s2m2)).toBe(3);
  });

  it('reroutes what was sent first when a later source saves more by the room', () => {
    const { flow, arcs, excess, sources } = network(3, 0);
    // s1 goes first and takes m1; s2 then pushes it back to m2: s2 → m1 (0) + s1 → m2 (4).
    const result = flow.solve(excess, sources);
    expect(result.cost).toBe(3 * 0 + 1 * 3 + 3 * 4);
    expect([
      flow.flow(arcs.s1m1),
      flow.flow(arcs.s1m2),
      flow.flow(arcs.s2m1),
      flow.flow(arcs.s2m2),
    ]).toEqual([1, 3, 3, 0]);
    // One path each: s2's goes s2 → m1 ← s1 → m2 → sink, at 0 − 3 + 4 = 1 a unit.
    expect(result.augmentations).toBe(2);
  });

  it('leaves potentials under which no residual arc costs less than nothing', () => {
    const { flow, arcs, excess, sources } = network(3, 0);
    flow.solve(excess, sources);
    const h = flow.potential;
    // s1 uses both managers: their prices differ by exactly the cost difference, 4 − 3.
    expect(h[3] - h[2]).toBe(1);
    expect(flow.flow(arcs.m1)).toBe(4); // m1 full: priced
  });

  it('refuses a supply that cannot reach any demand', () => {
    const builder = new FlowNetworkBuilder();
    const source = builder.addNode();
    builder.addNode();
    const flow = builder.build();
    expect(() => flow.solve(Float64Array.from([1, -1]), Int32Array.from([source]))).toThrow(
      RangeError,
    );
  });

  it('refuses negative costs: the first search needs none', () => {
    const builder = new FlowNetworkBuilder();
    const [a, b] = [builder.addNode(), builder.addNode()];
    expect(() => builder.addArc(a, b, 1, -1)).toThrow(RangeError);
  });
});
