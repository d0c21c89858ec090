import { Injectable } from '@nestjs/common';
import { ManagerBook, type ManagerPolicy } from '@gap/managers/domain';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { AssignmentRepository, type ManagerWithLoad, type Tx } from './assignment.repository.js';

/** The book as one transaction uses it. */
export interface OpenBook {
  readonly book: ManagerBook;
  readonly policy: ManagerPolicy;
  manager(id: string): ManagerWithLoad | undefined;
  /** Says the transaction changed loads, and the book with it. */
  changed(): void;
}

interface Cached {
  token: string;
  readonly policy: ManagerPolicy;
  readonly book: ManagerBook;
  readonly rows: ReadonlyMap<string, ManagerWithLoad>;
}

/**
 * Every manager's load, and the policy, kept in memory from one placement to the next. A
 * transaction opens the book under the capacity lock and the load token: if the token still
 * names the transaction that last wrote the cached book, nobody has changed a load or the
 * policy since and the book is used as it is; otherwise it is read again (one aggregate over
 * the whole book). A use case that changes
 * loads through the book says so (`changed`); one that fails throws the book away, since its
 * transaction, or its savepoint, is rolled back.
 */
@Injectable()
export class PlacementBookService {
  private cached: Cached | null = null;
  /** The book each transaction has open: the locks are held until it ends. */
  private readonly opened = new WeakMap<Tx, { readonly from: Cached; readonly open: OpenBook }>();

  constructor(
    private readonly repository: AssignmentRepository,
    private readonly policies: ManagerPolicyService,
  ) {}

  async open(tx: Tx): Promise<OpenBook> {
    const already = this.opened.get(tx);
    if (already && already.from === this.cached) return already.open;
    const { token, txid } = await this.repository.lockCapacityAndLoadToken(tx);
    let cached = this.cached;
    if (!cached || cached.token !== token) {
      this.cached = null;
      const policy = await this.policies.current(tx);
      const managers = await this.repository.managers(tx, policy);
      cached = {
        token,
        policy,
        book: new ManagerBook(managers, policy),
        rows: new Map(managers.map((m) => [m.id, m])),
      };
      this.cached = cached;
    }
    const from = cached;
    const open: OpenBook = {
      book: from.book,
      policy: from.policy,
      manager: (id) => from.rows.get(id),
      changed: () => {
        from.token = txid;
      },
    };
    this.opened.set(tx, { from, open });
    return open;
  }

  /** Runs `work` on the open book; a failure leaves no book behind. */
  async within<T>(tx: Tx, work: (open: OpenBook) => Promise<T>): Promise<T> {
    const open = await this.open(tx);
    try {
      return await work(open);
    } catch (error) {
      this.cached = null;
      throw error;
    }
  }

  /** Forgets the book: the next transaction reads it again. */
  forget(): void {
    this.cached = null;
  }
}
