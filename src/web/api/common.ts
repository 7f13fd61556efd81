/**
 * What every /api/v1 resource shares: the JSON error body, the path parameters, the agency
 * lookup and the helper that validates a response body against its schema before sending it.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type Agency, findAgencyByCode } from '../../db/agencies.ts';
import { findPublishedReport } from '../../db/openReports.ts';
import type { AppEnv } from '../env.ts';

export const ApiError = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'api.not-found' }),
      message: z.string().openapi({ example: '没有该年度已发布的年度报告。' }),
      issues: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .openapi({ description: '参数校验失败时，逐项说明' }),
    }),
  })
  .openapi('Error');

export type ApiErrorBody = z.infer<typeof ApiError>;

export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ApiError } },
});

/** The responses every route may give besides its own. */
export const commonErrors = {
  400: errorResponse('参数无效'),
  429: errorResponse('请求过于频繁，请按 Retry-After 头所示秒数后再试'),
};

/** A JSON answer (`schema`, described by `description`), a 404 (`missing`), and the common errors. */
export const jsonResponses = <S extends z.ZodType>(
  description: string,
  schema: S,
  missing: string,
) => ({
  200: { description, content: { 'application/json': { schema } } },
  404: errorResponse(missing),
  ...commonErrors,
});

export const agencyCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, '单位代码只能包含小写字母、数字和连字符')
  .openapi({ param: { name: 'code', in: 'path' }, example: 'xiangtan-xfj' });

export const yearParam = z
  .string()
  .regex(/^\d{4}$/, '年度应为四位数字，如 2021')
  .openapi({ param: { name: 'year', in: 'path' }, example: '2021' });

/** The path parameters of a year of an agency. */
export const agencyYearParams = z.object({ code: agencyCode, year: yearParam });

/** A table cell as published: a number, an empty cell, a `/`, or (imported reports) undetermined. */
export const CellValue = z
  .union([
    z.number(),
    z.enum(['blank', 'slash']),
    z.object({
      uncertain: z.literal(true),
      candidates: z.array(z.number()),
      raw: z.string().optional(),
    }),
  ])
  .openapi('CellValue', {
    description: '数字；blank 为空白单元格（不是0）；slash 为“/”；uncertain 为无法确定的值',
  });

export const Cells = z
  .record(z.string().regex(/^t[234]\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/), CellValue)
  .openapi('Cells', {
    description: '单元格，键名见 docs/report-json.md，如 t2.norm.made、t3.new.np、t4.rv.pending',
  });

export function apiError<S extends ContentfulStatusCode>(
  c: Context,
  status: S,
  code: string,
  message: string,
  issues?: { path: string; message: string }[],
) {
  const body: ApiErrorBody = { error: issues ? { code, message, issues } : { code, message } };
  return c.json(body, status);
}

export const notFound = (c: Context, message: string) =>
  apiError(c, 404 as const, 'api.not-found', message);

export async function agencyOf(c: Context<AppEnv>, code: string): Promise<Agency | undefined> {
  return findAgencyByCode(c.get('database').db, code);
}

export const noAgency = (c: Context, code: string) => notFound(c, `没有代码为“${code}”的单位。`);

/** The year of a path, or undefined when it is outside the years the 条例 reports cover. */
export function reportYear(text: string): number | undefined {
  const year = Number(text);
  return year >= 2008 && year <= 2100 ? year : undefined;
}

export const badYear = (c: Context, text: string) =>
  apiError(c, 400 as const, 'api.bad-year', `年度“${text}”无效，应为2008年以后的四位年度。`);

/** The agency and report year a path names, or the answer: 400 for the year, 404 for the agency. */
export async function agencyYearOf(c: Context<AppEnv>, param: { code: string; year: string }) {
  const year = reportYear(param.year);
  if (year === undefined) return { answer: badYear(c, param.year) };
  const agency = await agencyOf(c, param.code);
  if (!agency) return { answer: noAgency(c, param.code) };
  return { agency, year };
}

/** The agency's published report of the year a path names, or the answer (404 when there is none). */
export async function publishedReportOf(c: Context<AppEnv>, param: { code: string; year: string }) {
  const found = await agencyYearOf(c, param);
  if (found.answer) return { answer: found.answer };
  const { agency, year } = found;
  const published = await findPublishedReport(c.get('database').db, agency.id, year);
  if (!published) return { answer: notFound(c, `${agency.name}没有${year}年度已发布的年度报告。`) };
  return { agency, year, published };
}

/** Parses `body` with `schema` (a response that breaks its own contract is a bug, not output). */
export function valid<S extends z.ZodType>(schema: S, body: z.input<S>): z.output<S> {
  return schema.parse(body);
}
