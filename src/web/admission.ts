/**
 * Fair admission: each class of request (static files, public reads, public writes, staff) has
 * its own bounded concurrency and bounded queue, so a flood of one class (bulk public
 * submissions) neither starves the others nor makes anyone wait without end: when a class's
 * queue is full the request is answered at once with 503, Retry-After and a Chinese page.
 * `/healthz` is not admitted through any class: a monitor must always get an answer.
 * Configured by GONGKAI_ADMIT_<CLASS>=concurrency/queue (docs/deployment.md).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Limiter } from '../limiter.ts';
import type { AppEnv } from './env.ts';
import { errorPage } from './views/errorPage.tsx';

export type AdmissionClass = 'static' | 'publicRead' | 'publicWrite' | 'staff';

export interface ClassLimit {
  concurrency: number;
  queue: number;
}

export type AdmissionLimits = Record<AdmissionClass, ClassLimit>;

export const defaultAdmissionLimits: AdmissionLimits = {
  static: { concurrency: 64, queue: 256 },
  publicRead: { concurrency: 16, queue: 64 },
  publicWrite: { concurrency: 4, queue: 32 },
  staff: { concurrency: 8, queue: 64 },
};

const envNames: Record<AdmissionClass, string> = {
  static: 'GONGKAI_ADMIT_STATIC',
  publicRead: 'GONGKAI_ADMIT_PUBLIC_READ',
  publicWrite: 'GONGKAI_ADMIT_PUBLIC_WRITE',
  staff: 'GONGKAI_ADMIT_STAFF',
};

/** The limits from the environment ("8/64"), each class falling back to its default. */
export function admissionLimitsFromEnv(): AdmissionLimits {
  const limits = { ...defaultAdmissionLimits };
  for (const key of Object.keys(envNames) as AdmissionClass[]) {
    const match = /^(\d+)\/(\d+)$/.exec(process.env[envNames[key]]?.trim() ?? '');
    if (match) limits[key] = { concurrency: Number(match[1]), queue: Number(match[2]) };
  }
  return limits;
}

/**
 * The forms of the public writes (an application, a petition): opening one is the first step of a
 * submission, so a burst of applicants queues in the write class and never crowds out the readers
 * of published information (issue 14: 200 applicants opening the form refused portal pages 503).
 */
const writeForm = /^\/a\/[^/]+\/(apply|petition)\/?$/;

export function admissionClass(method: string, path: string): AdmissionClass {
  if (path.startsWith('/static/')) return 'static';
  if (path === '/admin' || path.startsWith('/admin/') || path === '/login') return 'staff';
  if (method !== 'GET' && method !== 'HEAD') return 'publicWrite';
  return writeForm.test(path) ? 'publicWrite' : 'publicRead';
}

const retryAfterSeconds = 5;

function busy(c: Context<AppEnv>) {
  return c.html(
    errorPage({
      title: '服务器繁忙',
      message: `当前访问的人较多，服务器暂时无法处理您的请求。请约 ${retryAfterSeconds} 秒后再试；已提交成功的内容不会丢失。`,
    }),
    503,
    { 'retry-after': String(retryAfterSeconds) },
  );
}

export function admission(limits: AdmissionLimits = admissionLimitsFromEnv()) {
  const limiters = Object.fromEntries(
    Object.entries(limits).map(([k, v]) => [k, new Limiter(v.concurrency, v.queue)]),
  ) as Record<AdmissionClass, Limiter>;
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.path === '/healthz') return next();
    const slot = limiters[admissionClass(c.req.method, c.req.path)].acquire();
    if (!slot) return busy(c);
    const release = await slot;
    try {
      await next();
    } finally {
      // A streamed page's job runs after the handler returned: it keeps its slot until done.
      const streaming = c.get('streamDone');
      if (streaming) void streaming.finally(release);
      else release();
    }
  };
  return middleware;
}
