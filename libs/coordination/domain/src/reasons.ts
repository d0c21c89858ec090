import type { Figures, ReasonCatalog } from '@gap/i18n';
import type { RequestRefusalCode } from './request/request-commands.js';
import type { ClockRefusalCode } from './sla/sla-clock.js';
import type { SlaPolicyProblemCode } from './sla/sla-policy.js';

export type CoordinationReasonCode = RequestRefusalCode | ClockRefusalCode | SlaPolicyProblemCode;

const t = (f: Figures, key: string) => String(f[key] ?? '');

/** How every refusal and policy problem of the coordination domain reads, in zh-CN and en. */
export const COORDINATION_REASONS: ReasonCatalog<CoordinationReasonCode> = {
  REQUEST_COORDINATOR_ONLY: {
    'zh-CN': (f) => `只有资源协调小组成员可以执行“${t(f, 'command')}”。`,
    en: (f) => `Only the coordination team may ${t(f, 'command')} a request.`,
  },
  REQUEST_REQUESTER_OR_COORDINATOR_ONLY: {
    'zh-CN': (f) => `只有提出人或资源协调小组可以执行“${t(f, 'command')}”。`,
    en: (f) =>
      `Only whoever raised the request or the coordination team may ${t(f, 'command')} it.`,
  },
  REQUEST_LEAD_OR_COORDINATOR_ONLY: {
    'zh-CN': (f) => `只有牵头部门或资源协调小组可以执行“${t(f, 'command')}”。`,
    en: (f) => `Only the lead department or the coordination team may ${t(f, 'command')} it.`,
  },
  REQUEST_WRONG_STATE: {
    'zh-CN': (f) => `请求处于 ${t(f, 'state')} 状态，不能执行“${t(f, 'command')}”。`,
    en: (f) => `A request in state ${t(f, 'state')} cannot take ${t(f, 'command')}.`,
  },
  REQUEST_ALREADY_TRIAGED: {
    'zh-CN': () => '该请求已分派，不能重复分派。',
    en: () => 'The request has already been triaged.',
  },
  REQUEST_UNKNOWN_DEPARTMENT: {
    'zh-CN': (f) => `部门 ${t(f, 'departmentId')} 不存在。`,
    en: (f) => `There is no department ${t(f, 'departmentId')}.`,
  },
  REQUEST_DEPARTMENT_ALREADY_WORKING: {
    'zh-CN': (f) => `部门 ${t(f, 'departmentId')} 已有未完成的任务。`,
    en: (f) => `Department ${t(f, 'departmentId')} already has an unfinished task on it.`,
  },
  REQUEST_REASON_REQUIRED: {
    'zh-CN': () => '请说明原因（至少两个汉字或六个字母）。',
    en: () => 'Give a reason (at least two Chinese characters or six letters).',
  },
  REQUEST_TASK_NOT_FOUND: {
    'zh-CN': (f) => `该请求没有任务 ${t(f, 'taskId')}。`,
    en: (f) => `The request has no task ${t(f, 'taskId')}.`,
  },
  REQUEST_TASKS_OPEN: {
    'zh-CN': (f) => `还有 ${t(f, 'openTasks')} 个任务未完成，不能办结。`,
    en: (f) => `${t(f, 'openTasks')} task(s) are still open: the request cannot be resolved.`,
  },
  REQUEST_NO_TASK_DONE: {
    'zh-CN': () => '没有任何部门完成任务，不能办结；请重新分派。',
    en: () => 'No department has completed a task: assign the work again before resolving.',
  },
  REQUEST_ALREADY_WAITING: {
    'zh-CN': () => '该请求已在等待客户回复。',
    en: () => 'The request is already waiting for the customer.',
  },
  REQUEST_NOT_WAITING: {
    'zh-CN': () => '该请求并未等待客户回复。',
    en: () => 'The request is not waiting for the customer.',
  },
  REQUEST_REOPEN_WINDOW_PASSED: {
    'zh-CN': (f) => `重开期限已于 ${t(f, 'windowEnds')} 结束，请提交新请求。`,
    en: (f) => `The reopening window ended at ${t(f, 'windowEnds')}: raise a new request.`,
  },
  REQUEST_NOT_A_COMPLAINT: {
    'zh-CN': () => '只有投诉需要登记回访。',
    en: () => 'Only complaints take a callback.',
  },
  COMPLAINT_CONFIRMED_BY_CALLBACK: {
    'zh-CN': () => '投诉须通过回访由客户确认。',
    en: () => 'A complaint is confirmed by the customer in a callback.',
  },
  COMPLAINT_CALLBACK_REQUIRED: {
    'zh-CN': () => '投诉须在办结后回访客户且客户满意，方可关闭。',
    en: () => 'A complaint closes only after a callback in which the customer is satisfied.',
  },
  TASK_NOT_OF_YOUR_DEPARTMENT: {
    'zh-CN': (f) => `任务属于部门 ${t(f, 'departmentId')}，您不是该部门人员。`,
    en: (f) => `The task belongs to department ${t(f, 'departmentId')}, which you are not in.`,
  },
  TASK_NOT_OPEN: {
    'zh-CN': () => '任务已被受理。',
    en: () => 'The task has already been accepted.',
  },
  TASK_NOT_ACCEPTED: {
    'zh-CN': () => '请先受理任务再完成。',
    en: () => 'Accept the task before completing it.',
  },
  TASK_FINISHED: {
    'zh-CN': (f) => `任务已结束（${t(f, 'state')}）。`,
    en: (f) => `The task is finished (${t(f, 'state')}).`,
  },
  TASK_NOTE_REQUIRED: {
    'zh-CN': () => '完成任务时请填写处理说明。',
    en: () => 'Say what was done when completing the task.',
  },
  TASK_DECLINE_REASON_REQUIRED: {
    'zh-CN': () => '退回任务请说明原因。',
    en: () => 'Give a reason for declining the task.',
  },
  CALLBACK_CALLER_REQUIRED: {
    'zh-CN': () => '请填写回访人。',
    en: () => 'Say who made the callback.',
  },
  CALLBACK_BEFORE_RESOLUTION: {
    'zh-CN': (f) => `回访时间 ${t(f, 'calledAt')} 早于办结时间 ${t(f, 'resolvedAt')}。`,
    en: (f) =>
      `The callback (${t(f, 'calledAt')}) is before the resolution (${t(f, 'resolvedAt')}).`,
  },
  CALLBACK_IN_FUTURE: {
    'zh-CN': (f) => `回访时间 ${t(f, 'calledAt')} 晚于当前时间。`,
    en: (f) => `The callback time ${t(f, 'calledAt')} is in the future.`,
  },
  CALLBACK_SATISFACTION_OUT_OF_RANGE: {
    'zh-CN': (f) => `满意度须为 1 到 5 的整数，收到 ${t(f, 'value')}。`,
    en: (f) => `Satisfaction must be a whole number from 1 to 5, got ${t(f, 'value')}.`,
  },
  CLOCK_ALREADY_PAUSED: {
    'zh-CN': () => '计时已暂停。',
    en: () => 'The clock is already paused.',
  },
  CLOCK_NOT_PAUSED: {
    'zh-CN': () => '计时未暂停。',
    en: () => 'The clock is not paused.',
  },
  CLOCK_STOPPED: {
    'zh-CN': () => '计时已停止。',
    en: () => 'The clock has stopped.',
  },
  CLOCK_NOT_STOPPED: {
    'zh-CN': () => '计时仍在进行。',
    en: () => 'The clock is still running.',
  },
  CLOCK_TIME_BEFORE_LAST_EVENT: {
    'zh-CN': (f) => `时间 ${t(f, 'at')} 早于计时的上一次变化。`,
    en: (f) => `${t(f, 'at')} is before the clock's last change.`,
  },
  POLICY_VERSION_MISSING: {
    'zh-CN': () => '策略须有版本号。',
    en: () => 'The policy needs a version.',
  },
  POLICY_TARGET_NOT_POSITIVE: {
    'zh-CN': (f) => `${t(f, 'field')} 须为正数（工作分钟），收到 ${t(f, 'value')}。`,
    en: (f) =>
      `${t(f, 'field')} must be a positive number of business minutes, got ${t(f, 'value')}.`,
  },
  POLICY_FACTOR_NOT_POSITIVE: {
    'zh-CN': (f) => `${t(f, 'field')} 须为正数，收到 ${t(f, 'value')}。`,
    en: (f) => `${t(f, 'field')} must be positive, got ${t(f, 'value')}.`,
  },
  POLICY_WARNING_SHARE_OUT_OF_RANGE: {
    'zh-CN': (f) => `预警比例须在 0 与 1 之间，收到 ${t(f, 'value')}。`,
    en: (f) => `The warning share must be between 0 and 1, got ${t(f, 'value')}.`,
  },
  POLICY_ESCALATION_NOT_ASCENDING: {
    'zh-CN': (f) => `${t(f, 'field')} 须不小于上一级（且不为负），收到 ${t(f, 'value')}。`,
    en: (f) =>
      `${t(f, 'field')} must be ≥ 0 and not before the previous level, got ${t(f, 'value')}.`,
  },
  POLICY_REOPEN_WINDOW_NEGATIVE: {
    'zh-CN': (f) => `重开期限不能为负，收到 ${t(f, 'value')}。`,
    en: (f) => `The reopening window cannot be negative, got ${t(f, 'value')}.`,
  },
};
