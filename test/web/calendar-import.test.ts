/**
 * The visible test of the event store's reproject: a holiday notice makes a working day a rest
 * day, and every page that shows a stored due date shows the new one at once — the staff case
 * list and its overdue count, the case page, the portal tracking page. 信访 periods are calendar
 * days without rollover, so the petition pages must show the same (re-derived) dates as before.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { derive } from '../../src/cases/derive.ts';
import type { CaseEvent } from '../../src/cases/events.ts';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { loadCalendar } from '../../src/db/calendar.ts';
import { importWorkdaySchedule } from '../../src/db/calendarImport.ts';
import { findApplication, loadCase, submitApplication } from '../../src/db/cases.ts';
import { getPetition, registerPetition } from '../../src/db/petitions.ts';
import { demoPassword } from '../../src/demo/load.ts';
import type { Calendar } from '../../src/law/calendar.ts';
import { fromDayNumber, type IsoDate, toDayNumber, todayInChina } from '../../src/law/date.ts';
import { demoApp } from '../support/app.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

const CASES = '/admin/xiangtan-xfj/cases';
const PETITIONS = '/admin/xiangtan-xfj/petitions';
const PORTAL = '/a/xiangtan-xfj';
const PHONE = '13512340567';

const opened = (on: IsoDate): CaseEvent[] => [
  { type: 'Submitted', on, channel: 'in-person' },
  { type: 'Received', on },
];

/** The latest receipt day whose reply due is already past: the case is just overdue. */
function justOverdue(calendar: Calendar, today: IsoDate): { received: IsoDate; due: IsoDate } {
  for (let day = toDayNumber(today); ; day--) {
    const received = fromDayNumber(day);
    if (!calendar.isWorkday(received)) continue;
    const due = derive(calendar, opened(received)).clock?.due as IsoDate;
    if (due < today) return { received, due };
  }
}

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
      const res = await visitor.post(`${PORTAL}/track`, {
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
      const calendar = await loadCalendar(db);
      const { received, due } = justOverdue(calendar, today);
      holiday = calendar.addWorkdays(received, 2);
      ({ id: caseId, queryCode } = await submitApplication(db, {
        agencyId: agency.id,
        channel: 'in-person',
        submittedOn: received,
        receivedOn: received,
        applicantType: 'np',
        applicant: { kind: 'person', name: '节假日测试', phone: PHONE },
        request: { description: '节假日调整后的答复期限', form: '纸质', delivery: '自取' },
      }));
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
      assert.match(await tracked(), new RegExp(`<dd>${was.due}</dd>`));
    });

    test('after the notice every page shows the new due date and the case is no longer overdue', async () => {
      const db = database().db;
      const year = Number(holiday.slice(0, 4));
      const kept = (await loadCalendar(db)).exceptions(year).map((d) => ({
        day: d.date,
        workday: d.workday,
        name: d.name,
      }));
      await importWorkdaySchedule(db, year, '测试：关于调整放假安排的补充通知', [
        ...kept,
        { day: holiday, workday: false, name: '临时放假' },
      ]);
      const calendar = await loadCalendar(db);
      const due = calendar.addWorkdays(was.due, 1);
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
      assert.match(track, new RegExp(`<dd>${due}</dd>`));
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
