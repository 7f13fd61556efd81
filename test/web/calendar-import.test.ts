/**
 * The visible test of the event store's reproject: a holiday notice makes a working day a rest
 * day, and every page that shows a stored due date shows the new one at once — the staff case
 * list and its overdue count, the case page, the portal tracking page. 信访 periods are calendar
 * days without rollover, so the petition pages must show the same (re-derived) dates as before.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { findApplication, loadCase } from '../../src/db/cases.ts';
import { getPetition, registerPetition } from '../../src/db/petitions.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { todayInChina } from '../../src/law/date.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { HOLIDAY_PHONE, importExtraHoliday, justOverdueCase } from '../support/holidayNotice.ts';

const CASES = '/admin/xiangtan-xfj/cases';
const PETITIONS = '/admin/xiangtan-xfj/petitions';
const PORTAL = '/a/xiangtan-xfj';
const PHONE = HOLIDAY_PHONE;

/** The list row (`<tr>…</tr>`) that links to `href`, or '' when the page has none. */
function rowOf(html: string, href: string): string {
  return html.split('<tr').find((tr) => tr.includes(`href="${href}"`)) ?? '';
}

describeEachDatabase(
  'a holiday notice moves every shown due date',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    let staff: TestClient;
    const today = todayInChina();
    let caseId = 0;
    let queryCode = '';
    let petitionId = 0;
    let petitionCode = '';
    let was = { due: '', overdue: 0 };
    let holiday = '';

    const overdueCount = async () => {
      const html = await (await staff.get('/admin/xiangtan-xfj')).text();
      return Number(html.match(/data-count="overdue">(\d+)</)?.[1]);
    };
    const tracked = async () => {
      const visitor = new TestClient(app);
      await visitor.get(`${PORTAL}/track`);
      const res = await visitor.submit(`${PORTAL}/track`, {
        code: queryCode,
        phone4: PHONE.slice(-4),
      });
      assert.equal(res.status, 200);
      return res.text();
    };

    before(async () => {
      app = await demoApp(database());
      const db = database().db;
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const made = await justOverdueCase(db, agency.id);
      ({ id: caseId, queryCode, holiday } = made);
      const { received, due } = made;
      ({ id: petitionId, queryCode: petitionCode } = await registerPetition(db, {
        agencyId: agency.id,
        channel: 'online',
        receivedOn: received,
        subject: '节假日测试信访',
        content: '测试节假日调整。',
        petitioners: [{ name: '节假日测试', phone: PHONE }],
      }));
      staff = new TestClient(app);
      await staff.login('xfj-handler', demoPassword);
      was = { due, overdue: await overdueCount() };
    });

    test('before the notice the case is overdue everywhere', async () => {
      assert.equal((await findApplication(database().db, caseId))?.replyDue, was.due);
      const list = await (await staff.get(`${CASES}?view=overdue`)).text();
      assert.match(rowOf(list, `${CASES}/${caseId}`), new RegExp(`<td>${was.due}</td>`));
      assert.match(await tracked(), new RegExp(`data-reply-due="${was.due}">${was.due}</dd>`));
    });

    test('after the notice every page shows the new due date and the case is no longer overdue', async () => {
      const db = database().db;
      const due = await importExtraHoliday(db, holiday, was.due);
      assert.equal((await loadCase(db, caseId))?.state.clock?.due, due, 'the re-derived due');
      assert.ok(due >= today);

      assert.equal((await findApplication(db, caseId))?.replyDue, due);
      assert.equal(await overdueCount(), was.overdue - 1);
      const overdue = await (await staff.get(`${CASES}?view=overdue`)).text();
      assert.equal(rowOf(overdue, `${CASES}/${caseId}`), '');
      const open = await (await staff.get(`${CASES}?view=due`)).text();
      assert.match(rowOf(open, `${CASES}/${caseId}`), new RegExp(`<td>${due}</td>`));
      const page = await (await staff.get(`${CASES}/${caseId}`)).text();
      assert.match(page, new RegExp(`data-reply-due="${due}"`));
      const track = await tracked();
      assert.match(track, new RegExp(`data-reply-due="${due}">${due}</dd>`));
      assert.doesNotMatch(track, new RegExp(was.due));
    });

    test('the petition pages show the re-derived due date (calendar days, no rollover)', async () => {
      const db = database().db;
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const detail = (await getPetition(db, agency.id, petitionId))!;
      const due = detail.clock.acceptance.due;
      assert.equal(detail.row.acceptanceDue, due);
      const list = await (await staff.get(PETITIONS)).text();
      assert.match(rowOf(list, `${PETITIONS}/${petitionId}`), new RegExp(due));
      assert.match(await (await staff.get(`${PETITIONS}/${petitionId}`)).text(), new RegExp(due));
      const visitor = new TestClient(app);
      await visitor.get(`${PORTAL}/petition/track`);
      const res = await visitor.post(`${PORTAL}/petition/track`, {
        code: petitionCode,
        phone4: PHONE.slice(-4),
      });
      assert.match(await res.text(), new RegExp(due));
    });
  },
  { demo: true },
);
