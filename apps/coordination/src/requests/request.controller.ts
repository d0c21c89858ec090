import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gap/auth';
import type { Priority } from '@gap/coordination/domain';
import {
  ApiProblems,
  ETAG_HEADER,
  IfMatchVersion,
  pageOf,
  RestController,
  StateChange,
  WithEntityTag,
  type Page,
} from '@gap/rest';
import {
  AuditResource,
  CallbackBody,
  NoteBody,
  ReasonBody,
  RequestIdParams,
  RequestListQuery,
  RequestPage,
  RequestResource,
  SubmitBody,
  TaskParams,
  toAuditResource,
  toRequestResource,
  TriageBody,
} from './dto/request.resource.js';
import { RequestCommandsService } from './request-commands.service.js';
import { RequestQueriesService } from './request-queries.service.js';
import { SubmitRequestService } from './submit-request.service.js';

const op = (summary: string, operationId: string) => ApiOperation({ operationId, summary });
const answered = ApiOkResponse({ type: RequestResource, headers: ETAG_HEADER });

/**
 * `/api/v1/coordination/requests`: the same use cases and visibility as the graph. A request's
 * answer carries its `ETag`; a transition takes it back as `If-Match` (the version the use case
 * checks under its lock) and may carry an `Idempotency-Key`.
 */
@RestController('coordination/requests')
export class RequestController {
  constructor(
    private readonly queries: RequestQueriesService,
    private readonly commands: RequestCommandsService,
    private readonly submitting: SubmitRequestService,
  ) {}

  private async view(caller: Caller, id: string): Promise<RequestResource> {
    return toRequestResource(await this.queries.byId(caller, id, 'rest.getCoordinationRequest'));
  }

  @Get()
  @op('The requests the caller sees, a page at a time.', 'listCoordinationRequests')
  @ApiOkResponse({ type: RequestPage })
  async listCoordinationRequests(
    @CurrentCaller() caller: Caller,
    @Query() filter: RequestListQuery,
  ): Promise<Page<RequestResource>> {
    const { first, after, ...rest } = filter;
    const query = { ...rest, states: filter.state, types: filter.type };
    return pageOf(
      await this.queries.list(caller, query, { first, after }, 'rest.listCoordinationRequests'),
      toRequestResource,
    );
  }

  @Get(':id')
  @WithEntityTag()
  @op('One request, if the caller may see it.', 'getCoordinationRequest')
  @ApiOkResponse({ type: RequestResource, headers: ETAG_HEADER })
  @ApiProblems(404)
  getCoordinationRequest(@CurrentCaller() caller: Caller, @Param() p: RequestIdParams) {
    return this.view(caller, p.id);
  }

  @Get(':id/audit')
  @op("The request's audit trail, oldest first.", 'getCoordinationRequestAudit')
  @ApiOkResponse({ type: [AuditResource] })
  @ApiProblems(404)
  async getCoordinationRequestAudit(@CurrentCaller() caller: Caller, @Param() p: RequestIdParams) {
    return (await this.queries.audit(caller, p.id, 'rest.getCoordinationRequestAudit')).map(
      toAuditResource,
    );
  }

  @Post()
  @StateChange({ ifMatch: false })
  @op('Raises a request for an account.', 'submitCoordinationRequest')
  @ApiCreatedResponse({ type: RequestResource, headers: ETAG_HEADER })
  @ApiProblems(403, 404)
  async submitCoordinationRequest(@CurrentCaller() caller: Caller, @Body() body: SubmitBody) {
    return this.view(
      caller,
      await this.submitting.submit(caller, body, 'rest.submitCoordinationRequest'),
    );
  }

