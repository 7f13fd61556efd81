/**
 * HTTP caching of /api/v1 answers: a strong ETag from the body, Last-Modified when the route set
 * it, Cache-Control, and 304 Not Modified for a matching If-None-Match (or, without one,
 * If-Modified-Since no earlier than Last-Modified).
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

/** Public data may be cached for five minutes; a client revalidates cheaply with its ETag. */
export const dataCacheControl = 'public, max-age=300';

/** Sets Last-Modified (whole seconds, as HTTP dates have no more). */
export function lastModified(c: Context, at: Date | undefined) {
  if (at) c.header('Last-Modified', new Date(Math.floor(at.getTime() / 1000) * 1000).toUTCString());
}

/** The newest of some dates (undefined when there are none). */
export function newest(dates: readonly Date[]): Date | undefined {
  return dates.length === 0 ? undefined : new Date(Math.max(...dates.map((d) => d.getTime())));
}

export const conditionalGet = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (c.req.method !== 'GET' || c.res.status !== 200) {
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    return;
  }
  const body = new Uint8Array(await c.res.clone().arrayBuffer());
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const modified = c.res.headers.get('Last-Modified');
  c.header('ETag', etag);
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', dataCacheControl);
  if (notModified(c, etag, modified)) {
    const headers = new Headers(c.res.headers);
    for (const h of ['Content-Type', 'Content-Length', 'Content-Disposition']) headers.delete(h);
    c.res = new Response(null, { status: 304, headers });
  }
};

function notModified(c: Context, etag: string, modified: string | null): boolean {
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch !== undefined)
    return ifNoneMatch
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === etag || t === '*');
  const since = Date.parse(c.req.header('If-Modified-Since') ?? '');
  return modified !== null && !Number.isNaN(since) && Date.parse(modified) <= since;
}
