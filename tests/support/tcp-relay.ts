import net from 'node:net';

export interface RelayHooks {
  /** Each burst the client sends. Return false to drop it (after `close()`, say): it is not forwarded. */
  fromClient?: (data: Buffer, pair: { close: () => void }) => boolean | void;
  /** Each burst the server answers with (forwarded after the hook). */
  fromServer?: (data: Buffer) => void;
}

/**
 * A TCP relay in front of a PostgreSQL URL, for tests that watch or cut what a pool sends
 * (db/door-one-trip.int.test.ts counts flights, db/fetch-types.int.test.ts kills a connection
 * mid-start-up). `listen()` answers the same URL with the relay's port.
 */
export function tcpRelay(target: string, hooks: RelayHooks = {}) {
  const to = new URL(target);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(to.port), to.hostname);
    sockets.add(client).add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (d) => {
      if (hooks.fromClient?.(d, { close }) === false) return;
      upstream.write(d);
    });
    upstream.on('data', (d) => {
      hooks.fromServer?.(d);
      client.write(d);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return {
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => {
          const url = new URL(target);
          url.port = String((server.address() as net.AddressInfo).port);
          resolve(url.toString());
        }),
      ),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