  @Post(':id/triage')
  @HttpCode(200)
  @StateChange({ ifMatch: true })
  @op('Routes it to a lead department and participants.', 'triageCoordinationRequest')
  @answered
  @ApiProblems(403, 404)
  async triageCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Param() p: RequestIdParams,
    @IfMatchVersion() version: number | null,
    @Body() b: TriageBody,
  ) {
    const input = { ...b, id: p.id, version, priority: (b.priority ?? null) as Priority | null };
    return toRequestResource(
      await this.commands.triage(caller, input, 'rest.triageCoordinationRequest'),
    );
  }

  @Post(':id/tasks/:taskId/accept')
  @HttpCode(200)
  @StateChange({ ifMatch: true })
  @op('The department takes its task.', 'acceptCoordinationTask')
  @answered
  @ApiProblems(403, 404)
  async acceptCoordinationTask(
    @CurrentCaller() caller: Caller,
    @Param() p: TaskParams,
    @IfMatchVersion() version: number | null,
  ) {
    return toRequestResource(
      await this.commands.acceptTask(caller, { ...p, version }, 'rest.acceptCoordinationTask'),
    );
  }

  @Post(':id/tasks/:taskId/complete')
  @HttpCode(200)
  @StateChange({ ifMatch: true })
  @op('The department did its task (with a note).', 'completeCoordinationTask')
  @answered
  @ApiProblems(403, 404)
  async completeCoordinationTask(
    @CurrentCaller() caller: Caller,
    @Param() p: TaskParams,
    @IfMatchVersion() version: number | null,
    @Body() b: NoteBody,
  ) {
    return toRequestResource(
      await this.commands.completeTask(
        caller,
        { ...b, ...p, version },
        'rest.completeCoordinationTask',
      ),
    );
  }

  @Post(':id/tasks/:taskId/decline')
  @HttpCode(200)
  @StateChange({ ifMatch: true })
  @op('The department declines its task (with a reason).', 'declineCoordinationTask')
  @answered
  @ApiProblems(403, 404)
  async declineCoordinationTask(
    @CurrentCaller() caller: Caller,
    @Param() p: TaskParams,
    @IfMatchVersion() version: number | null,
    @Body() b: ReasonBody,
  ) {
    return toRequestResource(
      await this.commands.declineTask(
        caller,
        { ...b, ...p, version },
        'rest.declineCoordinationTask',
      ),
    );
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @StateChange({ ifMatch: true })
  @op('Resolved: every task finished, one done.', 'resolveCoordinationRequest')
  @answered
  @ApiProblems(403, 404)
  async resolveCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Param() p: RequestIdParams,
    @IfMatchVersion() version: number | null,
  ) {
    return toRequestResource(
      await this.commands.resolve(caller, { ...p, version }, 'rest.resolveCoordinationRequest'),
    );
  }

  @Post(':id/callback')
  @HttpCode(200)
  @StateChange({ ifMatch: true })
  @op("Records a complaint's callback; a dissatisfied one reopens it.", 'recordComplaintCallback')
  @answered
  @ApiProblems(403, 404)
  async recordComplaintCallback(
    @CurrentCaller() caller: Caller,
    @Param() p: RequestIdParams,
    @IfMatchVersion() version: number | null,
    @Body() callback: CallbackBody,
  ) {
    const target = { id: p.id, version, callback };
    return toRequestResource(
      await this.commands.recordCallback(caller, target, 'rest.recordComplaintCallback'),
    );
  }

  @Post(':id/close')
  @HttpCode(200)
  @StateChange({ ifMatch: true })
  @op('Closes a confirmed request.', 'closeCoordinationRequest')
  @answered
  @ApiProblems(403, 404)
  async closeCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Param() p: RequestIdParams,
    @IfMatchVersion() version: number | null,
  ) {
    return toRequestResource(
      await this.commands.close(caller, { ...p, version }, 'rest.closeCoordinationRequest'),
    );
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @StateChange({ ifMatch: true })
  @op('Reopens it within the window.', 'reopenCoordinationRequest')
  @answered
  @ApiProblems(403, 404)
  async reopenCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Param() p: RequestIdParams,
    @IfMatchVersion() version: number | null,
    @Body() b: ReasonBody,
  ) {
    return toRequestResource(
      await this.commands.reopen(caller, { ...b, ...p, version }, 'rest.reopenCoordinationRequest'),
    );
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @StateChange({ ifMatch: true })
  @op('Withdraws it (with a reason).', 'cancelCoordinationRequest')
  @answered
  @ApiProblems(403, 404)
  async cancelCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Param() p: RequestIdParams,
    @IfMatchVersion() version: number | null,
    @Body() b: ReasonBody,
  ) {
    return toRequestResource(
      await this.commands.cancel(caller, { ...b, ...p, version }, 'rest.cancelCoordinationRequest'),
    );
  }
}
