import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Forwarded headers are trusted only when the deployer says a proxy sets them. */
const trustProxy = () => process.env.GONGKAI_TRUST_PROXY === '1';

export function clientIp(c: Context): string {
  if (trustProxy()) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function isSecure(c: Context): boolean {
  if (trustProxy() && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}
