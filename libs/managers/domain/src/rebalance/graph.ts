import { TIERS } from '../manager.js';
import { FlowNetworkBuilder } from './min-cost-flow.js';
import { profileMismatch, type RebalanceModel } from './model.js';
import type { AccountClass } from './network.js';

export function pointsOf(model: RebalanceModel, accountClass: AccountClass): number {
  return model.policy.points[model.profiles[accountClass.profile].tier];
}

/**
 * The flow network of a rebalance. Nodes: the classes, then the profiles, then the managers,
 * then the sink, then the capped tier entries. Arcs are only ever added: a pricing round adds
 * its arcs and builds the network again.
 */
export class RebalanceGraph {
  readonly builder = new FlowNetworkBuilder();
  readonly sink: number;
  /** The arc keeping each class with its current manager (-1: it may not stay). */
  readonly stayArc: Int32Array;
  /** Each profile's arcs to managers: [manager, arc id]. */
  readonly profileArcs: [number, number][][];
  /** The capped node of (tier, manager), at `t * managerCount + m`; -1: none, enter directly. */
  readonly entries: Int32Array;
  /** The capped arcs: [tier index, manager, arc id]. */
  readonly entryArcs: [number, number, number][];

  constructor(
    readonly model: RebalanceModel,
    readonly classes: readonly AccountClass[],
    readonly scale: number,
  ) {
    const { policy } = model;
    this.sink = this.managerNode(model.managerCount);
    for (let v = 0; v <= this.sink; v++) this.builder.addNode();
    // Whole accounts of a tier fill at most ⌊room / points⌋ × points of a manager's room: where
    // that is less than the room, the tier enters through a node of its own, capped so.
    this.entries = new Int32Array(TIERS.length * model.managerCount).fill(-1);
    this.entryArcs = [];
    TIERS.forEach((tier, t) => {
      const points = policy.points[tier];
      for (let m = 0; m < model.managerCount; m++) {
        if (model.canReceive[t * model.managerCount + m] !== 1) continue;
        const whole = Math.floor(model.room[m] / points) * points;
        if (whole >= model.room[m]) continue;
        const node = this.builder.addNode();
        this.entries[t * model.managerCount + m] = node;
        this.entryArcs.push([t, m, this.builder.addArc(node, this.managerNode(m), whole, 0)]);
      }
    });
    const unlimited = classes.reduce(
      (sum, accountClass) => sum + accountClass.accounts.length * pointsOf(model, accountClass),
      0,
    );
    this.stayArc = new Int32Array(classes.length).fill(-1);
    classes.forEach((accountClass, c) => {
      const { profile, current } = accountClass;
      if (
        current >= 0 &&
        model.canReceive[model.profiles[profile].tierIndex * model.managerCount + current] === 1
      ) {
        const mismatch = profileMismatch(model, model.profiles[profile], current);
        this.stayArc[c] = this.builder.addArc(
          c,
          this.entry(current, profile),
          unlimited,
          this.perPoint(mismatch, profile),
        );
      }
      const move = accountClass.hasManager ? policy.costs.move : 0;
      this.builder.addArc(c, this.profileNode(profile), unlimited, this.perPoint(move, profile));
      this.builder.addArc(c, this.sink, unlimited, this.perPoint(model.penalty, profile));
    });
    for (let m = 0; m < model.managerCount; m++) {
      if (model.room[m] > 0) this.builder.addArc(this.managerNode(m), this.sink, model.room[m], 0);
    }
    this.profileArcs = model.profiles.map(() => []);
  }

  profileNode(p: number): number {
    return this.classes.length + p;
  }

  managerNode(m: number): number {
    return this.classes.length + this.model.profiles.length + m;
  }

  /** Where profile `p`'s tier enters manager `m`: the manager, or the tier's capped node. */
  entry(m: number, p: number): number {
    const node = this.entries[this.model.profiles[p].tierIndex * this.model.managerCount + m];
    return node >= 0 ? node : this.managerNode(m);
  }

  /** A cost per account as a whole cost per point of profile `p`'s tier. */
  perPoint(cost: number, p: number): number {
    return (cost * this.scale) / this.model.policy.points[this.model.profiles[p].tier];
  }

  /** Arcs from profiles to managers; no more than the manager's room can ever use one. */
  addCandidates(pairs: readonly (readonly [number, number])[]): void {
    for (const [p, m] of pairs) {
      const cost = this.perPoint(profileMismatch(this.model, this.model.profiles[p], m), p);
      const arc = this.builder.addArc(
        this.profileNode(p),
        this.entry(m, p),
        this.model.room[m],
        cost,
      );
      this.profileArcs[p].push([m, arc]);
    }
  }

  /** Each class's points to send, and the sink's demand for all of them. */
  supply(): Float64Array {
    const excess = new Float64Array(this.builder.nodeCount);
    this.classes.forEach((accountClass, c) => {
      excess[c] = accountClass.accounts.length * pointsOf(this.model, accountClass);
      excess[this.sink] -= excess[c];
    });
    return excess;
  }

  /**
   * Classes that can stay with their manager first, heaviest tier first: they fill the
   * managers they belong to before anyone is pushed around, which keeps the later searches short.
   */
  sourceOrder(): Int32Array {
    const key = (c: number) => {
      const accountClass = this.classes[c];
      return (
        (accountClass.current >= 0 ? 0 : 10) + this.model.profiles[accountClass.profile].tierIndex
      );
    };
    const order = this.classes.map((_, c) => c);
    order.sort((a, b) => key(a) - key(b) || a - b);
    return Int32Array.from(order);
  }
}
