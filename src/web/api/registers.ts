/** GET /api/v1/agencies/{code}/registers/{year}: the Art. 20 figures behind table 2 (T2). */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { openRegisters } from '../../db/openReports.ts';
import { todayInChina } from '../../law/date.ts';
import type { AppEnv } from '../env.ts';
import { agencyYearOf, agencyYearParams, jsonResponses, notFound, valid } from './common.ts';

const Registers = z
  .object({
    agency: z.string().openapi({ example: 'xiangtan-xfj' }),
    year: z.number().int(),
    cells: z.record(z.string().regex(/^t2\.[a-z]+\.[A-Za-z]+$/), z.number()).openapi({
      description: '表2（2021年格式）各单元格，如 t2.norm.made、t2.fee.amountWan（万元）',
    }),
    months: z
      .array(
        z.object({
          month: z.string().openapi({ example: '2021-03' }),
          kind: z.enum(['lic', 'pun', 'coe', 'fee']).openapi({
            description:
              'lic 行政许可、pun 行政处罚、coe 行政强制（决定数）；fee 行政事业性收费（元）',
          }),
          count: z.number().int().nullable(),
          amountYuan: z.number().nullable(),
        }),
      )
      .openapi({ description: '逐月登记数' }),
    documents: z
      .array(
        z.object({
          cell: z.string().openapi({ example: 't2.norm.valid' }),
          publicationId: z.number().int(),
          title: z.string(),
        }),
      )
      .openapi({ description: '计入 t2.reg / t2.norm 单元格的已发布规章、行政规范性文件' }),
  })
  .openapi('Registers');

export function registerRegisters(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/v1/agencies/{code}/registers/{year}',
      tags: ['年度报告'],
      summary: '第二十条主动公开数据（表2的来源）',
      request: { params: agencyYearParams },
      responses: jsonResponses('一年的登记数', Registers, '没有该单位，或年度尚未开始'),
    }),
    async (c) => {
      const found = await agencyYearOf(c, c.req.valid('param'));
      if (found.answer) return found.answer;
      const { agency, year } = found;
      if (year > Number(todayInChina().slice(0, 4))) return notFound(c, `${year}年度尚未开始。`);
      const registers = await openRegisters(c.get('database').db, agency.id, year);
      return c.json(valid(Registers, { agency: agency.code, year, ...registers }), 200);
    },
  );
}
