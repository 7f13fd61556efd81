/** GET /api/v1/agencies and /api/v1/agencies/{code}: who publishes, and how they are grouped. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Agency, listAgencies } from '../../db/agencies.ts';
import { publicCategories } from '../../db/openCatalogue.ts';
import type { AppEnv } from '../env.ts';
import { agencyCode, agencyOf, commonErrors, jsonResponses, noAgency, valid } from './common.ts';

const AgencySummary = z
  .object({
    code: z.string().openapi({ description: '单位代码（稳定标识）', example: 'xiangtan-xfj' }),
    name: z.string().openapi({ example: '湘潭县信访局' }),
    kind: z.enum(['government', 'department']).openapi({ description: '人民政府或部门' }),
    parent: z.string().nullable().openapi({ description: '上级人民政府的单位代码' }),
    members: z.array(z.string()).openapi({ description: '所属部门的单位代码（人民政府才有）' }),
    url: z.string().openapi({ description: '门户页面路径', example: '/a/xiangtan-xfj' }),
  })
  .openapi('AgencySummary');

const AgencyDetail = AgencySummary.extend({
  uscc: z.string().nullable().openapi({ description: '统一社会信用代码（索引号前缀）' }),
  contact: z.object({
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    phone: z.string().nullable(),
    fax: z.string().nullable(),
    email: z.string().nullable(),
    officeHours: z.string().nullable(),
    website: z.string().nullable(),
  }),
  categories: z.array(
    z.object({
      slug: z.string().openapi({ description: '分类代码，用作 publications 的 category 参数' }),
      name: z.string(),
      column: z.enum(['guide', 'rules', 'statutory', 'reports']),
    }),
  ),
}).openapi('Agency');

const AgencyList = z.object({ items: z.array(AgencySummary) }).openapi('AgencyList');

function summaries(all: Agency[]) {
  const codeOf = new Map(all.map((a) => [a.id, a.code]));
  return all.map((a) => ({
    code: a.code,
    name: a.name,
    kind: a.kind,
    parent: a.parentId === null ? null : (codeOf.get(a.parentId) ?? null),
    members: all.filter((m) => m.parentId === a.id).map((m) => m.code),
    url: `/a/${a.code}`,
  }));
}

export function registerAgencies(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/v1/agencies',
      tags: ['单位'],
      summary: '全部单位',
      responses: {
        200: {
          description: '单位列表',
          content: { 'application/json': { schema: AgencyList } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const all = await listAgencies(c.get('database').db);
      return c.json(valid(AgencyList, { items: summaries(all) }), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/v1/agencies/{code}',
      tags: ['单位'],
      summary: '一个单位：联系方式、所属部门、目录分类',
      request: { params: z.object({ code: agencyCode }) },
      responses: jsonResponses('单位', AgencyDetail, '没有该单位'),
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const db = c.get('database').db;
      const agency = await agencyOf(c, code);
      if (!agency) return noAgency(c, code);
      const all = await listAgencies(db);
      const summary = summaries(all).find((a) => a.code === code)!;
      const categories = await publicCategories(db, agency.id);
      const body = {
        ...summary,
        uscc: agency.uscc,
        contact: {
          address: agency.address,
          postcode: agency.postcode,
          phone: agency.phone,
          fax: agency.fax,
          email: agency.email,
          officeHours: agency.officeHours,
          website: agency.website,
        },
        categories: categories.map(({ slug, name, column }) => ({ slug, name, column })),
      };
      return c.json(valid(AgencyDetail, body), 200);
    },
  );
}
