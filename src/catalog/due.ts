import type { Calendar } from '../law/calendar.ts';
import type { IsoDate } from '../law/date.ts';
import { publicationDue } from '../law/publication.ts';

/** Art. 26 status of an item: due 20 working days after it was made or last changed. */
export interface PublicationDueStatus {
  due: IsoDate;
  trace: string[];
  provisional: boolean;
  /** Published after the due date, or still unpublished and `today` is past it. */
  late: boolean;
}

export function publicationDueStatus(
  calendar: Calendar,
  item: { madeOn: IsoDate; changedOn: IsoDate | null; publishedOn: IsoDate | null },
  today: IsoDate,
): PublicationDueStatus {
  const from = item.changedOn ?? item.madeOn;
  const computed = publicationDue(calendar, from, item.changedOn ? 'changed' : 'made');
  const reference = item.publishedOn ?? today;
  return {
    due: computed.date,
    trace: computed.trace,
    provisional: computed.provisional,
    late: reference > computed.date,
  };
}
