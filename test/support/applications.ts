/** Applications the tests start from: a person's application received today, and a 补正 asked of it. */
import { type Actor, appendEvent, type NewApplication } from '../../src/db/cases.ts';
import type { Db } from '../../src/db/database.ts';
import { fromDayNumber, type IsoDate, toDayNumber } from '../../src/law/date.ts';

/** A natural person's application received on the day it was submitted (in person unless `channel`). */
export function personApplication(
  agencyId: number,
  on: IsoDate,
  applicant: { name: string; phone: string },
  request: NewApplication['request'],
  channel: NewApplication['channel'] = 'in-person',
): NewApplication {
  return {
    agencyId,
    channel,
    submittedOn: on,
    receivedOn: on,
    applicantType: 'np',
    applicant: { kind: 'person', ...applicant },
    request,
  };
}

/** A 补正 notice sent `today` asking for `items`, to be answered within 10 days. */
export function requestSupplement(db: Db, id: number, today: IsoDate, items: string, actor: Actor) {
  const deadline = fromDayNumber(toDayNumber(today) + 10);
  return appendEvent(db, id, { type: 'SupplementRequested', on: today, deadline, items }, actor);
}
