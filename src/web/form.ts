import type { Context } from 'hono';
import type { z } from 'zod';

export type FormResult<T> =
  | { ok: true; data: T; raw: Record<string, string> }
  | { ok: false; errors: Record<string, string>; raw: Record<string, string> };

/**
 * Validates a submitted form with zod. On failure it returns the Chinese message per field
 * and what was typed, so the form can be shown again without losing anything.
 */
export async function parseForm<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<FormResult<z.infer<S>>> {
  const body = await c.req.parseBody();
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') raw[key] = value;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, raw };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, raw };
}
