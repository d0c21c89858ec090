import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import {
  COORDINATION_PERMISSIONS,
  type CoordinationOperation,
  type Task,
  type TaskState,
} from '@gap/coordination/domain';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import { RequestViewers } from '../requests/request-viewer.js';
import { requestView, type RequestView } from '../requests/request.view.js';
import { SlaContextReader } from '../requests/sla-context.js';
import { QueueErrors } from './queue.errors.js';
import { QueueRepository, type QueuedRequest } from './queue.repository.js';

export interface PageArgs {
  readonly first: number;
  readonly after?: string | null;
}

export interface DepartmentTask {
  readonly task: Task;
  readonly request: RequestView;
}

/** Tasks still to be taken or finished: the default of a department's queue. */
export const PENDING_TASK_STATES: readonly TaskState[] = ['OPEN', 'ACCEPTED'];

const HOUR_MS = 3_600_000;

/**
 * The work queues of the coordination team and the departments: a department's tasks, the
 * requests breaching soon, the requests nobody has taken. Each within the one visibility rule,
 * soonest due first, a page at a time.
 */
@Injectable()
export class QueueService {
  constructor(
    private readonly queues: QueueRepository,
    private readonly viewers: RequestViewers,
    private readonly sla: SlaContextReader,
  ) {}

  /**
   * Department staff get their departments' tasks (narrowed to `departmentId` if given); the
   * coordination team and admins any department's, or every department's.
   */
  async departmentTasks(
    caller: Caller,
    query: { departmentId?: string | null; states?: readonly TaskState[] | null },
    page: PageArgs,
    op: CoordinationOperation = 'rest.listDepartmentTasks',
    now: Date = new Date(),
  ): Promise<Connection<DepartmentTask>> {
    authorize(COORDINATION_PERMISSIONS, op, caller);
    const viewer = await this.viewers.of(caller);
    const wanted = query.departmentId;
    const departments = viewer.all
      ? wanted
        ? [wanted]
        : null
      : viewer.departmentIds.filter((id) => !wanted || id === wanted);
    if (departments?.length === 0) return toConnection([], page.first, () => []);
    const states = query.states?.length ? query.states : PENDING_TASK_STATES;
    const after = page.after ? decodeCursor(page.after) : null;
    const rows = await this.queues.departmentTasks(
      viewer,
      departments,
      states,
      page.first + 1,
      after,
    );
    const calendar = await this.sla.calendar();
    const items = rows.map(({ request, task }) => ({
      task,
      request: requestView(request, now, calendar),
      position: [request.dueKey, request.id, task.id],
    }));
    return withoutPositions(toConnection(items, page.first, (item) => item.position));
  }

  /** Open requests whose running clock breaches within `withinHours` (team: all; heads: theirs). */
  async breaching(
    caller: Caller,
    withinHours: number,
    page: PageArgs,
    op: CoordinationOperation = 'rest.listBreachingRequests',
    now: Date = new Date(),
  ): Promise<Connection<RequestView>> {
    authorize(COORDINATION_PERMISSIONS, op, caller);
    const viewer = await this.viewers.of(caller);
    const headed = viewer.all ? null : await this.queues.departmentsHeadedBy(caller.subject);
    if (headed?.length === 0) throw QueueErrors.headsOnly();
    const window = { from: now, until: new Date(now.getTime() + withinHours * HOUR_MS) };
    const after = page.after ? decodeCursor(page.after) : null;
    const rows = await this.queues.breaching(viewer, headed, window, page.first + 1, after);
    return this.page(rows, page.first, now);
  }

  /** Submitted requests not triaged yet, and requests with a task no department accepted. */
  async unassigned(
    caller: Caller,
    page: PageArgs,
    op: CoordinationOperation = 'rest.listUnassignedRequests',
    now: Date = new Date(),
  ): Promise<Connection<RequestView>> {
    authorize(COORDINATION_PERMISSIONS, op, caller);
    const viewer = await this.viewers.of(caller);
    const after = page.after ? decodeCursor(page.after) : null;
    return this.page(await this.queues.unassigned(viewer, page.first + 1, after), page.first, now);
  }

  private async page(rows: QueuedRequest[], first: number, now: Date) {
    const calendar = await this.sla.calendar();
    const items = rows.map((row) => ({
      view: requestView(row, now, calendar),
      position: [row.dueKey, row.id],
    }));
    const connection = toConnection(items, first, (item) => item.position);
    return {
      pageInfo: connection.pageInfo,
      edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.view })),
    };
  }
}

function withoutPositions(
  connection: Connection<DepartmentTask & { position: unknown }>,
): Connection<DepartmentTask> {
  return {
    pageInfo: connection.pageInfo,
    edges: connection.edges.map(({ cursor, node: { task, request } }) => ({
      cursor,
      node: { task, request },
    })),
  };
}
