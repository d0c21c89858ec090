import type { Permissions } from '@gap/authz';
import {
  ASSIGNMENT_OPERATIONS,
  ASSIGNMENT_PERMISSIONS,
  type AssignmentOperation,
} from './authz/assignment.permissions.js';
import {
  HANDOVER_OPERATIONS,
  HANDOVER_PERMISSIONS,
  type HandoverOperation,
} from './authz/handover.permissions.js';

/** Every operation of the managers subgraph, named as in the graph. */
export type ManagersOperation = HandoverOperation | AssignmentOperation;
export const MANAGERS_OPERATIONS: readonly ManagersOperation[] = [
  ...HANDOVER_OPERATIONS,
  ...ASSIGNMENT_OPERATIONS,
];

/** The managers service's role × operation × scope matrix (ADR 9), one row per operation. */
export const MANAGERS_PERMISSIONS: Permissions<ManagersOperation> = {
  ...HANDOVER_PERMISSIONS,
  ...ASSIGNMENT_PERMISSIONS,
};
