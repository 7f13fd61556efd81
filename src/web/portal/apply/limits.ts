/**
 * Per client address; the bench raises them. Tracking is limited by address only, never per
 * query code: a count per code would let anyone who knows a code lock its applicant out.
 */
export const publicLimits = {
  apply: { limit: 10, windowMs: 60 * 60 * 1000 },
  track: { limit: 20, windowMs: 10 * 60 * 1000 },
};
