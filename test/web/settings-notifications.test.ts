/** /admin/:agency/settings/notifications: the outbox as the agency's admin sees it, and a retry. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { enqueueMessages, listMessages } from '../../src/db/outbox.ts';
import { outbox } from '../../src/db/schema/outbox.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const page = '/admin/xiangtan-xfj/settings/notifications';

describeEachDatabase(
  'settings: notifications (the outbox)',
  (database) => {
    test('failed messages are listed masked and can be sent again; only the admin may', async () => {
      const app = await demoApp(database());
      const db = database().db;
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      await enqueueMessages(db, [
        {
          agencyId: agency.id,
          channel: 'email',
          recipient: 'zhangsan@example.cn',
          subject: '湘潭县信访局已收到您的政府信息公开申请',
          body: '查询码：ABCDEFGHJKLM',
          source: 'application:999#2',
        },
      ]);
      const [message] = await listMessages(db, agency.id);
      await db
        .update(outbox)
        .set({ status: 'failed', attempts: 8, lastError: 'connect ECONNREFUSED' })
        .where(eq(outbox.id, message.id));

      const handler = new TestClient(app);
      await handler.login('xfj-handler', demoPassword);
      assert.equal((await handler.get(page)).status, 403);

      const admin = new TestClient(app);
      await admin.login('xfj-admin', demoPassword);
      const html = await (await admin.get(page)).text();
      assert.match(html, /z\*\*\*@example\.cn/);
      assert.doesNotMatch(html, /zhangsan/);
      assert.match(html, /发送失败（第 8 次失败：connect ECONNREFUSED）/);
      assert.match(html, /重新发送/);

      assert.equal((await admin.post(`${page}/retry`, { id: '2147483647' })).status, 404);
      assert.equal((await admin.post(`${page}/retry`, { id: 'x' })).status, 404);
      const retried = await admin.post(`${page}/retry`, { id: String(message.id) });
      assert.equal(retried.status, 303);
      const [after] = await listMessages(db, agency.id);
      assert.equal(after.status, 'pending');
      assert.equal(after.attempts, 0);
      assert.match(await (await admin.get(`${page}?retried=1`)).text(), /已重新排队/);
    });
  },
  { demo: true },
);
