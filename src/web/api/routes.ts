/**
 * The public, read-only open-data API under /api: /api/v1/… (one file per resource), its
 * OpenAPI 3.1 document at /api/v1/openapi.json generated from the same zod schemas that check
 * every response, and the documentation page /api/docs. Only published data, never personal data.
 * Mounted before the session and CSRF middleware: the API has no cookies and no state-changing route.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import type { RateLimit } from '../../db/rateLimit.ts';
import type { AppEnv } from '../env.ts';
import { registerAgencies } from './agencies.ts';
import { conditionalGet } from './cache.ts';
import { type ApiErrorBody, apiError } from './common.ts';
import { registerDocs } from './docs.tsx';
import { registerPublications } from './publications.ts';
import { apiRateLimit, defaultApiRateLimit } from './rateLimit.ts';
import { registerRegisters } from './registers.ts';
import { registerReports } from './reports.ts';
import { registerStatistics } from './statistics.ts';

export const openApiPath = '/api/v1/openapi.json';

const zhCN = z.locales.zhCN();

export interface ApiOptions {
  /** null: no limit (the in-process bulk export). */
  rateLimit?: RateLimit | null;
}

export function apiRoutes({ rateLimit = defaultApiRateLimit }: ApiOptions = {}) {
  const api = new OpenAPIHono<AppEnv>({
    // Invalid parameters: 400 with a Chinese message per issue (zod's zh-CN locale).
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: /[\u4e00-\u9fff]/.test(issue.message)
          ? issue.message
          : ((zhCN.localeError(issue as never) as string | undefined) ?? '取值无效'),
      }));
      const summary = issues.map((i) => `${i.path}：${i.message}`).join('；');
      return apiError(c, 400, 'api.bad-request', `请求参数无效。${summary}`, issues);
    },
  });
  api.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'OPTIONS'],
      exposeHeaders: [
        'ETag',
        'Last-Modified',
        'Link',
        'Retry-After',
        'X-RateLimit-Limit',
        'X-RateLimit-Remaining',
      ],
      maxAge: 86400,
    }),
  );
  api.use('*', async (c, next) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method))
      return apiError(c, 405, 'api.method', '开放数据接口只读，只接受 GET 请求。');
    if (hasNul(c.req.url))
      return apiError(c, 400, 'api.bad-request', '请求包含无效的控制字符（NUL）。');
    await next();
  });
  if (rateLimit) api.use('*', apiRateLimit(rateLimit));
  api.use('*', conditionalGet());

  registerAgencies(api);
  registerPublications(api);
  registerRegisters(api);
  registerReports(api);
  registerStatistics(api);
  api.get('/v1/openapi.json', (c) => c.json(openApiDocument(api)));
  registerDocs(api);

  api.all('*', (c) => apiError(c, 404, 'api.not-found', '没有这个接口，请查看 /api/docs。'));
  api.onError((error, c) => {
    console.error(error);
    const body: ApiErrorBody = {
      error: { code: 'api.internal', message: '服务器处理请求时出错，已记录。请稍后再试。' },
    };
    return c.json(body, 500);
  });
  return api;
}

let cachedDocument: unknown;

/** The OpenAPI 3.1 document of the /api routes (paths relative to the server root). */
export function openApiDocument(api: OpenAPIHono<AppEnv>) {
  cachedDocument ??= api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'gongkai 政府信息公开开放数据接口',
      version: '1.0.0',
      description:
        '只读、公开：单位、主动公开目录、第二十条数据、已发布的年度报告及其统计。只提供已发布的信息，不含申请人等个人信息。',
    },
    servers: [{ url: '/api', description: '本站' }],
  });
  return cachedDocument;
}

function hasNul(url: string): boolean {
  try {
    return decodeURIComponent(url).includes('\0');
  } catch {
    return false;
  }
}
