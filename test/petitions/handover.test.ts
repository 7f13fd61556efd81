import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { findAgencyByCode, upsertAgency } from '../../src/db/agencies.ts';
import { appendEvent, submitApplication } from '../../src/db/cases.ts';
import { createPetitionFromApplication } from '../../src/db/petitionHandover.ts';
import { findPetitionByApplication, getPetition } from '../../src/db/petitions.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { todayInChina } from '../../src/law/date.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const today = todayInChina();

async function application(
  db: Parameters<typeof submitApplication>[0],
  agencyId: number,
  decision: 'petition' | 'disclose',
) {
  const { id } = await submitApplication(
    db,
    {
      agencyId,
      channel: 'online',
      submittedOn: today,
      receivedOn: today,
      applicantType: 'np',
      applicant: { kind: 'person', name: '吴十', phone: '13600001234', address: '湘潭县射埠镇' },
      request: {
        description: '请公开对某村支书违规建房问题的查处情况并严肃处理。',
        form: '电子',
        delivery: '电子邮件',
      },
    },
    { today },
  );
  await appendEvent(
    db,
    id,
    { type: 'Decided', on: today, decision, text: '请通过信访渠道反映' },
    { today },
  );
  return id;
}

describeEachDatabase(
  'n1 hand-over from the case page',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    let agencyId = 0;
    before(async () => {
      app = await demoApp(database());
      agencyId = (await findAgencyByCode(database().db, 'xiangtan-xfj'))!.id;
    });

    const handler = async () => {
      const client = new TestClient(app);
      await client.login('xfj-handler', demoPassword);
      return client;
    };

    test('an n1 case shows the button; one click creates the petition, linked both ways; again opens it', async () => {
      const db = database().db;
      const id = await application(db, agencyId, 'petition');
      const client = await handler();
      const casePage = await (await client.get(`/admin/xiangtan-xfj/cases/${id}`)).text();
      assert.match(
        casePage,
        new RegExp(`action="/admin/xiangtan-xfj/petitions/from-application/${id}"`),
      );

      const first = await client.post(`/admin/xiangtan-xfj/petitions/from-application/${id}`, {});
      assert.equal(first.status, 303);
      const location = first.headers.get('location')!;
      const petitionId = Number(location.split('/').pop());
      const petition = (await getPetition(db, agencyId, petitionId))!;
      assert.equal(petition.row.sourceApplicationId, id);
      assert.equal((await findPetitionByApplication(db, id))?.id, petitionId);
      assert.equal(petition.petitioners[0].name, '吴十');
      assert.equal(petition.row.channel, 'online');
      assert.equal(petition.row.receivedOn, today);

      await client.get(`/admin/xiangtan-xfj/cases/${id}`);
      const again = await client.post(`/admin/xiangtan-xfj/petitions/from-application/${id}`, {});
      assert.equal(again.headers.get('location'), location);
      const page = await (await client.get(location)).text();
      assert.match(page, new RegExp(`由政府信息公开申请（编号 ${id}）转入`));
    });

    test('simultaneous hand-overs create one petition and both get it', async () => {
      const db = database().db;
      const id = await application(db, agencyId, 'petition');
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          createPetitionFromApplication(db, { applicationId: id, receivedOn: today }),
        ),
      );
      assert.equal(new Set(results.map((r) => r.id)).size, 1);
      assert.equal(results.filter((r) => r.created).length, 1);
    });

    test('other outcomes have no button and are refused', async () => {
      const db = database().db;
      const id = await application(db, agencyId, 'disclose');
      const client = await handler();
      const casePage = await (await client.get(`/admin/xiangtan-xfj/cases/${id}`)).text();
      assert.doesNotMatch(casePage, /from-application/);
      const res = await client.post(`/admin/xiangtan-xfj/petitions/from-application/${id}`, {});
      assert.equal(res.status, 400);
      assert.match(await res.text(), /只有决定为“信访举报投诉类申请”/);
      assert.equal(await findPetitionByApplication(db, id), undefined);
    });

    test("another agency's application is not found, and the auditor may not hand over", async () => {
      const db = database().db;
      const other = await upsertAgency(db, { code: 'other-dept', name: '其他部门' });
      const foreign = await application(db, other.id, 'petition');
      const client = await handler();
      await client.get('/admin/xiangtan-xfj/petitions');
      assert.equal(
        (await client.post(`/admin/xiangtan-xfj/petitions/from-application/${foreign}`, {})).status,
        404,
      );
      const own = await application(db, agencyId, 'petition');
      const auditor = new TestClient(app);
      await auditor.login('xfj-auditor', demoPassword);
      const casePage = await (await auditor.get(`/admin/xiangtan-xfj/cases/${own}`)).text();
      assert.doesNotMatch(casePage, /from-application/);
      assert.equal(
        (await auditor.post(`/admin/xiangtan-xfj/petitions/from-application/${own}`, {})).status,
        403,
      );
      assert.equal(await findPetitionByApplication(db, own), undefined);
    });
  },
  { demo: true },
);
