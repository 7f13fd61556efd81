/** GET /api/v1/agencies/{code}/publications: the published catalogue, newest first, cursor-paged. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type OpenAttachment,
  type OpenCursor,
  type OpenPublicationRow,
  openAttachments,
  openPublicationsPage,
  publicCategories,
} from '../../db/openCatalogue.ts';
import type { AppEnv } from '../env.ts';
import { agencyCode, agencyOf, apiError, jsonResponses, noAgency, valid } from './common.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期应为 YYYY-MM-DD，如 2021-06-30');

const PublicationQuery = z.object({
  category: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: '分类代码（见单位详情的 categories）', example: 'gzdt' }),
  publishedFrom: isoDate
    .optional()
    .openapi({ description: '发布日期不早于', example: '2021-01-01' }),
  publishedTo: isoDate.optional().openapi({ description: '发布日期不晚于', example: '2021-12-31' }),
  q: z
    .string()
    .max(200, '检索词不超过200字')
    .optional()
    .openapi({ description: '检索词（标题、正文、附件文字），空格分隔的词须全部出现' }),
  limit: z.coerce
    .number()
    .int('每页条数应为整数')
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: '每页条数，1–100' }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: '上一页返回的 nextCursor，不透明，不要自己拼写' }),
});

const Attachment = z
  .object({
    id: z.number().int(),
    filename: z.string(),
    mediaType: z.string(),
    size: z.number().int().openapi({ description: '字节' }),
    sha256: z.string(),
    url: z.string().openapi({ example: '/a/xiangtan-xfj/items/12/files/3' }),
  })
  .openapi('Attachment');

export const Publication = z
  .object({
    id: z.number().int().openapi({ description: '稳定标识（门户页面 /a/{code}/items/{id}）' }),
    indexNumber: z.string().nullable().openapi({ description: '索引号' }),
    title: z.string(),
    category: z.object({ slug: z.string(), name: z.string() }),
    issuer: z.string().openapi({ description: '发布机构' }),
    docNumber: z.string().nullable().openapi({ description: '文号' }),
    madeOn: z.string().openapi({ description: '成文日期', format: 'date' }),
    publishedOn: z.string().openapi({ description: '发布日期', format: 'date' }),
    changedOn: z.string().nullable().openapi({ description: '最近更新日期', format: 'date' }),
    validity: z.enum(['valid', 'expired', 'repealed']).openapi({ description: '有效/失效/废止' }),
    topic: z.string().nullable().openapi({ description: '主题分类' }),
    keywords: z.string().nullable(),
    summary: z.string().nullable().openapi({ description: '内容概述' }),
    url: z.string().openapi({ example: '/a/xiangtan-xfj/items/12' }),
    attachments: z.array(Attachment),
  })
  .openapi('Publication');

const PublicationPage = z
  .object({
    items: z.array(Publication),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: '下一页的 cursor；null 表示没有更多' }),
  })
  .openapi('PublicationPage');

export function encodeCursor(row: OpenCursor): string {
  return Buffer.from(`${row.publishedOn}|${row.id}`).toString('base64url');
}

export function decodeCursor(text: string): OpenCursor | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})\|(\d{1,9})$/.exec(Buffer.from(text, 'base64url').toString());
  return match ? { publishedOn: match[1], id: Number(match[2]) } : undefined;
}

/** The open-data form of a catalogue item (also written by the bulk export). */
export function publicationBody(
  agencyCode: string,
  row: OpenPublicationRow,
  files: readonly OpenAttachment[],
): z.infer<typeof Publication> {
  const url = `/a/${agencyCode}/items/${row.id}`;
  return {
    id: row.id,
    indexNumber: row.indexNumber,
    title: row.title,
    category: { slug: row.categorySlug, name: row.categoryName },
    issuer: row.issuer,
    docNumber: row.docNumber,
    madeOn: row.madeOn,
    publishedOn: row.publishedOn,
    changedOn: row.changedOn,
    validity: row.validity,
    topic: row.topic,
    keywords: row.keywords,
    summary: row.summary,
    url,
    attachments: files
      .filter((f) => f.publicationId === row.id)
      .map((f) => ({
        id: f.id,
        filename: f.filename,
        mediaType: f.mediaType,
        size: f.size,
        sha256: f.sha256,
        url: `${url}/files/${f.id}`,
      })),
  };
}

export function registerPublications(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/v1/agencies/{code}/publications',
      tags: ['主动公开'],
      summary: '主动公开目录（已发布的信息，按发布日期从新到旧）',
      request: { params: z.object({ code: agencyCode }), query: PublicationQuery },
      responses: jsonResponses('一页信息；响应头 Link 给出下一页', PublicationPage, '没有该单位'),
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const query = c.req.valid('query');
      const db = c.get('database').db;
      const agency = await agencyOf(c, code);
      if (!agency) return noAgency(c, code);
      let categoryId: number | undefined;
      if (query.category !== undefined) {
        categoryId = (await publicCategories(db, agency.id)).find(
          (x) => x.slug === query.category,
        )?.id;
        if (categoryId === undefined)
          return apiError(
            c,
            400,
            'api.bad-category',
            `本单位没有代码为“${query.category}”的分类。`,
          );
      }
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      if (query.cursor !== undefined && !after)
        return apiError(c, 400, 'api.bad-cursor', 'cursor 无效，请使用上一页返回的 nextCursor。');
      const page = await openPublicationsPage(db, agency.id, { ...query, categoryId, after });
      const files = await openAttachments(
        db,
        page.rows.map((r) => r.id),
      );
      const last = page.rows.at(-1);
      const nextCursor = page.hasMore && last ? encodeCursor(last) : null;
      if (nextCursor) {
        const next = new URL(c.req.url);
        next.searchParams.set('cursor', nextCursor);
        c.header('Link', `<${next.pathname}${next.search}>; rel="next"`);
      }
      const items = page.rows.map((r) => publicationBody(agency.code, r, files));
      return c.json(valid(PublicationPage, { items, nextCursor }), 200);
    },
  );
}
