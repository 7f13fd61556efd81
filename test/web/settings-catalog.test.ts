/**
 * /admin/:agency/settings: the review chain and the catalogue categories, driven through the
 * back office as the agency's admin, and checked where they take effect (the review flow, the portal).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { listAudit } from '../../src/db/audit.ts';
import { getReviewChain, listCategories } from '../../src/db/catalogCategories.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const agencyCode = 'xiangtan-xfj';
const settings = `/admin/${agencyCode}/settings`;
const catalog = `/admin/${agencyCode}/catalog`;

async function signIn(app: Awaited<ReturnType<typeof demoApp>>, role: string) {
  const client = new TestClient(app);
  const res = await client.login(`xfj-${role}`, demoPassword);
  assert.equal(res.status, 303, `xfj-${role} signs in`);
  return client;
}

/** The chain form's fields for these steps (blank rows are simply not sent). */
function chainFields(steps: [string, string][]) {
  const fields: Record<string, string> = {};
  steps.forEach(([label, role], i) => {
    fields[`label.${i}`] = label;
    fields[`role.${i}`] = role;
  });
  return fields;
}

const fourSteps: [string, string][] = [
  ['股室拟稿', 'drafter'],
  ['分管领导审核', 'reviewer'],
  ['办公室负责人审核', 'office'],
  ['办公室发布', 'office'],
];

/** A drafter's new item in 工作动态, submitted for review; returns its back-office path. */
async function submittedItem(drafter: TestClient, title: string) {
  const form = await (await drafter.get(`${catalog}/new`)).text();
  const gzdt = /<option value="(\d+)">工作动态[^<]*<\/option>/.exec(form)![1];
  const created = await drafter.post(`${catalog}/new`, {
    categoryId: gzdt,
    title,
    madeOn: '2024-05-06',
    issuer: '湘潭县信访局',
    body: '组织开展业务培训。',
  });
  assert.equal(created.status, 303);
  const item = created.headers.get('location')!;
  await drafter.get(item);
  assert.equal((await drafter.post(`${item}/submit`, {})).status, 303);
  return item;
}

