import { isReasonLongEnough, reason, type Reason } from '@gap/i18n';
import type { Actor, Task } from './request-model.js';

export type TaskAction =
  | { readonly kind: 'ACCEPT' }
  | { readonly kind: 'COMPLETE'; readonly note: string }
  | { readonly kind: 'DECLINE'; readonly reason: string };

export type TaskRefusalCode =
  | 'TASK_NOT_OF_YOUR_DEPARTMENT'
  | 'TASK_NOT_OPEN'
  | 'TASK_NOT_ACCEPTED'
  | 'TASK_FINISHED'
  | 'TASK_NOTE_REQUIRED'
  | 'TASK_DECLINE_REASON_REQUIRED';

export type TaskResult =
  | { readonly ok: true; readonly task: Task }
  | { readonly ok: false; readonly refusal: Reason<TaskRefusalCode> };

/** Only staff of the task's department act on it: the coordination team routes, it does not work. */
export function mayActOnTask(actor: Actor, task: Task): boolean {
  return actor.departmentIds.includes(task.departmentId);
}

export function isTaskFinished(task: Task): boolean {
  return task.state === 'DONE' || task.state === 'DECLINED';
}

/**
 * OPEN → ACCEPTED → DONE (with a note of what was done), or DECLINED (with the reason, e.g.
 * not this department's business) from OPEN or ACCEPTED.
 */
export function taskTransition(task: Task, action: TaskAction, actor: Actor): TaskResult {
  const figures = { taskId: task.id, departmentId: task.departmentId, state: task.state };
  const refuse = (code: TaskRefusalCode): TaskResult => ({
    ok: false,
    refusal: reason(code, figures),
  });
  if (!mayActOnTask(actor, task)) return refuse('TASK_NOT_OF_YOUR_DEPARTMENT');
  if (isTaskFinished(task)) return refuse('TASK_FINISHED');
  switch (action.kind) {
    case 'ACCEPT':
      if (task.state !== 'OPEN') return refuse('TASK_NOT_OPEN');
      return { ok: true, task: { ...task, state: 'ACCEPTED', acceptedBy: actor.id } };
    case 'COMPLETE':
      if (task.state !== 'ACCEPTED') return refuse('TASK_NOT_ACCEPTED');
      if (action.note.trim() === '') return refuse('TASK_NOTE_REQUIRED');
      return { ok: true, task: { ...task, state: 'DONE', note: action.note.trim() } };
    case 'DECLINE':
      if (!isReasonLongEnough(action.reason)) return refuse('TASK_DECLINE_REASON_REQUIRED');
      return {
        ok: true,
        task: { ...task, state: 'DECLINED', declineReason: action.reason.trim() },
      };
  }
}
