import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@gap/testing';
import { keepAliveFetcher } from './keep-alive-fetcher.js';
import { instancesFetcher } from './subgraph-instances.js';

/** A local instance that answers with its own name and counts its calls. */
async function instance(
  name: string,
): Promise<{ url: string; calls: () => number; server: Server }> {
  let calls = 0;
  const server = createServer((_req, res) => {
    calls++;
    res.end(name);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, calls: () => calls, server };
}

describe('calls spread over the instances of a subgraph', () => {
  const fetcher = keepAliveFetcher({ maxSockets: 4, timeoutMs: 2_000 });
  const servers: Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  it('takes the instances in turn', async () => {
    const [a, b] = [await instance('a'), await instance('b')];
    servers.push(a.server, b.server);
    const call = instancesFetcher([a.url, b.url], fetcher);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await (await call(a.url, {})).text());
    expect(answers).toEqual(['a', 'b', 'a', 'b']);
  });

  it('skips an instance that refuses the connection, so the caller sees no error', async () => {
    const live = await instance('live');
    servers.push(live.server);
    const stopped = `http://127.0.0.1:${await freePort()}/graphql`;
    const call = instancesFetcher([stopped, live.url], fetcher);
    for (let i = 0; i < 3; i++) expect(await (await call(stopped, {})).text()).toBe('live');
    expect(live.calls()).toBe(3);
  });

  it('fails with the refusal when no instance answers', async () => {
    const call = instancesFetcher(
      [
        `http://127.0.0.1:${await freePort()}/graphql`,
        `http://127.0.0.1:${await freePort()}/graphql`,
      ],
      fetcher,
    );
    await expect(call('', {})).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
