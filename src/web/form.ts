import type { Context } from 'hono';
import { z } from 'zod';
import { normaliseText } from './security/inputText.ts';

// Validation messages people see are Chinese, including zod's own (type, size, enum).
z.config(z.locales.zhCN());

export type FormResult<T> =
  | { ok: true; data: T; raw: Record<string, string> }
  | { ok: false; errors: Record<string, string>; raw: Record<string, string> };

/** A form shown again: what was typed, the message per field, and a message for the whole form. */
export interface FormState {
  raw: Record<string, string>;
  errors: Record<string, string>;
  message?: string | null;
}

/** Passwords are compared as typed; every other field is normalised before validation. */
const verbatim = /password/i;

/** The text fields of a submitted form (files are read by their own routes), normalised. */
export async function formFields(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '__proto__') continue;
    if (typeof value === 'string') raw[key] = verbatim.test(key) ? value : normaliseText(value);
  }
  return raw;
}

/**
 * Validates a submitted form with zod. On failure it returns the Chinese message per field
 * and what was typed, so the form can be shown again without losing anything.
 */
export async function parseForm<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<FormResult<z.infer<S>>> {
  const raw = await formFields(c);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, raw };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, raw };
}
