import type { MiddlewareHandler } from 'hono';
import { hitRateLimit, type RateLimit } from '../../db/rateLimit.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from './common.ts';

/** Per client address: generous for a dashboard polling or a crawler paging through a catalogue. */
export const defaultApiRateLimit: RateLimit = { limit: 300, windowMs: 60_000 };

/**
 * Counts every API request per client address in the shared `rate_limits` table (so several web
 * processes count together); over the limit the answer is 429 with Retry-After and a JSON error.
 */
export const apiRateLimit =
  (rule: RateLimit): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const { allowed, hits } = await hitRateLimit(
      c.get('database').db,
      `api:ip:${c.get('clientIp')}`,
      rule,
    );
    c.header('X-RateLimit-Limit', String(rule.limit));
    c.header('X-RateLimit-Remaining', String(Math.max(0, rule.limit - hits)));
    if (!allowed) {
      const seconds = Math.ceil(rule.windowMs / 1000);
      c.header('Retry-After', String(seconds));
      c.header('Cache-Control', 'no-store');
      return apiError(
        c,
        429,
        'api.rate-limited',
        `请求过于频繁：每个地址每${seconds}秒最多${rule.limit}次，请${seconds}秒后再试。`,
      );
    }
    await next();
  };
