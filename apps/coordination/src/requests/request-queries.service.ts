import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import {
  COORDINATION_PERMISSIONS,
  OPEN_REQUEST_STATES,
  type BreachState,
  type CoordinationOperation,
} from '@gap/coordination/domain';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import { RequestErrors } from './request.errors.js';
import { requestView, type RequestView } from './request.view.js';
import {
  RequestReadsRepository,
  type AuditRow,
  type ListedRequest,
  type RequestFilter,
  type RequestOrder,
} from './request-reads.repository.js';
import { RequestViewers } from './request-viewer.js';
import { SlaContextReader } from './sla-context.js';

export interface RequestListQuery extends RequestFilter {
  readonly breachState?: BreachState | null;
  readonly orderBy?: RequestOrder | null;
}

const BATCH = 200;

function position(order: RequestOrder, row: ListedRequest): (string | number)[] {
  return order === 'DUE'
    ? [row.dueAt ? row.dueAt.toISOString() : 'infinity', row.id]
    : [row.createdAt.toISOString(), row.id];
}

/** Reading requests: one, a page of them, an account's open ones, the audit trail. */
@Injectable()
export class RequestQueriesService {
  constructor(
    private readonly reads: RequestReadsRepository,
    private readonly viewers: RequestViewers,
    private readonly sla: SlaContextReader,
  ) {}

  async byId(
    caller: Caller,
    id: string,
    op: CoordinationOperation = 'coordinationRequest',
    now: Date = new Date(),
  ): Promise<RequestView> {
    authorize(COORDINATION_PERMISSIONS, op, caller);
    const stored = await this.reads.byId(await this.viewers.of(caller), id);
    if (!stored) throw RequestErrors.notFound(id);
    return requestView(stored, now, await this.sla.calendar());
  }

  /**
   * A page of the requests the caller sees. The breach state is computed at read time, so a
   * filter on it reads on in batches until the page is full.
   */
  async list(
    caller: Caller,
    query: RequestListQuery,
    page: { first: number; after?: string | null },
    op: CoordinationOperation = 'coordinationRequests',
    now: Date = new Date(),
  ): Promise<Connection<RequestView>> {
    authorize(COORDINATION_PERMISSIONS, op, caller);
    const viewer = await this.viewers.of(caller);
    const calendar = await this.sla.calendar();
    const order = query.orderBy ?? 'CREATED';
    let after = page.after ? decodeCursor(page.after) : null;
    const found: { row: ListedRequest; view: RequestView }[] = [];
    for (;;) {
      const limit = query.breachState ? BATCH : page.first + 1;
      const rows = await this.reads.list(viewer, query, order, limit, after);
      for (const row of rows) {
        const view = requestView(row, now, calendar);
        if (!query.breachState || view.breachState === query.breachState) found.push({ row, view });
        if (found.length > page.first) break;
      }
      const last = rows.at(-1);
      if (found.length > page.first || rows.length < limit || !last) break;
      after = position(order, last);
    }
    const connection = toConnection(found, page.first, ({ row }) => position(order, row));
    return {
      pageInfo: connection.pageInfo,
      edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.view })),
    };
  }

  /** The open requests of an account the caller sees, most urgent first. */
  async openOf(
    caller: Caller,
    accountId: string,
    op: CoordinationOperation = 'GroupAccount.coordinationRequests',
  ): Promise<RequestView[]> {
    const page = await this.list(
      caller,
      { accountId, states: OPEN_REQUEST_STATES, orderBy: 'DUE' },
      { first: 100 },
      op,
    );
    return page.edges.map((edge) => edge.node);
  }

  async audit(
    caller: Caller,
    id: string,
    op: CoordinationOperation = 'coordinationRequestAudit',
  ): Promise<AuditRow[]> {
    authorize(COORDINATION_PERMISSIONS, op, caller);
    const viewer = await this.viewers.of(caller);
    if (!(await this.reads.byId(viewer, id))) throw RequestErrors.notFound(id);
    return this.reads.audit(id);
  }
}
