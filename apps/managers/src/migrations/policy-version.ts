import type { QueryRunner } from 'typeorm';

/**
 * The version a migration gives the manager policy it derives from the current one: the next
 * number after `m<n>`, else the current version with `suffix`, else that with a number, the
 * first one not taken (an admin may have made any of them).
 */
export async function freePolicyVersion(
  runner: QueryRunner,
  current: string,
  suffix: string,
): Promise<string> {
  const numbered = /^m(\d+)$/.exec(current);
  const candidates = [
    ...(numbered ? [`m${Number(numbered[1]) + 1}`] : []),
    `${current.slice(0, 36)}-${suffix}`,
    `${current.slice(0, 34)}-${suffix}${Date.now() % 100}`,
  ];
  for (const candidate of candidates) {
    const taken = (await runner.query('SELECT 1 FROM managers.manager_policy WHERE version = $1', [
      candidate,
    ])) as unknown[];
    if (taken.length === 0) return candidate;
  }
  throw new Error(`No free manager policy version after ${current}.`);
}
