import { Catch, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@gap/errors';

/**
 * Hands domain errors straight back to GraphQL, which answers them with their code. Without it
 * Nest's default handler logs every not-found and refused input at error level, as if the
 * service had failed.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError): DomainError {
    return error;
  }
}
