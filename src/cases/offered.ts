/**
 * The states in which staff may record an event, named once and combined by the event table's
 * `offered` rules (`eventTable.ts`).
 */
import { type CaseState, isUndecided } from './state.ts';

export const received = (s: CaseState): boolean => s.receivedOn !== null;

/** Not received yet and not withdrawn: the receipt can still be confirmed. */
export const awaitingReceipt = (s: CaseState): boolean => !received(s) && !s.withdrawn;

/** Received and not yet answered. */
export const open = (s: CaseState): boolean => received(s) && isUndecided(s);

/** An open 更正 request (Art. 41): no clock events of its own, only 补正 and the answer. */
export const openCorrection = (s: CaseState): boolean => open(s) && s.kind === 'correction';

/** An open disclosure request, with the reply clock's events. */
export const openDisclosure = (s: CaseState): boolean => open(s) && s.kind !== 'correction';

export const awaitingSupplement = (s: CaseState): boolean => s.supplement === 'requested';

/** An open disclosure request the applicant is not asked to supplement. */
export const processing = (s: CaseState): boolean => openDisclosure(s) && !awaitingSupplement(s);

/** Consultation, fee, extension or deferral under way: too late for a 补正 notice. */
export const processingStarted = (s: CaseState): boolean =>
  s.consultations.length > 0 || s.feeNotified || s.extendedWorkdays > 0 || s.deferredTo !== null;

/** Received and answered (or closed otherwise). */
export const answered = (s: CaseState): boolean => received(s) && !isUndecided(s);

/** Corrected appeals over a decision that have no 重新答复 yet. */
export function redecisionDue(state: CaseState): string[] {
  return state.appeals
    .filter((a) => a.outcome === 'corrected' && a.against === 'decision')
    .filter((a) => !state.redecisions.some((r) => r.appealId === a.id))
    .map((a) => a.id);
}
