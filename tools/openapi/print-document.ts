/**
 * Prints one service's OpenAPI document. Each service is printed in a process of its own, as
 * for the supergraph: its classes register GraphQL and validation metadata process-wide.
 */
import 'reflect-metadata';
import { restDocument } from '@gap/rest';
import { REST_SERVICES } from './services.js';

const name = process.argv[2];
const service = REST_SERVICES.find((candidate) => candidate.name === name);
if (!service) {
  process.stderr.write(
    `Unknown service '${name}'. Known: ${REST_SERVICES.map((s) => s.name).join(', ')}\n`,
  );
  process.exit(2);
}
process.stdout.write(JSON.stringify(await restDocument(await service.api())));
