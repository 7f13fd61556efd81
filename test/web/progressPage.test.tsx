/**
 * Long staff jobs answer with a streamed page (src/web/progressPage.tsx): the frame and the
 * progress list arrive before the job is done, then the result; a failure shows its Chinese
 * message; the admission slot is held until the last byte. The county page and the upload of a
 * previous year's report use it, on both databases.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { Hono } from 'hono';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { findImportedReport } from '../../src/db/annual.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { GongkaiError } from '../../src/errors.ts';
import { admission } from '../../src/web/admission.ts';
import type { AppEnv } from '../../src/web/env.ts';
import { progressPage } from '../../src/web/progressPage.tsx';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { seedPath } from '../support/shared.ts';

/** The body's chunks as they were sent. */
async function chunksOf(res: Response): Promise<string[]> {
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
    chunks.push(decoder.decode(chunk));
  return chunks;
}

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const tight = { concurrency: 1, queue: 0 };

/** An app with one staff slot whose /admin/job streams a job that waits for `job.open()`. */
function jobApp(outcome: () => Promise<string>) {
  const app = new Hono<AppEnv>();
  app.use(admission({ static: tight, publicRead: tight, publicWrite: tight, staff: tight }));
  app.get('/admin/job', (c) =>
    progressPage(
      c,
      (slot) => (
        <html lang="zh-CN">
          <body>
            <h1>汇总</h1>
            {slot}
            <footer>页脚</footer>
          </body>
        </html>
      ),
      async (step) => {
        step('第一步 <读取>');
        const text = await outcome();
        step('第二步');
        return <p id="result">{text}</p>;
      },
    ),
  );
  app.get('/admin/other', (c) => c.text('后台'));
  return app;
}

describe('a streamed page for a long staff job', () => {
  test('the frame and the first step arrive while the job runs; the staff slot is held until the end', async () => {
    const job = gate();
    const app = jobApp(async () => {
      await job.opened;
      return '结果';
    });
    const res = await app.request('/admin/job');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    assert.match(first, /<h1>汇总<\/h1><ol class="job-progress" aria-live="polite">/);
    assert.doesNotMatch(first, /结果|页脚/);
    const step = new TextDecoder().decode((await reader.read()).value);
    assert.match(step, /<li>第一步 &lt;读取&gt;（\d+\.\d 秒）<\/li>/);
    // The job still runs: the only staff slot is taken.
    assert.equal((await app.request('/admin/other')).status, 503);
    job.open();
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += new TextDecoder().decode(r.value);
    assert.match(rest, /第二步[\s\S]*完成，用时 \d+\.\d 秒。<\/li><\/ol><p id="result">结果<\/p>/);
    assert.match(rest, /<footer>页脚<\/footer><\/body><\/html>$/);
    await delay(0);
    assert.equal((await app.request('/admin/other')).status, 200, 'the slot is free again');
  });

  test('a refused job shows its Chinese message; an unexpected failure a general one', async () => {
    const refused = jobApp(() =>
      Promise.reject(new GongkaiError('annual.import.size', '文件超过1 MB。')),
    );
    const html = (await chunksOf(await refused.request('/admin/job'))).join('');
    assert.match(html, /<\/ol><p class="alert" role="alert">文件超过1 MB。<\/p><footer>/);
    const logged = console.error;
    console.error = () => {};
    try {
      const broken = jobApp(() => Promise.reject(new Error('boom')));
      const text = (await chunksOf(await broken.request('/admin/job'))).join('');
      assert.match(text, /role="alert">处理失败，请稍后重试。<\/p>/);
      assert.doesNotMatch(text, /boom/);
    } finally {
      console.error = logged;
    }
  });
});

describeEachDatabase(
  'the county page shows its progress, then the roll-up',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    before(async () => {
      app = await demoApp(database());
    });

    test('the supervisor sees the steps before the status table, in order, with the figures after', async () => {
      const client = new TestClient(app);
      assert.equal((await client.login('xt-supervisor', demoPassword)).status, 303);
      const res = await client.get('/admin/xiangtan/county/2021');
      assert.equal(res.status, 200);
      const chunks = await chunksOf(res);
      const at = (pattern: RegExp) => chunks.findIndex((c) => pattern.test(c));
      assert.ok(chunks.length >= 5, `streamed in ${chunks.length} parts`);
      assert.equal(at(/<ol class="job-progress"/), 0);
      assert.doesNotMatch(chunks[0], /status-table/);
      const steps = [/正在汇总/, /正在核对\d+个单位/, /正在生成图表/, /完成，用时/];
      const order = steps.map(at);
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
        `steps in order: ${order}`,
      );
      assert.ok(order.every((i) => i > 0));
      assert.ok(at(/class="data status-table"/) >= order[3]);
      const html = chunks.join('');
      assert.match(html, /<tr class="state-published" data-agency="xiangtan-xfj">/);
      assert.match(html, /<\/html>\s*$/);
      const office = new TestClient(app);
      await office.login('xfj-office', demoPassword);
      assert.equal((await office.get('/admin/xiangtan/county/2021')).status, 403);
    });
  },
  { demo: true },
);

