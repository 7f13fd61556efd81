/**
 * /admin/:agency/settings: the agency profile (shown on the 公开指南), the local annual report
 * deadline, and who may use the settings at all.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { withUsccCheck } from '../../src/catalog/identifiers.ts';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { listAudit } from '../../src/db/audit.ts';
import { getReviewChain } from '../../src/db/catalogCategories.ts';
import { agencies } from '../../src/db/schema.ts';
import { demoPassword } from '../../src/demo/load.ts';
import type { Role } from '../../src/law/roles.ts';
import { reportDeadline } from '../../src/services/annual/status.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const agencyCode = 'xiangtan-xfj';
const settings = `/admin/${agencyCode}/settings`;

async function signIn(app: Awaited<ReturnType<typeof demoApp>>, username: string) {
  const client = new TestClient(app);
  const res = await client.login(username, demoPassword);
  assert.equal(res.status, 303, `${username} signs in`);
  return client;
}

/** The profile form as the page shows it (every input's name and value). */
async function profileForm(client: TestClient): Promise<Record<string, string>> {
  const page = await (await client.get(`${settings}/profile`)).text();
  const fields: Record<string, string> = {};
  for (const m of page.matchAll(/<input id="f-\w+" name="(\w+)" type="\w+" value="([^"]*)"/g))
    fields[m[1]] = m[2];
  return fields;
}

