/**
 * GET /api/v1/agencies/{code}/statistics/{year}: the T2/T3/T4 cells of the published report, the
 * S6 petition figures, and for a county government each member's published cells (the roll-up
 * by member). 404 unless the agency's report of that year is published.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listMemberAgencies } from '../../db/agencies.ts';
import { publishedReportsOfYear } from '../../db/openReports.ts';
import { petitionStatistics } from '../../db/petitionStatistics.ts';
import type { PetitionStatistics } from '../../petitions/statistics.ts';
import type { AnnualReport } from '../../report/model.ts';
import type { AppEnv } from '../env.ts';
import { agencyYearParams, Cells, jsonResponses, publishedReportOf, valid } from './common.ts';

const Rate = z.object({
  due: z.number().int(),
  onTime: z.number().int(),
  rate: z.number().nullable().openapi({ description: '按期数 ÷ 应办数；无应办或无法确定为 null' }),
  known: z.boolean().openapi({ description: 'false：汇总数据未提供所需件数' }),
});

const Tables = z.object({
  t2: Cells.openapi({ description: '表2 单元格' }),
  t3: Cells.openapi({ description: '表3 单元格' }),
  t4: Cells.openapi({ description: '表4 单元格' }),
});

const Petitions = z
  .object({
    visits: z.object({ batches: z.number().int(), persons: z.number().int() }),
    leaderReceptions: z.object({ batches: z.number().int(), persons: z.number().int() }),
    written: z.object({
      handled: z.number().int(),
      letters: z.number().int(),
      online: z.number().int(),
      referred: z.number().int(),
      aggregated: z.number().int(),
    }),
    acceptance: Rate.openapi({ description: '及时受理率' }),
    completion: Rate.openapi({ description: '按期办结率' }),
    writtenCompletion: Rate.openapi({ description: '网信办结率' }),
  })
  .openapi('PetitionFigures', { description: '信访数字（定义见 docs/petitions.md）' });

const Statistics = Tables.extend({
  agency: z.string(),
  year: z.number().int(),
  formatVersion: z.enum(['2021', '2019']),
  publishedOn: z.string().nullable(),
  s6: z.object({
    text: z.string().nullable().openapi({ description: '报告第六部分原文' }),
    petitions: Petitions.nullable().openapi({ description: '本年度没有信访数据时为 null' }),
  }),
  members: z
    .array(
      Tables.partial().extend({
        code: z.string(),
        name: z.string(),
        published: z
          .boolean()
          .openapi({ description: '该部门本年度报告是否已发布；未发布时无单元格' }),
      }),
    )
    .optional()
    .openapi({ description: '人民政府：各所属部门已发布报告的单元格（按部门分列）' }),
}).openapi('Statistics');

function tables(report: AnnualReport) {
  const pick = (prefix: string) =>
    Object.fromEntries(Object.entries(report.cells).filter(([key]) => key.startsWith(prefix)));
  return { t2: pick('t2.'), t3: pick('t3.'), t4: pick('t4.') };
}

function petitionFigures(stats: PetitionStatistics) {
  const { sources, visits, leaderReceptions, written, acceptance, completion, writtenCompletion } =
    stats;
  if (sources.records === 0 && sources.aggregates.length === 0) return null;
  return { visits, leaderReceptions, written, acceptance, completion, writtenCompletion };
}

export function registerStatistics(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/v1/agencies/{code}/statistics/{year}',
      tags: ['年度报告'],
      summary: '年度统计：表2–表4单元格、信访数字，人民政府另按部门分列',
      request: { params: agencyYearParams },
      responses: jsonResponses('统计', Statistics, '没有该单位，或该年度没有已发布的年度报告'),
    }),
    async (c) => {
      const found = await publishedReportOf(c, c.req.valid('param'));
      if (found.answer) return found.answer;
      const { agency, year, published } = found;
      const db = c.get('database').db;
      const report = published.report;
      const stats = await petitionStatistics(db, agency.id, `${year}-01-01`, `${year}-12-31`);
      const body: z.input<typeof Statistics> = {
        agency: agency.code,
        year,
        formatVersion: report.formatVersion,
        publishedOn: published.row.publishedOn,
        ...tables(report),
        s6: { text: report.sections.S6?.text ?? null, petitions: petitionFigures(stats) },
      };
      if (agency.kind === 'government') {
        const members = await listMemberAgencies(db, agency.id);
        const reports = await publishedReportsOfYear(
          db,
          members.map((m) => m.id),
          year,
        );
        body.members = members.map((m) => {
          const memberReport = reports.get(m.id);
          return {
            code: m.code,
            name: m.name,
            published: memberReport !== undefined,
            ...(memberReport ? tables(memberReport) : {}),
          };
        });
      }
      return c.json(valid(Statistics, body), 200);
    },
  );
}
