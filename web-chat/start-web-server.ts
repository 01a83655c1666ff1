import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Env, Hono } from 'hono';

/** A listening web chat server. */
export interface RunningWebServer {
  url: string;
  port: number;
  /** Stops accepting connections, drops idle keep-alive ones and resolves once the server has closed. */
  close(): Promise<void>;
}

/** Serves an app on Node's HTTP server; port 0 picks a free port (tests, benchmarks). */
export function startWebServer<E extends Env>(
  app: Hono<E>,
  port: number,
  hostname = '127.0.0.1',
): Promise<RunningWebServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      server.off('error', reject);
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((closed, failed) => {
            server.close((error) => (error ? failed(error) : closed()));
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
