import { problem, type ProblemDetails, type ProblemInit } from './problem-details.js';

/**
 * A refusal of the REST edge itself, about HTTP rather than the domain (a precondition header
 * missing, an entity tag of another resource), or an answer kept to be given again: the
 * problem filter sends `details` as they are, with `headers`.
 */
export class RestProblem extends Error {
  readonly details: ProblemDetails;

  constructor(
    details: ProblemInit | ProblemDetails,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(details.detail);
    this.name = 'RestProblem';
    this.details = 'type' in details ? details : problem(details);
  }
}