describeEachDatabase(
  'settings: review chain and categories',
  (database) => {
    test('a step added to the chain becomes a step of the review flow, and is audited', async () => {
      const app = await demoApp(database());
      const admin = await signIn(app, 'admin');
      const page = await (await admin.get(`${settings}/review-chain`)).text();
      assert.match(page, /value="分管领导审核"/);
      const five: [string, string][] = [
        ['股室拟稿', 'drafter'],
        ['分管领导审核', 'reviewer'],
        ['主要领导审签', 'admin'],
        ['办公室负责人审核', 'office'],
        ['办公室发布', 'office'],
      ];
      const saved = await admin.post(`${settings}/review-chain`, chainFields(five));
      assert.equal(saved.status, 303);
      const shown = await (await admin.get(saved.headers.get('location')!)).text();
      assert.match(shown, /已保存/);
      assert.match(shown, /value="主要领导审签"/);

      const agency = (await findAgencyByCode(database().db, agencyCode))!;
      const [entry] = await listAudit(database().db, {
        agencyId: agency.id,
        action: 'settings.review-chain',
      });
      const details = entry.details as { before: { label: string }[]; after: { label: string }[] };
      assert.deepEqual(
        details.before.map((s) => s.label),
        fourSteps.map(([l]) => l),
      );
      assert.deepEqual(
        details.after.map((s) => s.label),
        five.map(([l]) => l),
      );

      const drafter = await signIn(app, 'drafter');
      const item = await submittedItem(drafter, '县信访局开展业务培训');
      const reviewer = await signIn(app, 'reviewer');
      await reviewer.get(item);
      assert.equal((await reviewer.post(`${item}/approve`, { step: '1' })).status, 303);
      const list = await (await admin.get(`${catalog}?status=review`)).text();
      assert.match(list, /待主要领导审签/);
      const office = await signIn(app, 'office');
      await office.get(item);
      assert.equal(
        (await office.post(`${item}/approve`, { step: '2' })).status,
        422,
        "the new step is the admin's, not the office's",
      );
      assert.equal((await admin.post(`${item}/approve`, { step: '2' })).status, 303);
      await office.get(item);
      assert.equal((await office.post(`${item}/approve`, { step: '3' })).status, 303);
      assert.equal(
        (await office.post(`${item}/confidentiality`, { conclusion: 'public', note: '不涉密' }))
          .status,
        303,
      );
      const publisher = await signIn(app, 'publisher');
      await publisher.get(item);
      assert.equal((await publisher.post(`${item}/approve`, { step: '4' })).status, 303);
      const done = await (await office.get(item)).text();
      assert.match(done, /已发布/);
      assert.match(done, /主要领导审签/, 'the trail names the new step');
    });

    test('while an item is in review only labels may change; it carries on after', async () => {
      const app = await demoApp(database());
      const db = database().db;
      const agency = (await findAgencyByCode(db, agencyCode))!;
      const before = await getReviewChain(db, agency.id);
      const admin = await signIn(app, 'admin');
      const drafter = await signIn(app, 'drafter');
      const item = await submittedItem(drafter, '县信访局召开工作例会');

      await admin.get(`${settings}/review-chain`);
      const refused = await admin.post(`${settings}/review-chain`, chainFields(fourSteps));
      assert.equal(refused.status, 422);
      const text = await refused.text();
      assert.match(text, /有1条信息正在审核中/);
      assert.match(text, /name="label.3" value="办公室发布"/, 'what was typed is shown again');
      assert.doesNotMatch(text, /name="label.4" value="[^"]/);
      assert.deepEqual(await getReviewChain(db, agency.id), before, 'nothing saved');

      const relabelled = before.map((s, i) => [i === 1 ? '分管领导审批' : s.label, s.role]) as [
        string,
        string,
      ][];
      assert.equal(
        (await admin.post(`${settings}/review-chain`, chainFields(relabelled))).status,
        303,
      );
      const list = await (await admin.get(`${catalog}?status=review`)).text();
      assert.match(list, /待分管领导审批/);
      const reviewer = await signIn(app, 'reviewer');
      await reviewer.get(item);
      assert.equal(
        (await reviewer.post(`${item}/reject`, { step: '1', comment: '请补充' })).status,
        303,
      );

      // Nothing in review any more: the structural change goes through.
      assert.equal(
        (await admin.post(`${settings}/review-chain`, chainFields(fourSteps))).status,
        303,
      );
      assert.deepEqual(
        (await getReviewChain(db, agency.id)).map((s) => [s.label, s.role]),
        fourSteps,
      );
    });

    test('an invalid chain is shown again with the Chinese error and what was typed', async () => {
      const app = await demoApp(database());
      const admin = await signIn(app, 'admin');
      await admin.get(`${settings}/review-chain`);
      const noDrafter = await admin.post(
        `${settings}/review-chain`,
        chainFields([
          ['领导审核', 'reviewer'],
          ['办公室发布', 'office'],
        ]),
      );
      assert.equal(noDrafter.status, 422);
      const text = await noDrafter.text();
      assert.match(text, /审核流程的第一步应为拟稿（拟稿人）/);
      assert.match(text, /name="label.0" value="领导审核"/);

      const badRole = await admin.post(`${settings}/review-chain`, {
        ...chainFields(fourSteps),
        'role.2': 'handler',
        'label.3': '发'.repeat(31),
      });
      assert.equal(badRole.status, 422);
      const bad = await badRole.text();
      assert.match(bad, /<span class="field-error" id="role.2-error">请选择承办角色<\/span>/);
      assert.match(bad, /<span class="field-error" id="label.3-error">步骤名称不超过30字<\/span>/);
      assert.match(bad, /value="发{31}"/);

      const tooShort = await admin.post(`${settings}/review-chain`, {});
      assert.equal(tooShort.status, 422);
      assert.match(await tooShort.text(), /审核流程至少包括拟稿和发布两步/);
    });

    test('a renamed or moved category appears so on the portal; add, order and delete', async () => {
      const app = await demoApp(database());
      const db = database().db;
      const agency = (await findAgencyByCode(db, agencyCode))!;
      const categories = await listCategories(db, agency.id);
      const gzdt = categories.find((c) => c.slug === 'gzdt')!;
      const admin = await signIn(app, 'admin');
      const page = await (await admin.get(`${settings}/categories`)).text();
      assert.match(page, /工作动态/);

      const renamed = await admin.post(`${settings}/categories/update`, {
        id: String(gzdt.id),
        name: '工作动态与要闻',
        column: 'statutory',
      });
      assert.equal(renamed.status, 303);
      const visitor = new TestClient(app);
      const statutory = await (await visitor.get(`/a/${agencyCode}/statutory`)).text();
      assert.match(statutory, />工作动态与要闻<\/a>/);
      const categoryPage = await (await visitor.get(`/a/${agencyCode}/catalog/gzdt`)).text();
      assert.match(categoryPage, /<h1>工作动态与要闻<\/h1>/);
      assert.match(categoryPage, /共 \d+ 条/);

      const [audited] = await listAudit(db, {
        agencyId: agency.id,
        action: 'settings.category.update',
      });
      assert.deepEqual(
        [
          (audited.details as { before: { name: string } }).before.name,
          (audited.details as { after: { name: string } }).after.name,
        ],
        ['工作动态', '工作动态与要闻'],
      );

      const tzgg = categories.find((c) => c.slug === 'tzgg')!;
      await admin.post(`${settings}/categories/update`, {
        id: String(tzgg.id),
        name: tzgg.name,
        column: 'rules',
      });
      const rules = await (await visitor.get(`/a/${agencyCode}/rules`)).text();
      assert.match(rules, />通知公告<\/a>/);
      assert.doesNotMatch(
        await (await visitor.get(`/a/${agencyCode}/statutory`)).text(),
        />通知公告<\/a>/,
      );

      const added = await admin.post(`${settings}/categories`, {
        name: '信访工作制度',
        column: 'rules',
        slug: 'xfzd',
      });
      assert.equal(added.status, 303);
      const order = async () => {
        const text = await (await visitor.get(`/a/${agencyCode}/rules`)).text();
        return [...text.matchAll(/<h2 id="cat-([a-z0-9-]+)">/g)].map((m) => m[1]);
      };
      assert.deepEqual(await order(), ['rules', 'tzgg', 'xfzd']);
      const created = (await listCategories(db, agency.id)).find((c) => c.slug === 'xfzd')!;
      assert.equal(
        (
          await admin.post(`${settings}/categories/move`, {
            id: String(created.id),
            direction: 'up',
          })
        ).status,
        303,
      );
      assert.deepEqual(await order(), ['rules', 'xfzd', 'tzgg']);
      await admin.post(`${settings}/categories/move`, { id: String(created.id), direction: 'up' });
      assert.deepEqual(await order(), ['xfzd', 'rules', 'tzgg']);

      const refused = await admin.post(`${settings}/categories/delete`, { id: String(gzdt.id) });
      assert.equal(refused.status, 422);
      assert.match(
        await refused.text(),
        /分类“工作动态与要闻”下有\d+条信息（含草稿、已撤回的），不能删除/,
      );
      assert.ok((await listCategories(db, agency.id)).some((c) => c.id === gzdt.id));

      assert.equal(
        (await admin.post(`${settings}/categories/delete`, { id: String(created.id) })).status,
        303,
      );
      assert.deepEqual(await order(), ['rules', 'tzgg']);
      assert.equal((await visitor.get(`/a/${agencyCode}/catalog/xfzd`)).status, 404);
    });

    test('invalid category input keeps what was typed; the last 年报 category stays', async () => {
      const app = await demoApp(database());
      const db = database().db;
      const agency = (await findAgencyByCode(db, agencyCode))!;
      const admin = await signIn(app, 'admin');
      await admin.get(`${settings}/categories`);

      const short = await admin.post(`${settings}/categories`, {
        name: '财',
        column: 'statutory',
        slug: 'Cai Zheng',
      });
      assert.equal(short.status, 422);
      const text = await short.text();
      assert.match(text, /id="name-error">分类名称为2至30个字</);
      assert.match(text, /id="slug-error">网址名以小写字母开头/);
      assert.match(text, /name="slug" type="text" value="Cai Zheng"/);

      const taken = await admin.post(`${settings}/categories`, {
        name: '新的分类',
        column: 'statutory',
        slug: 'gzdt',
      });
      assert.equal(taken.status, 422);
      const takenText = await taken.text();
      assert.match(takenText, /网址名“gzdt”已被本单位的其他分类使用/);
      assert.match(takenText, /name="name" type="text" value="新的分类"/);

      const annual = (await listCategories(db, agency.id)).filter((c) => c.column === 'reports');
      assert.equal(annual.length, 1);
      const moved = await admin.post(`${settings}/categories/update`, {
        id: String(annual[0].id),
        name: '年度报告',
        column: 'statutory',
      });
      assert.equal(moved.status, 422);
      const movedText = await moved.text();
      assert.match(movedText, /“政府信息公开年报”栏目至少要保留一个分类/);
      assert.match(movedText, /value="年度报告"/, 'the typed name is shown again');

      const other = await (await findAgencyByCode(db, 'xiangtan'))!;
      const foreign = (await listCategories(db, other.id))[0];
      const elsewhere = await admin.post(`${settings}/categories/update`, {
        id: String(foreign.id),
        name: '改别人的分类',
        column: 'statutory',
      });
      assert.equal(elsewhere.status, 422, "another agency's category is not found");
      assert.match(await elsewhere.text(), /该分类不存在/);
      assert.equal((await listCategories(db, other.id))[0].name, foreign.name);
    });
  },
  { demo: true },
);
