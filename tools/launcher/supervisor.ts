/**
 * The launcher's supervisor. It lives in @gap/testing because the end-to-end suite runs the
 * very same supervisor over the real services, and the module boundaries let a test import
 * libraries only; its unit test is supervisor.spec.ts here.
 */
export {
  cpuTimeMs,
  DEFAULT_BACKOFF,
  residentBytes,
  Supervised,
  Supervisor,
  type BackoffPolicy,
  type ProcessSpec,
  type SupervisorEvent,
  type SupervisorOptions,
} from '@gap/testing';
