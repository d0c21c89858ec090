import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gap/auth';
import { ApiProblems, PageQuery, pageOf, RestController, type Page } from '@gap/rest';
import {
  RequestPage,
  toRequestResource,
  type RequestResource,
} from '../requests/dto/request.resource.js';
import {
  BreachingQuery,
  DepartmentTaskPage,
  DepartmentTasksQuery,
  toDepartmentTaskResource,
  type DepartmentTaskResource,
} from './dto/queue.resource.js';
import { QueueService } from './queue.service.js';

const op = (summary: string, operationId: string) => ApiOperation({ operationId, summary });

/** `/api/v1/coordination/queues`: the work to pick up, soonest due first, a page at a time. */
@RestController('coordination/queues')
export class QueueController {
  constructor(private readonly queues: QueueService) {}

  @Get('department-tasks')
  @op("The tasks of the caller's departments, by state.", 'listDepartmentTasks')
  @ApiOkResponse({ type: DepartmentTaskPage })
  @ApiProblems(403)
  async listDepartmentTasks(
    @CurrentCaller() caller: Caller,
    @Query() q: DepartmentTasksQuery,
  ): Promise<Page<DepartmentTaskResource>> {
    const { first, after, departmentId, state } = q;
    return pageOf(
      await this.queues.departmentTasks(caller, { departmentId, states: state }, { first, after }),
      toDepartmentTaskResource,
    );
  }

  @Get('breaching')
  @op('Open requests whose SLA clock breaches within the hours asked.', 'listBreachingRequests')
  @ApiOkResponse({ type: RequestPage })
  @ApiProblems(403)
  async listBreachingRequests(
    @CurrentCaller() caller: Caller,
    @Query() q: BreachingQuery,
  ): Promise<Page<RequestResource>> {
    const { first, after, withinHours } = q;
    return pageOf(
      await this.queues.breaching(caller, withinHours, { first, after }),
      toRequestResource,
    );
  }

  @Get('unassigned')
  @op(
    'Requests not triaged yet, and those with a task no department accepted.',
    'listUnassignedRequests',
  )
  @ApiOkResponse({ type: RequestPage })
  @ApiProblems(403)
  async listUnassignedRequests(
    @CurrentCaller() caller: Caller,
    @Query() q: PageQuery,
  ): Promise<Page<RequestResource>> {
    return pageOf(await this.queues.unassigned(caller, q), toRequestResource);
  }
}
