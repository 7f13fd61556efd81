/** What staff may do next: the event types whose row in the event table offers them now. */

import type { CaseEventType } from './events.ts';
import { CASE_EVENTS } from './eventTable.ts';
import type { CaseState } from './state.ts';

const TYPES = Object.keys(CASE_EVENTS) as CaseEventType[];

/** The event types that may be appended to a case in this state, in the table's order (dates are checked separately). */
export function allowedActions(state: CaseState): CaseEventType[] {
  return TYPES.filter((type) => CASE_EVENTS[type].offered(state));
}
