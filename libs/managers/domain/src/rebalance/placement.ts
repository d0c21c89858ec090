import { accountCost, mayTake, type RebalanceModel } from './model.js';

/**
 * Who has which account while the plan is rounded and improved: each account's manager (-1:
 * none), each manager's remaining room and accounts, and the plan's total. Every change goes
 * through `assign` and `release`, which keep them in step and never let a manager's room go
 * below zero. Changes since `mark()` can be taken back with `undo()`, to try a change and see.
 */
export class Placement {
  readonly managerOf: Int32Array;
  readonly room: Float64Array;
  /** The plan's objective as it stands: Σ cost of every account (penalty when unassigned). */
  total: number;
  private readonly members: number[][];
  private readonly slot: Int32Array;
  /** Each change since `mark()`: the account and the manager it had before. */
  private journal: number[] | null = null;

  constructor(readonly model: RebalanceModel) {
    this.managerOf = new Int32Array(model.accounts.length).fill(-1);
    this.room = Float64Array.from(model.room);
    this.members = Array.from({ length: model.managerCount }, () => []);
    this.slot = new Int32Array(model.accounts.length).fill(-1);
    this.total = model.penalty * model.accounts.length;
  }

  /** Starts recording changes, so that `undo` can take them back. */
  mark(): void {
    this.journal = [];
  }

  /** Takes back every change since `mark()`, latest first, and stops recording. */
  undo(): void {
    const journal = this.journal;
    this.journal = null;
    if (!journal) return;
    for (let i = journal.length - 2; i >= 0; i -= 2) {
      const a = journal[i];
      const before = journal[i + 1];
      this.release(a);
      if (before >= 0) this.assign(a, before);
    }
  }

  /** Stops recording and keeps the changes. */
  keep(): void {
    this.journal = null;
  }

  /** The accounts manager `m` has been given (not its fixed load). Do not change the array. */
  accountsOf(m: number): readonly number[] {
    return this.members[m];
  }

  /** Whether account `a` could go to manager `m` now (allowed, and room for it). */
  fits(a: number, m: number): boolean {
    return mayTake(this.model, a, m) && this.room[m] >= this.model.points[a];
  }

  /** What account `a` costs where it is now (the penalty when unassigned). */
  costOf(a: number): number {
    return accountCost(this.model, a, this.managerOf[a]);
  }

  assign(a: number, m: number): void {
    const before = this.managerOf[a];
    if (before >= 0) this.release(a);
    if (!this.fits(a, m)) throw new RangeError(`manager ${m} cannot take account ${a}`);
    // A release just above has been recorded already.
    if (before < 0) this.journal?.push(a, -1);
    this.total += accountCost(this.model, a, m) - this.model.penalty;
    this.managerOf[a] = m;
    this.room[m] -= this.model.points[a];
    this.slot[a] = this.members[m].length;
    this.members[m].push(a);
  }

  release(a: number): void {
    const m = this.managerOf[a];
    if (m < 0) return;
    this.journal?.push(a, m);
    this.total += this.model.penalty - accountCost(this.model, a, m);
    const list = this.members[m];
    const last = list.pop()!;
    if (last !== a) {
      list[this.slot[a]] = last;
      this.slot[last] = this.slot[a];
    }
    this.slot[a] = -1;
    this.managerOf[a] = -1;
    this.room[m] += this.model.points[a];
  }
}
