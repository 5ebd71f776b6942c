import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fixture server received. */
export interface RecordedRequest {
  /** Path with query. */
  path: string;
  /** Lower-cased request headers. */
  headers: Record<string, string | string[] | undefined>;
}

/** A fixture web server on 127.0.0.1 with an OS-chosen port, recording every request. */
export interface LoopbackSite {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `127.0.0.1:PORT`, as `URL.host` spells it. */
  host: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Requests received for a path (query included). */
  count(path: string): number;
  /** Stops the server, dropping open connections. */
  close(): Promise<void>;
}

/** Handles one request; `site` gives access to the recorded requests. */
export type SiteHandler = (req: IncomingMessage, res: ServerResponse, site: LoopbackSite) => void | Promise<void>;

/** Starts a fixture server. */
export async function startSite(handler: SiteHandler): Promise<LoopbackSite> {
  const requests: RecordedRequest[] = [];
  // The site object is needed inside the handler, before the address is known.
  const site = { requests } as LoopbackSite;
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '/', headers: req.headers });
    Promise.resolve(handler(req, res, site)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  site.origin = `http://127.0.0.1:${port}`;
  site.host = `127.0.0.1:${port}`;
  site.count = (path) => requests.filter((r) => r.path === path).length;
  site.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return site;
}

/** A page's fixed `Last-Modified` (validators must be stable between runs). */
export const LAST_MODIFIED = 'Tue, 04 Jun 2024 10:00:00 GMT';

/**
 * Sends a page with an ETag (hash of the body) and Last-Modified, answering 304 when the
 * request's If-None-Match or If-Modified-Since shows the client has this version.
 */
export function sendPage(req: IncomingMessage, res: ServerResponse, body: string | Buffer, contentType = 'text/html; charset=utf-8'): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const etag = `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"`;
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  if (inm === etag || (!inm && ims && Date.parse(ims) >= Date.parse(LAST_MODIFIED))) {
    res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED });
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length, etag, 'last-modified': LAST_MODIFIED });
  res.end(bytes);
}

/** Sends a status with a short text body and extra headers. */
export function sendStatus(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain', ...headers });
  res.end(`status ${status}`);
}
