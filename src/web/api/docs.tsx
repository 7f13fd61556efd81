/**
 * /api/docs: the interactive API documentation, self-contained (works offline, no CDN): a page
 * whose script (served beside it, as the CSP allows only same-origin scripts) reads
 * /api/v1/openapi.json, lists every operation with its parameters and lets the reader try it.
 */
import { readFileSync } from 'node:fs';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';
import { Layout } from '../views/layout.tsx';

const assets: Record<string, { file: string; type: string }> = {
  'viewer.js': { file: 'docsViewer.js', type: 'text/javascript; charset=utf-8' },
  'viewer.css': { file: 'docsViewer.css', type: 'text/css; charset=utf-8' },
};
const assetCache = new Map<string, string>();

function asset(name: string): string {
  let text = assetCache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`./${assets[name].file}`, import.meta.url), 'utf8');
    assetCache.set(name, text);
  }
  return text;
}

export function registerDocs(api: OpenAPIHono<AppEnv>) {
  api.get('/docs', (c) =>
    c.html(
      <Layout
        title="开放数据接口"
        breadcrumb={[{ label: '首页', href: '/' }, { label: '开放数据接口' }]}
      >
        <link rel="stylesheet" href="/api/docs/viewer.css" />
        <h1>开放数据接口（API）</h1>
        <p>
          只读、公开、无需登录：单位、主动公开目录、第二十条数据、已发布的年度报告及统计，JSON
          格式。接口说明书（OpenAPI 3.1）：<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>。
          每个地址每分钟最多 300 次请求，超出时返回 429 并在 Retry-After 头中给出等待秒数。
        </p>
        <div id="api-doc" data-spec="/api/v1/openapi.json">
          <p class="muted">
            正在读取接口说明……（需要启用 JavaScript；也可直接阅读上面的 JSON 文档）
          </p>
        </div>
        <script src="/api/docs/viewer.js" defer />
      </Layout>,
    ),
  );
  api.get('/docs/:asset{viewer\\.(js|css)}', (c) => {
    const name = c.req.param('asset');
    return c.body(asset(name), 200, {
      'Content-Type': assets[name].type,
      'Cache-Control': 'public, max-age=3600',
    });
  });
}
