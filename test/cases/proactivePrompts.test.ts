/** Art. 44 prompts on both databases: grouped by applicants, dismissed with a reason, or drafted. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { upsertAgency } from '../../src/db/agencies.ts';
import { listAudit } from '../../src/db/audit.ts';
import { submitApplication } from '../../src/db/cases.ts';
import {
  dismissProactivePrompt,
  draftFromProactivePrompt,
  proactivePrompts,
} from '../../src/db/proactivePrompts.ts';
import { getPublication } from '../../src/db/publications/read.ts';
import { createUser } from '../../src/db/users.ts';
import { describeEachDatabase } from '../support/databases.ts';

const today = '2025-12-31';

describeEachDatabase('Art. 44 prompts', (database) => {
  test('three applicants asking for the same information make a prompt; dismissal and draft are audited', async () => {
    const { db } = database();
    const agency = await upsertAgency(db, { code: 'art44-a', name: '某县自然资源局' });
    const ask = (name: string, phone: string, description: string, on = '2025-04-01') =>
      submitApplication(
        db,
        {
          agencyId: agency.id,
          channel: 'in-person',
          submittedOn: on,
          receivedOn: on,
          applicantType: 'np',
          applicant: {
            kind: 'person',
            name,
            idType: '居民身份证',
            idNumber: '11010519491231002X',
            phone,
          },
          request: { description, form: '纸质', delivery: '邮寄' },
        },
        { today },
      );
    const plan = '某小区拆迁补偿安置方案';
    const a = await ask('张三', '13800000001', plan);
    const b = await ask('李四', '13800000002', `请公开${plan}。`);
    await ask('王五', '13800000003', '2025年土地出让收入');
    assert.deepEqual(await proactivePrompts(db, agency, 2025), [], 'two applicants: no prompt');
    const c = await ask('赵六', '13800000004', `${plan}的全文`);
    await ask('钱七', '13800000005', plan, '2024-11-01'); // another year
    const [prompt, ...more] = await proactivePrompts(db, agency, 2025);
    assert.equal(more.length, 0);
    assert.deepEqual(prompt.ids, [a.id, b.id, c.id]);
    assert.equal(prompt.applicants, 3);

    const user = await createUser(db, { username: 'art44-office', password: 'Passw0rd-art44' });
    const actor = { userId: user.id, roles: ['office' as const, 'drafter' as const] };
    await assert.rejects(
      dismissProactivePrompt(db, agency, 2025, prompt.ids, ' 不 ', actor),
      /至少4个字/,
    );
    await assert.rejects(
      dismissProactivePrompt(db, agency, 2025, [a.id, b.id], '只涉及个别住户', actor),
      /该提示已处理或已变化/,
    );
    const publicationId = await draftFromProactivePrompt(db, agency, 2025, prompt.ids, actor);
    const draft = await getPublication(db, agency.id, publicationId);
    assert.equal(draft?.status, 'draft');
    assert.equal(draft?.title, plan);
    assert.match(draft?.summary ?? '', /3位申请人.*第四十四条/);
    assert.ok(draft?.body.includes(`/admin/art44-a/cases/${c.id}`), 'links back to the cases');
    assert.equal(
      (await listAudit(db, { agencyId: agency.id, action: 'cases.proactive.draft' })).length,
      1,
    );

    await dismissProactivePrompt(db, agency, 2025, prompt.ids, '已在征收公告中公开', actor);
    assert.deepEqual(await proactivePrompts(db, agency, 2025), []);
    const [entry] = await listAudit(db, { agencyId: agency.id, action: 'cases.proactive.dismiss' });
    assert.deepEqual(entry.details, { year: 2025, reason: '已在征收公告中公开' });

    const d = await ask('孙八', '13800000006', plan, '2025-05-01');
    const [again] = await proactivePrompts(db, agency, 2025);
    assert.deepEqual(again.ids, [a.id, b.id, c.id, d.id], 'a new request makes the prompt again');
  });
});
