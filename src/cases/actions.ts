/** What staff may do next: one action per event type, offered only when the state allows it. */
import type { CaseEventType } from './events.ts';
import { type CaseState, isUndecided } from './state.ts';

/** The event types that may be appended to a case in this state (dates are checked separately). */
export function allowedActions(state: CaseState): CaseEventType[] {
  const out: CaseEventType[] = [];
  const undecided = isUndecided(state);
  if (state.status !== 'archived') out.push('Assigned', 'FileAttached');
  if (state.receivedOn === null) {
    if (!state.withdrawn) out.push('Received', 'Withdrawn');
    return out;
  }
  if (undecided && state.kind === 'correction') {
    // Art. 41 has no clock events of its own: 补正 where the request is unclear, then the answer.
    if (state.supplement === 'none') out.push('SupplementRequested');
    if (state.supplement === 'requested') out.push('SupplementReceived');
    else out.push('CorrectionDecided');
    out.push('Withdrawn');
  } else if (undecided) {
    const awaitingSupplement = state.supplement === 'requested';
    const processingStarted =
      state.consultations.length > 0 ||
      state.feeNotified ||
      state.extendedWorkdays > 0 ||
      state.deferredTo !== null;
    if (state.supplement === 'none' && !processingStarted) out.push('SupplementRequested');
    if (awaitingSupplement) out.push('SupplementReceived');
    if (!awaitingSupplement) {
      out.push('ConsultationSent');
      // Art. 33 extensions end once an Art. 35 deadline is set (the law core refuses them).
      if (state.extendedWorkdays < 20 && state.deferredTo === null) out.push('Extension');
      if (state.reasons?.finding === 'reasonable') out.push('Deferral');
      if (!state.feeOpen) out.push('ProcessingFeeNotified');
      if (state.reasons === null) out.push('ReasonsRequested');
    }
    if (state.reasons !== null && state.reasons.finding === null) out.push('ReasonsAssessed');
    if (state.consultations.some((c) => c.objection && c.party === 'third-party' && !c.notice)) {
      out.push('ThirdPartyNotified');
    }
    if (state.consultations.some((c) => c.notice && c.notice.servedOn === null)) {
      out.push('ThirdPartyNoticeServed');
    }
    if (state.consultations.some((c) => c.repliedOn === null)) out.push('ConsultationReplied');
    if (state.feeOpen) out.push('ProcessingFeePaid');
    if (state.feeOpen && state.feeDeliveredOn === null) out.push('ProcessingFeeNoticeDelivered');
    out.push('Decided', 'Withdrawn');
  } else if (state.status === 'decided') {
    out.push('Served');
  } else if (state.status === 'closed') {
    out.push('Archived');
  }
  // An undecided case can be appealed as 不答复 (the derive checks the reply deadline passed).
  if (!state.withdrawn) out.push('AppealFiled');
  if (state.appeals.some((a) => a.closedOn === null)) out.push('AppealClosed');
  if (
    !undecided &&
    !state.withdrawn &&
    state.kind === 'disclosure' &&
    redecisionDue(state).length > 0
  )
    out.push('Redecided');
  return out;
}

/** Corrected appeals over a decision that have no 重新答复 yet. */
export function redecisionDue(state: CaseState): string[] {
  return state.appeals
    .filter((a) => a.outcome === 'corrected' && a.against === 'decision')
    .filter((a) => !state.redecisions.some((r) => r.appealId === a.id))
    .map((a) => a.id);
}
