/** A case that is just overdue, and a notice that makes one more day a holiday: for the reproject tests. */
import { derive } from '../../src/cases/derive.ts';
import type { CaseEvent } from '../../src/cases/events.ts';
import { loadCalendar } from '../../src/db/calendar.ts';
import { importWorkdaySchedule } from '../../src/db/calendarImport.ts';
import { submitApplication } from '../../src/db/cases.ts';
import type { Db } from '../../src/db/database.ts';
import { fromDayNumber, type IsoDate, toDayNumber, todayInChina } from '../../src/law/date.ts';

export const HOLIDAY_PHONE = '13512340567';

const opened = (on: IsoDate): CaseEvent[] => [
  { type: 'Submitted', on, channel: 'in-person' },
  { type: 'Received', on },
];

/**
 * An application received on the latest working day whose reply due has already passed, and a
 * working day inside its clock: once that day is a holiday, the due moves past today.
 */
export async function justOverdueCase(db: Db, agencyId: number) {
  const calendar = await loadCalendar(db);
  const today = todayInChina();
  for (let day = toDayNumber(today); ; day--) {
    const received = fromDayNumber(day);
    if (!calendar.isWorkday(received)) continue;
    const due = derive(calendar, opened(received)).clock?.due as IsoDate;
    if (due >= today) continue;
    const { id, queryCode } = await submitApplication(db, {
      agencyId,
      channel: 'in-person',
      submittedOn: received,
      receivedOn: received,
      applicantType: 'np',
      applicant: { kind: 'person', name: '节假日测试', phone: HOLIDAY_PHONE },
      request: { description: '节假日调整后的答复期限', form: '纸质', delivery: '自取' },
    });
    return { id, queryCode, received, due, holiday: calendar.addWorkdays(received, 2) };
  }
}

/** Imports the year's notice as loaded, plus `day` as a holiday; the new reply due of `due`. */
export async function importExtraHoliday(db: Db, day: IsoDate, due: IsoDate): Promise<IsoDate> {
  const year = Number(day.slice(0, 4));
  const kept = (await loadCalendar(db)).exceptions(year).map((d) => ({
    day: d.date,
    workday: d.workday,
    name: d.name,
  }));
  await importWorkdaySchedule(db, year, '测试：关于调整放假安排的补充通知', [
    ...kept,
    { day, workday: false, name: '临时放假' },
  ]);
  return (await loadCalendar(db)).addWorkdays(due, 1);
}
