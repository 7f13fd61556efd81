import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { demoPassword } from '../../src/demo/load.ts';
import { JobPool } from '../../src/jobs/pool.ts';
import { createApp } from '../../src/web/app.tsx';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { manyPagePdf } from './hostileFiles.ts';

const base = '/admin/xiangtan-xfj/catalog';

describeEachDatabase(
  'heavy uploads in the pool',
  (database) => {
    const jobs = new JobPool({ threads: 1, cpuMs: 300 });
    after(() => jobs.close());

    test('an attachment over the CPU limit is stored as unreadable (fail closed) while /healthz keeps answering', async () => {
      const app = createApp({ database: database(), secret: 'test-secret', jobs });
      const drafter = new TestClient(app);
      await drafter.login('xfj-drafter', demoPassword);
      const categories = await (await drafter.get(`${base}/new`)).text();
      const gzdt = /<option value="(\d+)">工作动态<\/option>/.exec(categories)![1];
      const created = await drafter.post(`${base}/new`, {
        categoryId: gzdt,
        title: '县信访局长篇附件测试',
        madeOn: '2024-03-01',
        issuer: '湘潭县信访局',
        body: '正文。',
      });
      const item = created.headers.get('location')!;
      await drafter.get(item);
      const form = new FormData();
      form.set('_csrf', drafter.csrf);
      form.set('file', new File([new Uint8Array(manyPagePdf(300))], '长篇.pdf'));
      let uploaded = false;
      const upload = drafter
        .request(`${item}/attachments`, { method: 'POST', body: form })
        .finally(() => {
          uploaded = true;
        });
      let answeredDuringUpload = 0;
      while (!uploaded) {
        await delay(20); // let the pool's messages and watchdog (macrotasks) run
        const health = await app.request('/healthz');
        assert.equal(health.status, 200);
        if (!uploaded) answeredDuringUpload++;
      }
      assert.ok(answeredDuringUpload > 0);
      assert.equal((await upload).status, 303);
      const page = await (await drafter.get(item)).text();
      assert.match(page, /长篇\.pdf/);
      assert.match(
        page,
        /文件内容无法在限定资源内读取完整：附件“长篇\.pdf”处理所需的计算时间超过了限制（0\.3 秒）/,
      );
    });
  },
  { demo: true },
);