describeEachDatabase(
  "the upload of a previous year's report shows its progress, then the result",
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    const path = '/admin/xiangtan-xfj/reports/2022/previous';
    before(async () => {
      app = await demoApp(database());
    });

    async function office() {
      const client = new TestClient(app);
      assert.equal((await client.login('xfj-office', demoPassword)).status, 303);
      await client.get('/admin/xiangtan-xfj/reports/2022');
      return client;
    }

    const imported = async () => {
      const { db } = database();
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      return findImportedReport(db, agency.id, 2021);
    };

    test('received, parsed, checked and saved, in order, then what is left to confirm', async () => {
      const client = await office();
      const res = await client.upload(
        path,
        {},
        { name: 'seed.txt', data: await readFile(seedPath) },
      );
      assert.equal(res.status, 200);
      const chunks = await chunksOf(res);
      const at = (pattern: RegExp) => chunks.findIndex((c) => pattern.test(c));
      assert.equal(at(/<ol class="job-progress"/), 0);
      assert.doesNotMatch(chunks[0], /已导入/);
      const steps = [/已收到文件“seed.txt”/, /已读出报告/, /核对通过/, /已保存。/, /完成，用时/];
      const order = steps.map(at);
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
        `steps in order: ${order}`,
      );
      assert.ok(
        order.every((i) => i > 0),
        `every step streamed: ${order}`,
      );
      const html = chunks.join('');
      assert.match(html, /role="status">上年度报告已导入。<\/p>/);
      assert.match(html, /各单元格均已确定/);
      assert.match(html, /<\/html>\s*$/);
      assert.equal((await imported())?.filename, 'seed.txt');
    });

    test('an unreadable or foreign file is refused in Chinese in the stream; the saved import stays', async () => {
      const client = await office();
      const saved = await imported();
      assert.ok(saved, 'the previous test saved an import');
      const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0xff)]);
      for (const [file, message] of [
        [{ name: 'broken.pdf', data: broken }, /role="alert">[^<]*[\u4e00-\u9fff][^<]*<\/p>/],
        [
          { name: 'other.txt', data: Buffer.from('某县林业局2021年政府信息公开工作年度报告\n') },
          /role="alert">[^<]*[\u4e00-\u9fff][^<]*<\/p>/,
        ],
      ] as const) {
        const res = await client.upload(path, {}, file);
        assert.equal(res.status, 200);
        const html = (await chunksOf(res)).join('');
        assert.match(html, /<li>已收到文件/);
        assert.match(html, message);
        assert.doesNotMatch(html, /已保存。|上年度报告已导入|处理失败/);
        assert.match(html, /<\/html>\s*$/);
      }
      const after = await imported();
      assert.equal(after?.filename, 'seed.txt');
      assert.equal(after?.id, saved.id);
    });

    test('no file is refused at once on the report page, a body over 1 MB by the app; other roles are refused', async () => {
      const client = await office();
      const empty = await client.upload(path, {}, { name: 'empty.txt', data: Buffer.alloc(0) });
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /请选择上年度报告文件。/);
      const big = await client.upload(
        path,
        {},
        { name: 'big.txt', data: Buffer.alloc(1024 * 1024 + 1, 0x41) },
      );
      // The app's body limit (1 MB) answers before the route.
      assert.equal(big.status, 413);
      assert.match(await big.text(), /超过了大小限制/);
      const handler = new TestClient(app);
      await handler.login('xfj-handler', demoPassword);
      await handler.get('/admin/xiangtan-xfj/reports/2022');
      const res = await handler.upload(
        path,
        {},
        { name: 'seed.txt', data: await readFile(seedPath) },
      );
      assert.equal(res.status, 403);
    });
  },
  { demo: true },
);
