// The shared assignment reads and writes, under the name the other features import.
export * from './assignment.repository.js';
export { AssignmentRepository as AssignmentStore } from './assignment.repository.js';
