import type { EntityManager } from 'typeorm';

/** One key for the whole hierarchy: moves are rare, and they must not interleave. */
const HIERARCHY_LOCK_KEY = 0x6761_0001;

/**
 * Moving a subtree rewrites the paths of everything below it; an account added under a node
 * of that subtree at the same moment would keep a stale path. So adding under a parent holds
 * the lock shared (many at once) and a move holds it exclusively, until the transaction ends.
 */
export const HierarchyLock = {
  async share(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [HIERARCHY_LOCK_KEY]);
  },
  async exclusive(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [HIERARCHY_LOCK_KEY]);
  },
};
