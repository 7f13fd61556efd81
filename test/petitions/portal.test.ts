import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { appendPetitionEvent, listPetitions } from '../../src/db/petitions.ts';
import { todayInChina } from '../../src/law/date.ts';
import { petitionLimits } from '../../src/web/portal/petition/routes.tsx';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const form = {
  name: '孙八',
  phone: '138 0731 5678',
  idNumber: '',
  address: '湘潭县花石镇',
  subject: '农村饮水困难',
  content: '村里自来水管网年久失修，经常停水，请求协调解决。',
  pledge: 'on',
};

describeEachDatabase(
  'online petitions (互联网+信访)',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    before(async () => {
      app = await demoApp(database());
    });

    test('a petition is submitted online, gets a query code, and the petitioner can track it', async () => {
      const client = new TestClient(app);
      const formPage = await client.get('/a/xiangtan-xfj/petition');
      assert.equal(formPage.status, 200);
      const res = await client.submit('/a/xiangtan-xfj/petition', form);
      assert.equal(res.status, 200);
      const html = await res.text();
      const code = html.match(/id="query-code">(XF-[A-Z0-9-]+)</)?.[1];
      assert.ok(code, 'query code shown');

      const agency = (await findAgencyByCode(database().db, 'xiangtan-xfj'))!;
      const [row] = (await listPetitions(database().db, agency.id)).rows.filter(
        (r) => r.petition.queryCode === code,
      );
      assert.deepEqual(
        [row.petition.channel, row.petition.receivedOn, row.petition.status, row.petitionerName],
        ['online', todayInChina(), 'registered', '孙八'],
      );

      await client.get('/a/xiangtan-xfj/petition/track');
      const tracked = await client.post('/a/xiangtan-xfj/petition/track', {
        code: code.toLowerCase(),
        phone4: '5678',
      });
      assert.equal(tracked.status, 200);
      const page = await tracked.text();
      assert.match(page, /id="petition-status">已登记，待受理告知</);
      assert.ok(!page.includes('花石镇'), 'the tracking page does not repeat personal data');

      const today = todayInChina();
      await appendPetitionEvent(database().db, agency.id, row.petition.id, {
        type: 'AcceptanceDecided',
        on: today,
        decision: 'accepted',
      });
      await appendPetitionEvent(database().db, agency.id, row.petition.id, {
        type: 'Answered',
        on: today,
        text: '已协调水务公司维修管网。',
      });
      const answered = await (
        await client.post('/a/xiangtan-xfj/petition/track', { code, phone4: '5678' })
      ).text();
      assert.match(answered, /已办结/);
      assert.match(answered, /id="petition-answer">已协调水务公司维修管网。</);
    });

    test('a wrong phone or a malformed code is refused', async () => {
      const client = new TestClient(app);
      await client.get('/a/xiangtan-xfj/petition');
      const html = await (await client.submit('/a/xiangtan-xfj/petition', form)).text();
      const code = html.match(/id="query-code">(XF-[A-Z0-9-]+)</)![1];
      await client.get('/a/xiangtan-xfj/petition/track');
      const wrong = await client.post('/a/xiangtan-xfj/petition/track', { code, phone4: '0000' });
      assert.equal(wrong.status, 404);
      assert.match(await wrong.text(), /查询码或联系电话后4位不正确/);
      const bad = await client.post('/a/xiangtan-xfj/petition/track', {
        code: 'hello',
        phone4: '12',
      });
      assert.equal(bad.status, 400);
      const text = await bad.text();
      assert.match(text, /查询码格式为/);
      assert.match(text, /后4位数字/);
    });

    test('invalid submissions are shown again with every field kept', async () => {
      const client = new TestClient(app);
      await client.get('/a/xiangtan-xfj/petition');
      const res = await client.post('/a/xiangtan-xfj/petition', {
        ...form,
        phone: '123',
        content: '太短',
        pledge: null,
      });
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(html, /请填写有效的联系电话/);
      assert.match(html, /至少10字/);
      assert.match(html, /请确认所反映的情况属实/);
      assert.match(html, /value="农村饮水困难"/);
      assert.match(html, /value="孙八"/);
    });

    test('submissions without the CSRF token are refused', async () => {
      const client = new TestClient(app);
      await client.get('/a/xiangtan-xfj/petition');
      assert.equal(
        (await client.post('/a/xiangtan-xfj/petition', { ...form, _csrf: null })).status,
        403,
      );
    });

    test('submissions are throttled per address; refused forms do not count', async () => {
      const client = new TestClient(app);
      await client.get('/a/xiangtan-xfj/petition');
      const headers = { 'x-forwarded-for': '203.0.113.77' };
      let last = 0;
      for (let i = 0; i < 2 * petitionLimits.submit.limit; i++) {
        const body = new URLSearchParams({ ...form, subject: '', _csrf: client.csrf });
        const res = await client.request('/a/xiangtan-xfj/petition', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: body.toString(),
        });
        assert.equal(res.status, 400, 'a refused form is not counted');
      }
      for (let i = 0; i <= petitionLimits.submit.limit; i++) {
        const body = new URLSearchParams({ ...form, _csrf: client.csrf });
        const res = await client.request('/a/xiangtan-xfj/petition', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: body.toString(),
        });
        last = res.status;
      }
      assert.equal(last, 429);
    });

    test('unknown agencies are 404', async () => {
      assert.equal((await app.request('/a/nowhere/petition')).status, 404);
    });
  },
  { demo: true },
);
