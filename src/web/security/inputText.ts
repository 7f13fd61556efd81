import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { errorPage } from '../views/errorPage.tsx';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a request whose path, query or form fields contain a NUL character (`%00`).
 * PostgreSQL text cannot hold it: left through, any query using the value fails with a 500.
 * Nothing else is filtered here; every other string is stored verbatim and escaped on output.
 */
export const rejectNulInput = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (await hasNul(c)) {
    return c.html(
      errorPage({
        title: '提交内容无效',
        message: '提交的内容包含无效的控制字符（NUL），请删除后重新提交。',
      }),
      400,
    );
  }
  await next();
};

async function hasNul(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<boolean> {
  const url = new URL(c.req.url);
  if (decodes(url.pathname).includes('\0')) return true;
  for (const values of Object.values(c.req.queries()))
    if (values.some((v) => v.includes('\0'))) return true;
  if (!unsafeMethods.has(c.req.method) || !(c.req.header('content-type') ?? '').includes('form'))
    return false;
  // Same options as every other reader: Hono caches the first parse for the whole request.
  const body = await c.req.parseBody();
  return Object.values(body).some((v) => typeof v === 'string' && v.includes('\0'));
}

function decodes(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Zero-width characters, bidi embeddings/overrides/isolates, the word joiner, invisible
 * operators, the BOM and the soft hyphen: they make a "name" that looks empty, or text that
 * reads differently from what is stored.
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** A typed value as it is stored: invisible and bidi control characters removed, NFC. */
export function normaliseText(value: string): string {
  return value.replace(INVISIBLE, '').normalize('NFC');
}
