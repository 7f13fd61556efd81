import { csrfField } from '../security/csrf.ts';

/** The hidden CSRF field every state-changing form must contain. */
export const CsrfField = ({ token }: { token: string }) => (
  <input type="hidden" name={csrfField} value={token} />
);
