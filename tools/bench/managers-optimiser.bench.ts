/**
 * The bulk-rebalance optimiser alone (no database): ADR 7's figures.
 *
 * 1. Generates a book of 100,000 accounts and 2,000 managers (seeded: the same every run) and
 *    plans its rebalance: time, network size, total against the lower bound, moves, unassigned,
 *    load spread, peak memory.
 * 2. Plans 50 generated problems small enough to solve exactly (up to 12 accounts, 5 managers,
 *    tight room) and reports the worst and mean gap of the plan to the optimum.
 *
 * BENCH_ACCOUNTS and BENCH_MANAGERS set the size, BENCH_SEED the seed, BENCH_SLACK the room the
 * active managers have above the accounts' points (0.2; try 0.05, or -0.1 for a shortage),
 * BENCH_SMALL the number of small problems.
 *
 *   node --import @swc-node/register/esm-register tools/bench/managers-optimiser.bench.ts
 */
import {
  mayReceive,
  planRebalance,
  roomFor,
  solveExactly,
  type RebalanceProblem,
} from '@gap/managers/domain';
import { generateRebalanceProblem } from '@gap/managers/testing';

const ACCOUNTS = Number(process.env['BENCH_ACCOUNTS'] ?? 100_000);
const MANAGERS = Number(process.env['BENCH_MANAGERS'] ?? 2_000);
const SEED = Number(process.env['BENCH_SEED'] ?? 1);
const SLACK = Number(process.env['BENCH_SLACK'] ?? 0.2);
const SMALL = Number(process.env['BENCH_SMALL'] ?? 50);

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const count = (n: number) => n.toLocaleString('en-US');
const percent = (share: number, digits = 2) => `${(share * 100).toFixed(digits)} %`;

function seconds<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, (performance.now() - started) / 1000];
}

/** Why each move happens: the current manager may not keep it, it had none, or by choice. */
function moveCauses(problem: RebalanceProblem, moved: readonly string[]) {
  const accounts = new Map(problem.accounts.map((a) => [a.id, a]));
  const managers = new Map(problem.managers.map((m) => [m.id, m]));
  const causes = { forced: 0, firstOwner: 0, chosen: 0 };
  for (const id of moved) {
    const account = accounts.get(id);
    if (!account) continue;
    const current = account.currentManagerId ? managers.get(account.currentManagerId) : undefined;
    if (account.currentManagerId === null) causes.firstOwner++;
    else if (!current || !mayReceive(current, account.tier, problem.policy)) causes.forced++;
    else causes.chosen++;
  }
  return causes;
}

function bookRebalance(): void {
  say(`## ${count(ACCOUNTS)} accounts, ${count(MANAGERS)} managers (seed ${SEED}, slack ${SLACK})`);
  const [problem, generating] = seconds(() =>
    generateRebalanceProblem({ accounts: ACCOUNTS, managers: MANAGERS, seed: SEED, slack: SLACK }),
  );
  const { policy } = problem;
  const points = problem.accounts.reduce((sum, a) => sum + policy.points[a.tier], 0);
  const room = problem.managers
    .filter((m) => m.status === 'ACTIVE')
    .reduce((sum, m) => sum + roomFor(m, policy), 0);
  say(
    `generated in ${generating.toFixed(1)} s: ${count(points)} points, active room ${count(room)} (${(room / points).toFixed(3)} ×)`,
  );

  const [plan, planning] = seconds(() => planRebalance(problem));
  const { stats } = plan;
  const gap = (plan.totalCost - plan.lowerBound) / Math.max(1, plan.lowerBound);
  const causes = moveCauses(
    problem,
    plan.moves.map((m) => m.accountId),
  );
  say(
    `planned in ${planning.toFixed(2)} s (prepare ${stats.ms.prepare} ms, solve ${stats.ms.solve} ms, round ${stats.ms.round} ms, improve ${stats.ms.improve} ms)`,
  );
  say(
    `network: ${count(stats.classes)} classes, ${count(stats.profiles)} profiles, ${count(stats.arcs)} arcs (${count(stats.pricedArcs)} priced in), ${stats.solves} solve(s)`,
  );
  say(
    `solver: ${count(stats.searches)} searches, ${count(stats.augmentations)} augmentations, ${count(stats.settledNodes)} nodes settled`,
  );
  say(
    `total cost ${count(plan.totalCost)}, lower bound ${count(Math.round(plan.lowerBound * 100) / 100)}, gap ${percent(gap, 3)} (reduced LP ${count(stats.reducedLpCost)})`,
  );
  say(
    `moves ${count(plan.moves.length)} (${count(causes.forced)} forced: inactive, outgrown or unknown manager; ${count(causes.firstOwner)} first owners; ${count(causes.chosen)} off an overloaded manager or to a better fit), unassigned ${count(plan.unassigned.length)}`,
  );
  say(
    `rounded one by one ${count(stats.roundedAccounts)}, improvements ${count(stats.improvements)}`,
  );
  const share = plan.loadShare;
  say(
    `load spread (max/min points after, active managers carrying any) ${plan.loadSpread?.toFixed(2) ?? '-'}; load share after/maxLoad min ${share ? percent(share.min, 1) : '-'}, mean ${share ? percent(share.mean, 1) : '-'}, max ${share ? percent(share.max, 1) : '-'}`,
  );
  const over = plan.loads.filter((l) => l.after > l.maxLoad).length;
  const overBefore = plan.loads.filter((l) => l.before > l.maxLoad).length;
  say(`managers over their limit: ${count(overBefore)} before, ${count(over)} after`);
  say(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

function smallProblems(): void {
  say();
  say(`## ${SMALL} problems small enough to solve exactly`);
  let worst = 0;
  let sum = 0;
  let optimal = 0;
  let boundAbove = 0;
  const started = performance.now();
  for (let i = 0; i < SMALL; i++) {
    const problem = generateRebalanceProblem({
      accounts: 4 + (i % 9),
      managers: 2 + (i % 4),
      seed: 1_000 + i,
      provinces: ['35'],
      citiesPerProvince: 2,
      districtsPerCity: 2,
      tierShares: { A: 0.25, B: 0.3, C: 0.45 },
      slack: [0, 0.1, 0.2][i % 3],
      overloadedShare: 0.3,
      inactiveShare: 0.1,
    });
    const plan = planRebalance(problem);
    const exact = solveExactly(problem);
    const gap = (plan.totalCost - exact.totalCost) / Math.max(1, exact.totalCost);
    if (plan.totalCost < exact.totalCost) throw new Error(`plan ${i} beats the optimum: a bug`);
    if (plan.lowerBound > exact.totalCost + 1e-9) boundAbove++;
    worst = Math.max(worst, gap);
    sum += gap;
    if (gap === 0) optimal++;
  }
  say(
    `gap to the exact optimum: worst ${percent(worst, 3)}, mean ${percent(sum / SMALL, 4)}; ${optimal} of ${SMALL} optimal; lower bound above the optimum: ${boundAbove}`,
  );
  say(`in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

bookRebalance();
smallProblems();
