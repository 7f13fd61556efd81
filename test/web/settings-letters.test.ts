/**
 * /admin/:agency/settings/letters: the 复议机关, the court and the letter-number template that
 * every reply letter of the agency carries.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { lastLetterSerial } from '../../src/db/agencyLetters.ts';
import { listAudit } from '../../src/db/audit.ts';
import { appendEvent, letterContent, lettersOf, submitApplication } from '../../src/db/cases.ts';
import type { Db } from '../../src/db/database.ts';
import { letters } from '../../src/db/schema/cases.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const agencyCode = 'xiangtan-xfj';
const page = `/admin/${agencyCode}/settings/letters`;

describeEachDatabase(
  'settings: reply letters (复议机关, court, letter numbers)',
  (database) => {
    test('defaults, a saved setting on the next letter, a bad template refused', async () => {
      const app = await demoApp(database());
      const db = database().db;
      const admin = new TestClient(app);
      assert.equal((await admin.login('xfj-admin', demoPassword)).status, 303);
      const shown = await (await admin.get(page)).text();
      assert.match(shown, /不填则为“湘潭县人民政府”/);
      assert.match(shown, /先自收到本答复之日起60日内向湘潭县人民政府申请行政复议/);

      const bad = await admin.post(page, {
        reconsiderationBody: '',
        court: '',
        letterNumberTemplate: '湘信访〔{year}〕号',
        proactivePromptApplicants: '3',
      });
      assert.equal(bad.status, 422);
      const badText = await bad.text();
      assert.match(badText, /文号模板须含且只含一个\{n\}（序号）/);
      assert.match(badText, /value="湘信访〔\{year\}〕号"/, 'what was typed is kept');

      const saved = await admin.post(page, {
        reconsiderationBody: '',
        court: '湘潭县人民法院',
        letterNumberTemplate: '湘信访依申复〔{year}〕{n}号',
        proactivePromptApplicants: '3',
        holdProvisionalLetters: 'on',
      });
      assert.equal(saved.status, 303);
      const agency = (await findAgencyByCode(db, agencyCode))!;
      assert.equal(agency.court, '湘潭县人民法院');
      assert.equal(agency.holdProvisionalLetters, true);
      assert.match(
        await (await admin.get(page)).text(),
        /name="holdProvisionalLetters" value="on" checked/,
      );
      const [entry] = await listAudit(db, { agencyId: agency.id, action: 'settings.letters' });
      assert.deepEqual(entry.details, {
        before: { court: null, letterNumberTemplate: null, holdProvisionalLetters: false },
        after: {
          court: '湘潭县人民法院',
          letterNumberTemplate: '湘信访依申复〔{year}〕{n}号',
          holdProvisionalLetters: true,
        },
      });

      const today = '2026-03-10';
      const { id } = await submitApplication(
        db,
        {
          agencyId: agency.id,
          channel: 'in-person',
          submittedOn: '2026-03-02',
          receivedOn: '2026-03-02',
          applicantType: 'np',
          applicant: { kind: 'person', name: '王五', phone: '13800000000' },
          request: { description: '某项目批复', form: '纸质', delivery: '邮寄' },
        },
        { today },
      );
      const before = await lastLetterSerial(db, agency.id, 2026);
      await appendEvent(
        db,
        id,
        {
          type: 'Decided',
          on: '2026-03-09',
          decision: 'internal-affairs',
          text: '属于内部人事管理信息',
        },
        { today },
      );
      const [letter] = (await lettersOf(db, id)).slice(-1);
      assert.equal(letter.number, `湘信访依申复〔2026〕${before + 1}号`);
      assert.equal(letter.title, '政府信息不予公开告知书');
      const docx = await letterContent(db, id, letter.id);
      const text = (await mammoth.extractRawText({ buffer: docx!.content })).value;
      assert.match(text, /理由：属于内部人事管理信息/);
      assert.match(text, /应当先自收到本答复之日起60日内向湘潭县人民政府申请行政复议/);
      assert.match(text, /15日内向湘潭县人民法院提起行政诉讼/);
    });

    test('letter numbers never repeat: the database refuses a second letter with the same serial', async () => {
      const db = database().db;
      const agency = (await findAgencyByCode(db, agencyCode))!;
      const existing = await lettersNumbered(db, agency.id);
      assert.ok(existing.length > 0, 'the demo issued numbered letters');
      const first = existing[0];
      await assert.rejects(
        db.execute(
          sql`insert into letters (application_id, event_seq, kind, title, content, agency_id, year, serial, number)
              values (${first.applicationId}, 999, 'decision', 't', '\\x00'::bytea, ${agency.id}, ${first.year}, ${first.serial}, 'other')`,
        ),
        (e: Error) => /letters_number_serial/.test(String((e.cause as Error | undefined)?.message)),
      );
      const keys = existing.map((l) => `${l.year}/${l.serial}`);
      assert.equal(new Set(keys).size, keys.length);
    });
  },
  { demo: true },
);

async function lettersNumbered(db: Db, agencyId: number) {
  return db
    .select({ applicationId: letters.applicationId, year: letters.year, serial: letters.serial })
    .from(letters)
    .where(eq(letters.agencyId, agencyId));
}
