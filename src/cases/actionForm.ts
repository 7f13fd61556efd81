/**
 * An action form's schema and the event it makes, held by the event table's row (`eventTable.ts`):
 * the case page renders the row's fields, validates with its schema and appends its `toEvent`.
 */
import { z } from 'zod';
import { GongkaiError } from '../errors.ts';
import { DECISION_IDS } from '../law/decisions.ts';
import { dateField } from '../law/fields.ts';
import { type Approval, approverRoleOf } from './approval.ts';
import type { CaseEvent } from './events.ts';
import type { CaseState } from './state.ts';

/** What a form's event may need besides what was typed. */
export interface ActionContext {
  state: CaseState;
  userName: string;
  /** The agency's users who may be named as approvers, with their roles there. */
  approvers: readonly { id: number; displayName: string; roles: readonly string[] }[];
  /** This application's place among the applicant's applications to the agency in its month. */
  pieceIndex: number;
}

const date = dateField('日期');

export interface ActionForm {
  schema: z.ZodObject;
  toEvent(data: Record<string, unknown>, ctx: ActionContext): CaseEvent;
}

/** A form: the date `on` and these fields, and the event made of what they hold. */
export function actionForm<S extends z.ZodRawShape>(
  shape: S,
  toEvent: (data: z.infer<z.ZodObject<S & { on: typeof date }>>, ctx: ActionContext) => CaseEvent,
): ActionForm {
  return {
    schema: z.object({ on: date, ...shape }),
    toEvent: toEvent as unknown as ActionForm['toEvent'],
  };
}

export const requiredText = (label: string, max = 1000) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);

export const optionalText = (max = 1000) => z.string().trim().max(max).optional().default('');

/** The decision catalogue's fields (the row's `'decision'` part). */
export const decisionShape = {
  decision: z.enum(DECISION_IDS, { message: '请选择答复决定' }),
  text: optionalText(4000),
  withheld: optionalText(2000),
  withheldReason: optionalText(2000),
};

/** The decision the fields hold, as `Decided` and `Redecided` carry it. */
export function decisionOf(d: z.infer<z.ZodObject<typeof decisionShape>>) {
  return {
    decision: d.decision,
    text: d.text,
    withheld: d.withheld || undefined,
    withheldReason: d.withheldReason || undefined,
  };
}

/** The approver chosen on the form, in the capacity their roles in the agency give them. */
export function approvalBy(ctx: ActionContext, userId: number | null): Approval {
  const user = ctx.approvers.find((a) => a.id === userId);
  if (!user) throw new GongkaiError('cases.approver-unknown', '请选择本单位的批准人');
  return { userId: user.id, name: user.displayName, role: approverRoleOf(user.roles) };
}
