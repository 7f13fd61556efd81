/**
 * GET /api/v1/agencies/{code}/reports and /reports/{year}: the published annual reports, each as
 * report JSON (`gongkai.annual-report/1`, docs/report-json.md), or its cells as XLSX or CSV.
 * A year without a published report (none, draft, approved) is 404.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listPublishedReports } from '../../db/openReports.ts';
import { formatOf } from '../../report/formats/index.ts';
import { cellLabel } from '../../report/formats/labels.ts';
import type { CellKey } from '../../report/keys.ts';
import type { AnnualReport, CellValue as ModelCellValue } from '../../report/model.ts';
import { reportSchemaId, toReportJson } from '../../report/render/json.ts';
import { versionFile } from '../../services/annual/workflow.ts';
import type { AppEnv } from '../env.ts';
import { lastModified } from './cache.ts';
import {
  agencyCode,
  agencyOf,
  agencyYearParams,
  Cells,
  commonErrors,
  errorResponse,
  jsonResponses,
  noAgency,
  publishedReportOf,
  valid,
} from './common.ts';

const Section = z.object({
  heading: z.string(),
  text: z.string(),
  order: z.number().int().optional(),
});

export const ReportJson = z
  .object({
    schema: z.literal(reportSchemaId),
    agency: z.string(),
    year: z.number().int().nullable(),
    formatVersion: z.enum(['2021', '2019']),
    title: z.string().optional(),
    preamble: z.string().optional(),
    sections: z.record(z.enum(['S1', 'S2', 'S3', 'S4', 'S5', 'S6']), Section),
    cells: Cells,
    cellNotes: z.record(z.string(), z.string()).optional(),
  })
  .openapi('AnnualReport', {
    description: '年度报告 JSON（gongkai.annual-report/1），与门户下载的 JSON 文件相同',
  });

const ReportSummary = z
  .object({
    year: z.number().int(),
    formatVersion: z.string(),
    publishedOn: z.string().nullable().openapi({ description: '发布日期' }),
    updatedAt: z.string().openapi({ description: '最近一次发布或更正的时间', format: 'date-time' }),
    url: z.string().openapi({ example: '/api/v1/agencies/xiangtan-xfj/reports/2021' }),
    pageUrl: z.string().openapi({ example: '/a/xiangtan-xfj/annual/2021' }),
  })
  .openapi('ReportSummary');

const ReportList = z.object({ items: z.array(ReportSummary) }).openapi('ReportList');

const formats = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

const ReportQuery = z.object({
  format: z
    .enum(['json', 'xlsx', 'csv'], '格式应为 json、xlsx 或 csv')
    .default('json')
    .openapi({ description: 'json（默认）：报告 JSON；xlsx：表格文件；csv：单元格清单' }),
});

function cellText(value: ModelCellValue | undefined): string {
  if (value === undefined || value === 'blank') return '';
  if (value === 'slash') return '/';
  if (typeof value === 'number') return String(value);
  return `?${value.candidates.join('|')}`;
}

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Every cell of the report's format, one line each: key, Chinese label, value. UTF-8 with BOM. */
export function reportCsv(report: AnnualReport): string {
  const lines = ['key,label,value'];
  for (const key of formatOf(report.formatVersion).cellKeys as readonly CellKey[])
    lines.push(
      [key, cellLabel(key, report.formatVersion), cellText(report.cells[key])]
        .map(csvField)
        .join(','),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function registerReports(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/v1/agencies/{code}/reports',
      tags: ['年度报告'],
      summary: '已发布的年度报告',
      request: { params: z.object({ code: agencyCode }) },
      responses: jsonResponses('年度报告列表', ReportList, '没有该单位'),
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const agency = await agencyOf(c, code);
      if (!agency) return noAgency(c, code);
      const rows = await listPublishedReports(c.get('database').db, agency.id);
      const items = rows.map((r) => ({
        year: r.year,
        formatVersion: r.formatVersion,
        publishedOn: r.publishedOn,
        updatedAt: r.updatedAt.toISOString(),
        url: `/api/v1/agencies/${code}/reports/${r.year}`,
        pageUrl: `/a/${code}/annual/${r.year}`,
      }));
      return c.json(valid(ReportList, { items }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/v1/agencies/{code}/reports/{year}',
      tags: ['年度报告'],
      summary: '一年的年度报告（已发布的最新版本，含更正）',
      request: { params: agencyYearParams, query: ReportQuery },
      responses: {
        200: {
          description: '报告',
          content: {
            'application/json': { schema: ReportJson },
            [formats.xlsx]: { schema: z.string().openapi({ format: 'binary' }) },
            'text/csv': { schema: z.string() },
          },
        },
        404: errorResponse('没有该单位，或该年度没有已发布的年度报告'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const { format } = c.req.valid('query');
      const found = await publishedReportOf(c, c.req.valid('param'));
      if (found.answer) return found.answer;
      const { agency, year, published } = found;
      const db = c.get('database').db;
      lastModified(c, published.updatedAt);
      const filename = `${agency.code}-${year}-annual-report.${format}`;
      if (format === 'json')
        return c.json(
          valid(ReportJson, toReportJson(published.report) as z.input<typeof ReportJson>),
          200,
        );
      c.header('Content-Disposition', `attachment; filename="${filename}"`);
      if (format === 'csv')
        return c.body(reportCsv(published.report), 200, { 'Content-Type': formats.csv });
      const data = await versionFile(db, published.versionId, 'xlsx');
      return c.body(new Uint8Array(data), 200, { 'Content-Type': formats.xlsx });
    },
  );
}
