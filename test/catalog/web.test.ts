import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoPassword } from '../../src/demo/load.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { docxWith } from './fixtures.ts';

const base = '/admin/xiangtan-xfj/catalog';

async function upload(client: TestClient, path: string, name: string, data: Buffer) {
  const form = new FormData();
  form.set('_csrf', client.csrf);
  form.set('file', new File([new Uint8Array(data)], name));
  return client.request(path, { method: 'POST', body: form });
}

describeEachDatabase(
  'catalog web',
  (database) => {
    test('draft → upload blocked by the privacy scan → fixed → three approvals → on the portal', async () => {
      const app = await demoApp(database());
      const drafter = new TestClient(app);
      await drafter.login('xfj-drafter', demoPassword);
      await drafter.get(`${base}/new`);
      const categories = await (await drafter.get(`${base}/new`)).text();
      const gzdt = /<option value="(\d+)">工作动态<\/option>/.exec(categories)![1];
      const bad = await drafter.post(`${base}/new`, {
        categoryId: gzdt,
        title: '',
        madeOn: '2021-13-01',
        issuer: '湘潭县信访局',
      });
      assert.equal(bad.status, 422);
      const created = await drafter.post(`${base}/new`, {
        categoryId: gzdt,
        title: '县信访局开展接访下基层活动',
        madeOn: '2024-03-01',
        issuer: '湘潭县信访局',
        body: '深入乡镇开展联合接访。',
      });
      assert.equal(created.status, 303);
      const item = created.headers.get('location')!;
      await drafter.get(item);
      const fake = await upload(
        drafter,
        `${item}/attachments`,
        'fake.pdf',
        Buffer.from('<script>alert(1)</script>'),
      );
      assert.equal(fake.status, 422);
      assert.match(await fake.text(), /文件类型按内容判断/);
      const withComment = await docxWith({
        paragraphs: ['接访安排表'],
        comment: '来访人电话13912345678',
      });
      assert.equal(
        (await upload(drafter, `${item}/attachments`, '安排.docx', withComment)).status,
        303,
      );
      const page = await (await drafter.get(item)).text();
      assert.match(page, /批注<\/strong>（安排\.docx，word\/comments\.xml）/);
      assert.match(page, /139\*\*\*\*5678/);
      const blocked = await drafter.post(`${item}/submit`, {});
      assert.equal(blocked.status, 422);
      assert.match(await blocked.text(), /隐私检查发现/);
      const fileId = /attachments\/(\d+)\/remove/.exec(page)![1];
      await drafter.get(item);
      assert.equal((await drafter.post(`${item}/attachments/${fileId}/remove`, {})).status, 303);
      await drafter.get(item);
      assert.equal(
        (
          await upload(
            drafter,
            `${item}/attachments`,
            '安排.docx',
            await docxWith({ paragraphs: ['接访安排表：3月5日琴湖社区'] }),
          )
        ).status,
        303,
      );
      await drafter.get(item);
      assert.equal((await drafter.post(`${item}/submit`, {})).status, 303);
      // the drafter cannot approve, and the office cannot take the reviewer's step
      assert.equal((await drafter.post(`${item}/approve`, { step: '1' })).status, 422);
      const office = new TestClient(app);
      await office.login('xfj-office', demoPassword);
      await office.get(item);
      assert.equal((await office.post(`${item}/approve`, { step: '1' })).status, 422);
      const reviewer = new TestClient(app);
      await reviewer.login('xfj-reviewer', demoPassword);
      await reviewer.get(item);
      assert.equal((await reviewer.post(`${item}/approve`, { step: '1' })).status, 303);
      await office.get(item);
      assert.equal((await office.post(`${item}/approve`, { step: '2' })).status, 303);
      const publisher = new TestClient(app);
      await publisher.login('xfj-publisher', demoPassword);
      await publisher.get(item);
      assert.equal(
        (await publisher.post(`${item}/approve`, { step: '3' })).status,
        422,
        'no 保密审查 yet',
      );
      assert.equal(
        (await office.post(`${item}/confidentiality`, { conclusion: 'public', note: '不涉密' }))
          .status,
        303,
      );
      await publisher.get(item);
      assert.equal((await publisher.post(`${item}/approve`, { step: '3' })).status, 303);
      const done = await (await office.get(item)).text();
      const index = /11430321MB16134126\/\d{4}-\d{5}/.exec(done)![0];

      const visitor = new TestClient(app);
      const id = item.split('/').pop();
      const publicPage = await (await visitor.get(`/a/xiangtan-xfj/items/${id}`)).text();
      assert.match(publicPage, new RegExp(index.replace('/', '\\/')));
      assert.match(publicPage, /<th scope="row">成文日期<\/th><td>2024-03-01<\/td>/);
      const found = await (
        await visitor.get(`/a/xiangtan-xfj/search?q=${encodeURIComponent('琴湖社区')}`)
      ).text();
      assert.match(found, /找到 1 条结果/);
      assert.match(found, /<mark>琴湖社区<\/mark>/);
      assert.match(
        await (await visitor.get('/a/xiangtan-xfj/feed.xml')).text(),
        /县信访局开展接访下基层活动/,
      );
      assert.match(
        await (await visitor.get('/sitemap.xml')).text(),
        new RegExp(`/a/xiangtan-xfj/items/${id}<`),
      );
      assert.match(await (await visitor.get('/a/xiangtan-xfj/guide')).text(), /0731-57822610/);
      assert.equal((await visitor.get(`${base}`)).status, 302);
    });

    test('a reviewer returns a draft with a comment; the office withdraws a published item', async () => {
      const app = await demoApp(database());
      const drafter = new TestClient(app);
      await drafter.login('xfj-drafter', demoPassword);
      const categories = await (await drafter.get(`${base}/new`)).text();
      const gzdt = /<option value="(\d+)">工作动态<\/option>/.exec(categories)![1];
      const created = await drafter.post(`${base}/new`, {
        categoryId: gzdt,
        title: '县信访局召开季度工作会',
        madeOn: '2024-04-01',
        issuer: '湘潭县信访局',
        body: '会议部署二季度工作。',
      });
      const item = created.headers.get('location')!;
      await drafter.get(item);
      assert.equal((await drafter.post(`${item}/submit`, {})).status, 303);

      const reviewer = new TestClient(app);
      await reviewer.login('xfj-reviewer', demoPassword);
      await reviewer.get(item);
      const noComment = await reviewer.post(`${item}/reject`, { step: '1', comment: '' });
      assert.equal(noComment.status, 422);
      assert.match(await noComment.text(), /请填写退回意见/);
      assert.equal(
        (await reviewer.post(`${item}/reject`, { step: '1', comment: '标题请写明时间' })).status,
        303,
      );
      assert.match(await (await drafter.get(item)).text(), /标题请写明时间/);

      const visitor = new TestClient(app);
      const listing = await (await visitor.get('/a/xiangtan-xfj/search?q=工作动态')).text();
      const published = /\/a\/xiangtan-xfj\/items\/(\d+)/.exec(listing);
      const id = published ? published[1] : null;
      if (!id) return assert.fail('the demo has published items');
      const office = new TestClient(app);
      await office.login('xfj-office', demoPassword);
      await office.get(`${base}/${id}`);
      assert.equal((await office.post(`${base}/${id}/withdraw`, { reason: '' })).status, 422);
      assert.equal(
        (await office.post(`${base}/${id}/withdraw`, { reason: '内容已过时' })).status,
        303,
      );
      assert.equal((await visitor.get(`/a/xiangtan-xfj/items/${id}`)).status, 404);
    });

    test('the Art. 20 register page lists the ten T2 cells, labelled as the 2021 format prints them', async () => {
      const app = await demoApp(database());
      const office = new TestClient(app);
      await office.login('xfj-office', demoPassword);
      const html = await (await office.get('/admin/xiangtan-xfj/registers?year=2025')).text();
      const rows = [
        ...html.matchAll(/<tr id="(t2\.[a-zA-Z]+\.[a-zA-Z]+)"><th scope="row">([^<]+)<\/th>/g),
      ];
      assert.deepEqual(
        rows.map((m) => m[1]),
        [
          't2.reg.made',
          't2.reg.repealed',
          't2.reg.valid',
          't2.norm.made',
          't2.norm.repealed',
          't2.norm.valid',
          't2.lic.decisions',
          't2.pun.decisions',
          't2.coe.decisions',
          't2.fee.amountWan',
        ],
      );
      assert.equal(rows[0][2], '规章 · 本年制发件数');
      assert.equal(rows[9][2], '行政事业性收费 · 本年收费金额（单位：万元）');
    });

    test('the upload route alone accepts a body above 1 MB', async () => {
      const app = await demoApp(database());
      const client = new TestClient(app);
      await client.login('xfj-office', demoPassword);
      const big = 'x'.repeat(1_200_000);
      const res = await client.post('/admin/xiangtan-xfj/registers', { csv: big });
      assert.equal(res.status, 413);
      await client.post('/admin/logout', {});
      await client.login('xfj-drafter', demoPassword); // only the drafter may upload
      await client.get(`${base}`);
      const form = new FormData();
      form.set('_csrf', client.csrf);
      form.set('file', new File([new Uint8Array(1_200_000)], 'big.pdf'));
      const upload = await client.request(`${base}/999999/attachments`, {
        method: 'POST',
        body: form,
      });
      assert.equal(upload.status, 404, 'passes the body limit, then the item does not exist');
    });
  },
  { demo: true },
);
