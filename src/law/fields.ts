/**
 * Bounded form fields shared by every form (the case actions' schemas in `cases/`, the routes'):
 * record ids, dates, months, counts and amounts of money. Each refuses what the database could not
 * store or what no agency could mean, with a Chinese message, so bad input is a 400 and never
 * reaches a query.
 */
import { z } from 'zod';
import { isIsoDate } from './date.ts';

/** The largest value of a PostgreSQL `integer` (int4), the type of every record id and count. */
export const MAX_INT4 = 2_147_483_647;

/** Dates and months outside these years are typing errors (and year 0 is not a date in PostgreSQL). */
export const FIRST_YEAR = 1949;
export const LAST_YEAR = 2100;
/** More decisions, visits or files than this in one month is a typing error. */
export const MAX_MONTHLY_COUNT = 100_000;

const yearInRange = (v: string) => {
  const year = Number(v.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
};

/** The id of a record chosen in a list (a category, a user): 1…2^31-1. */
export const idField = (message: string) =>
  z
    .string({ message })
    .trim()
    .regex(/^\d{1,10}$/, message)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_INT4, message);

/** A calendar date YYYY-MM-DD between FIRST_YEAR and LAST_YEAR. */
export const dateField = (label: string) =>
  z
    .string({ message: `请填写${label}（年-月-日）` })
    .trim()
    .min(1, `请填写${label}（年-月-日）`)
    .refine(
      (v) => v === '' || (isIsoDate(v) && yearInRange(v)),
      `${label}应为${FIRST_YEAR}—${LAST_YEAR}年间的有效日期（YYYY-MM-DD）`,
    );

/** A month YYYY-MM between FIRST_YEAR and LAST_YEAR. */
export const monthField = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .refine(
      (v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v) && yearInRange(v),
      `${label}应为${FIRST_YEAR}—${LAST_YEAR}年间的月份（YYYY-MM）`,
    );

/** A whole number 0…max. */
export const countField = (label: string, max = MAX_MONTHLY_COUNT) =>
  z.coerce
    .number({ message: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过${max}`);

/** An amount in 元, to the 分 (at most two decimals), 0 < amount ≤ max (or ≥ 0 with `zero`). */
export const yuanField = (label: string, max: number, { zero = false } = {}) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .regex(/^\d{1,12}(\.\d{1,2})?$/, `${label}应为金额（元），精确到分，最多两位小数`)
    .transform(Number)
    .refine((n) => (zero ? n >= 0 : n > 0), `${label}应大于0`)
    .refine((n) => n <= max, `${label}不能超过${max}元`);