describeEachDatabase(
  'settings: profile, deadline and access',
  (database) => {
    test('a changed phone and address appear on the 公开指南, audited before/after', async () => {
      const app = await demoApp(database());
      const admin = await signIn(app, 'xfj-admin');
      const form = await profileForm(admin);
      assert.equal(form.phone, '0731-57822610');
      assert.equal(form.name, '湘潭县信访局');
      const saved = await admin.post(`${settings}/profile`, {
        ...form,
        phone: '0731-57829999',
        fax: '0731-57829998',
        address: '湖南省湘潭县易俗河镇天易大道1号',
      });
      assert.equal(saved.status, 303);
      assert.match(await (await admin.get(saved.headers.get('location')!)).text(), /已保存/);

      const guide = await (await new TestClient(app).get(`/a/${agencyCode}/guide`)).text();
      assert.match(guide, /<th scope="row">联系电话<\/th><td>0731-57829999<\/td>/);
      assert.match(guide, /<th scope="row">传真<\/th><td>0731-57829998<\/td>/);
      assert.match(guide, /天易大道1号/);
      assert.doesNotMatch(guide, /0731-57822610/);

      const agency = (await findAgencyByCode(database().db, agencyCode))!;
      const [entry] = await listAudit(database().db, {
        agencyId: agency.id,
        action: 'settings.profile',
      });
      assert.deepEqual(entry.details, {
        before: {
          address: '湖南省湘潭县易俗河镇天易大道县政府大楼',
          phone: '0731-57822610',
          fax: null,
        },
        after: {
          address: '湖南省湘潭县易俗河镇天易大道1号',
          phone: '0731-57829999',
          fax: '0731-57829998',
        },
      });
    });

    test('a 统一社会信用代码 must pass its check character; a valid one is saved', async () => {
      const app = await demoApp(database());
      const db = database().db;
      const admin = await signIn(app, 'xfj-admin');
      const form = await profileForm(admin);
      // A code stored before it was validated (an import, an older version) is kept but flagged.
      await db
        .update(agencies)
        .set({ uscc: '11430321MB1613412X' })
        .where(eq(agencies.code, agencyCode));
      assert.match(
        await (await admin.get(`${settings}/profile`)).text(),
        /当前保存的统一社会信用代码“11430321MB1613412X”校验码不符/,
      );
      const good = withUsccCheck('11430321MB1613412');
      const wrongCheck = `${good.slice(0, 17)}${good[17] === 'A' ? 'B' : 'A'}`;
      const refused = await admin.post(`${settings}/profile`, {
        ...form,
        uscc: wrongCheck,
        phone: '0731-12345678',
        email: 'not-an-email',
      });
      assert.equal(refused.status, 422);
      const text = await refused.text();
      assert.match(text, /id="email-error">电子邮箱格式不正确</);
      assert.match(text, /value="0731-12345678"/, 'what was typed is kept');
      const checked = await admin.post(`${settings}/profile`, {
        ...form,
        uscc: wrongCheck,
        phone: '0731-12345678',
      });
      assert.equal(checked.status, 422);
      const checkedText = await checked.text();
      assert.match(
        checkedText,
        /id="uscc-error">统一社会信用代码不正确（应为18位，末位校验码须相符）/,
      );
      assert.match(checkedText, new RegExp(`name="uscc" type="text" value="${wrongCheck}"`));
      assert.match(checkedText, /value="0731-12345678"/);
      const unchanged = (await findAgencyByCode(db, agencyCode))!;
      assert.equal(unchanged.phone, form.phone, 'nothing saved');

      const blankName = await admin.post(`${settings}/profile`, { ...form, name: ' ' });
      assert.equal(blankName.status, 422);
      assert.match(await blankName.text(), /id="name-error">请填写单位名称</);

      const county = (await findAgencyByCode(db, 'xiangtan'))!;
      const countyCode = withUsccCheck(county.uscc!.slice(0, 17));
      await db.update(agencies).set({ uscc: countyCode }).where(eq(agencies.id, county.id));
      const taken = await admin.post(`${settings}/profile`, { ...form, uscc: countyCode });
      assert.equal(taken.status, 422);
      assert.match(
        await taken.text(),
        /id="uscc-error">该统一社会信用代码已登记为“湘潭县人民政府”的代码/,
      );

      const ok = await admin.post(`${settings}/profile`, { ...form, uscc: good.toLowerCase() });
      assert.equal(ok.status, 303);
      assert.equal((await findAgencyByCode(db, agencyCode))!.uscc, good);
      assert.doesNotMatch(
        await (await admin.get(`${settings}/profile`)).text(),
        /校验码不符，请核对后更正/,
      );
    });

    test('the local report deadline is saved, used for the due date and validated', async () => {
      const app = await demoApp(database());
      const db = database().db;
      const admin = await signIn(app, 'xfj-admin');
      await admin.get(`${settings}/deadline`);
      const late = await admin.post(`${settings}/deadline`, { monthDay: '02-15' });
      assert.equal(late.status, 422);
      const lateText = await late.text();
      assert.match(lateText, /本地期限须早于法定期限（次年01-31）/);
      assert.match(lateText, /value="02-15"/);
      const impossible = await admin.post(`${settings}/deadline`, { monthDay: '01-32' });
      assert.equal(impossible.status, 422);
      assert.match(await impossible.text(), /请按“月-日”填写，如 01-25/);

      assert.equal((await admin.post(`${settings}/deadline`, { monthDay: '01-20' })).status, 303);
      const agency = (await findAgencyByCode(db, agencyCode))!;
      assert.deepEqual(await reportDeadline(db, agency, 2025), { due: '2026-01-20', local: true });
      assert.match(await (await admin.get(`${settings}/deadline`)).text(), /value="01-20"/);
      const [entry] = await listAudit(db, { agencyId: agency.id, action: 'settings.deadline' });
      assert.deepEqual(entry.details, { scope: 'self', before: null, after: '01-20' });

      assert.equal((await admin.post(`${settings}/deadline`, { monthDay: '' })).status, 303);
      assert.deepEqual(await reportDeadline(db, agency, 2025), {
        due: '2026-01-31',
        local: false,
      });
    });

    test('only the agency admin may open or change settings; a form without CSRF is refused', async () => {
      const app = await demoApp(database());
      const db = database().db;
      const agency = (await findAgencyByCode(db, agencyCode))!;
      const chain = await getReviewChain(db, agency.id);
      const others: Role[] = ['drafter', 'reviewer', 'office', 'handler', 'supervisor', 'auditor'];
      const pages = ['', '/profile', '/review-chain', '/categories', '/deadline'];
      for (const role of others) {
        const client = await signIn(app, `xfj-${role}`);
        const dashboard = await (await client.get(`/admin/${agencyCode}`)).text();
        assert.doesNotMatch(dashboard, /单位设置/, `${role} sees no settings link`);
        for (const page of pages)
          assert.equal((await client.get(`${settings}${page}`)).status, 403, `${role} GET ${page}`);
        const post = await client.post(`${settings}/review-chain`, {
          'label.0': '拟稿',
          'role.0': 'drafter',
          'label.1': '发布',
          'role.1': 'office',
        });
        assert.equal(post.status, 403, `${role} POST`);
      }
      const county = await signIn(app, 'xt-supervisor');
      assert.equal((await county.get(`${settings}/profile`)).status, 403, 'oversight is not admin');

      const admin = await signIn(app, 'xfj-admin');
      assert.match(await (await admin.get(`/admin/${agencyCode}`)).text(), /单位设置/);
      await admin.get(`${settings}/profile`);
      const noToken = await admin.post(`${settings}/profile`, {
        _csrf: null,
        name: '改名的信访局',
      });
      assert.equal(noToken.status, 403);
      const noTokenChain = await admin.post(`${settings}/review-chain`, {
        _csrf: null,
        'label.0': '拟稿',
        'role.0': 'drafter',
        'label.1': '发布',
        'role.1': 'office',
      });
      assert.equal(noTokenChain.status, 403);
      assert.equal((await findAgencyByCode(db, agencyCode))!.name, '湘潭县信访局');
      assert.deepEqual(await getReviewChain(db, agency.id), chain);
    });
  },
  { demo: true },
);
