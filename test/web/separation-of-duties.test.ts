/**
 * Separation of duties in 主动公开 review (issue 13, point 8): by default one account may not clear
 * two consecutive steps (办公室负责人审核 then 办公室发布); the agency's admin may allow it, and both
 * the setting and every use of it are audited.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { listAudit } from '../../src/db/audit.ts';
import { listCategories } from '../../src/db/catalogCategories.ts';
import type { Actor } from '../../src/db/publications/actor.ts';
import { createPublication } from '../../src/db/publications/drafts.ts';
import {
  recordConfidentialityReview,
  reviewPublication,
} from '../../src/db/publications/review.ts';
import type { Role } from '../../src/db/schema.ts';
import { findUserByUsername } from '../../src/db/users.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { sampleInput } from '../catalog/support.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const agencyCode = 'xiangtan-xfj';
const catalog = `/admin/${agencyCode}/catalog`;

describeEachDatabase(
  'separation of duties in review',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    let agencyId = 0;
    const actor = async (username: string, roles: Role[]): Promise<Actor> => ({
      userId: (await findUserByUsername(database().db, username))!.id,
      roles,
    });
    const signIn = async (username: string) => {
      const client = new TestClient(app);
      assert.equal((await client.login(username, demoPassword)).status, 303);
      return client;
    };

    /** An item the office has cleared up to 办公室负责人审核 (with 保密审查): waiting for 办公室发布. */
    async function waitingForPublication(title: string) {
      const { db } = database();
      const categoryId = (await listCategories(db, agencyId)).find((c) => c.slug === 'gzdt')!.id;
      const drafter = await actor('xfj-drafter', ['drafter']);
      const office = await actor('xfj-office', ['office']);
      const item = await createPublication(db, agencyId, sampleInput(categoryId, title), drafter);
      await reviewPublication(db, agencyId, item.id, { type: 'submit' }, drafter);
      const reviewer = await actor('xfj-reviewer', ['reviewer']);
      await reviewPublication(db, agencyId, item.id, { type: 'approve', step: 1 }, reviewer);
      await reviewPublication(db, agencyId, item.id, { type: 'approve', step: 2 }, office);
      await recordConfidentialityReview(db, agencyId, item.id, { conclusion: 'public' }, office);
      return `${catalog}/${item.id}`;
    }

    before(async () => {
      app = await demoApp(database());
      agencyId = (await findAgencyByCode(database().db, agencyCode))!.id;
    });

    test('by default the office head who approved may not also publish; another office account may', async () => {
      const item = await waitingForPublication('关于岗位分离的测试通知');
      const office = await signIn('xfj-office');
      const page = await (await office.get(item)).text();
      assert.match(page, /待“办公室发布”/);
      assert.doesNotMatch(page, />发布<\/button>/, 'no publish button for the same account');
      const refused = await office.post(`${item}/approve`, { step: '3' });
      assert.equal(refused.status, 422);
      assert.match(
        await refused.text(),
        /您已办理上一步“办公室负责人审核”，同一人不能连续办理相邻的两个审核步骤/,
      );
      const publisher = await signIn('xfj-publisher');
      assert.match(await (await publisher.get(item)).text(), />发布<\/button>/);
      assert.equal((await publisher.post(`${item}/approve`, { step: '3' })).status, 303);
      assert.match(await (await publisher.get(item)).text(), /已发布/);
    });

    test('the admin may allow consecutive steps; the change and each use are audited', async () => {
      const admin = await signIn('xfj-admin');
      const settings = `/admin/${agencyCode}/settings/review-chain`;
      const form = await (await admin.get(settings)).text();
      assert.match(form, /name="consecutive"(?![^>]*checked)/, 'off by default');
      const fields: Record<string, string> = { consecutive: 'on' };
      for (const m of form.matchAll(/name="(label\.\d+)" value="([^"]*)"/g)) fields[m[1]] = m[2];
      for (const m of form.matchAll(/name="(role\.\d+)"[\s\S]*?<option value="(\w+)" selected/g))
        fields[m[1]] = m[2];
      assert.equal((await admin.post(settings, fields)).status, 303);
      assert.match(await (await admin.get(settings)).text(), /name="consecutive"[^>]*checked/);
      const [change] = await listAudit(database().db, {
        agencyId,
        action: 'settings.review-consecutive',
      });
      assert.deepEqual(change.details, { before: false, after: true });

      const item = await waitingForPublication('允许连续办理后的测试通知');
      const office = await signIn('xfj-office');
      await office.get(item);
      assert.equal((await office.post(`${item}/approve`, { step: '3' })).status, 303);
      const uses = await listAudit(database().db, {
        agencyId,
        action: 'catalog.review.consecutive',
      });
      assert.equal(uses.length, 1);
      assert.deepEqual(uses[0].details, {
        steps: [2, 3],
        labels: ['办公室负责人审核', '办公室发布'],
      });

      delete fields.consecutive;
      assert.equal((await admin.post(settings, fields)).status, 303);
      const again = await waitingForPublication('再次禁止后的测试通知');
      await office.get(again);
      assert.equal((await office.post(`${again}/approve`, { step: '3' })).status, 422);
    });
  },
  { demo: true },
);
