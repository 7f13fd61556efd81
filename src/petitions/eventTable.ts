/**
 * The petition events' table, as `cases/eventTable.ts` is for applications: each event's words on
 * the timeline, and each action staff take on the petition page — its title, description, form
 * fields, button, who may take it and when. The page, its routes and the clock's messages read it.
 * An event type is added in its type (`events.ts`), its rule (`clock.ts`) and its row here.
 */
import type { Role } from '../law/roles.ts';
import type { PetitionClock } from './clock.ts';
import { ACCEPTANCE_DECISION_LABELS, ACCEPTANCE_DECISIONS, type PetitionEvent } from './events.ts';

export type PetitionEventType = PetitionEvent['type'];

/** The timeline's words for each event. */
export const PETITION_EVENTS: Record<PetitionEventType, { label: string }> = {
  Registered: { label: '登记' },
  AcceptanceDecided: { label: '受理告知' },
  Extended: { label: '延长办理期限' },
  Answered: { label: '出具处理意见书' },
  ReviewRequested: { label: '收到复查（复核）请求' },
  ReviewAnswered: { label: '出具复查（复核）意见' },
  HearingHeld: { label: '复核听证' },
};

/** Roles that register and handle petitions (and see petitioners' personal data). */
export const HANDLING_ROLES = ['handler', 'office'] as const;
/** Roles that may record an approved extension. */
export const EXTENDING_ROLES = ['office', 'reviewer'] as const;

/** The steps of 复查 and 复核 recorded with the review form, each one event. */
export const REVIEW_STEPS = [
  'review-requested',
  'review-answered',
  'recheck-requested',
  'hearing',
  'recheck-answered',
] as const;

export const REVIEW_STEP_LABELS: Record<(typeof REVIEW_STEPS)[number], string> = {
  'review-requested': '收到复查请求',
  'review-answered': '出具复查意见',
  'recheck-requested': '收到复核请求',
  hearing: '复核听证',
  'recheck-answered': '出具复核意见',
};

/** One field of an action form, in the order shown. */
export interface PetitionFormField {
  name: string;
  label: string;
  type?: 'date' | 'number';
  required?: boolean;
  multiline?: boolean;
  /** A select's value → label pairs, in order. */
  options?: Record<string, string>;
}

export interface PetitionAction {
  title: string;
  description?: string;
  button: string;
  roles: readonly Role[];
  /** The events the form may append. */
  events: readonly PetitionEventType[];
  fields: readonly PetitionFormField[];
  /** Whether the petition is at a stage where the action applies. */
  applies(clock: PetitionClock, closed: boolean): boolean;
}

export const PETITION_ACTION_NAMES = ['accept', 'extend', 'answer', 'review'] as const;
export type PetitionActionName = (typeof PETITION_ACTION_NAMES)[number];

const open = (clock: PetitionClock, closed: boolean) => !closed && clock.handling !== null;

export const PETITION_ACTIONS: Record<PetitionActionName, PetitionAction> = {
  accept: {
    title: '受理告知',
    description: '应自收到之日起15日内书面告知信访人是否受理。',
    button: '记录受理告知',
    roles: HANDLING_ROLES,
    events: ['AcceptanceDecided'],
    fields: [
      {
        name: 'decision',
        label: '受理结果',
        options: optionsOf(ACCEPTANCE_DECISIONS, ACCEPTANCE_DECISION_LABELS),
      },
      { name: 'on', label: '告知日期', type: 'date', required: true },
      { name: 'note', label: '说明（不予受理的理由或转送机关）' },
    ],
    applies: (clock) => clock.status === 'registered',
  },
  extend: {
    title: '延长办理期限',
    description: '情况复杂的，经本机关负责人批准，可延长不超过30日，并告知信访人延期理由。',
    button: '记录延期',
    roles: EXTENDING_ROLES,
    events: ['Extended'],
    fields: [
      { name: 'on', label: '批准日期', type: 'date', required: true },
      { name: 'days', label: '延长日数', type: 'number', required: true },
      { name: 'approvedBy', label: '批准人', required: true },
      { name: 'reason', label: '延期理由', required: true },
    ],
    applies: (clock, closed) => open(clock, closed) && clock.extensionDays === 0,
  },
  answer: {
    title: '出具处理意见书（办结）',
    button: '办结',
    roles: HANDLING_ROLES,
    events: ['Answered'],
    fields: [
      { name: 'on', label: '出具日期', type: 'date', required: true },
      { name: 'servedOn', label: '送达日期（不同于出具日期时填写）', type: 'date' },
      { name: 'text', label: '处理意见', required: true, multiline: true },
    ],
    applies: open,
  },
  review: {
    title: '复查、复核',
    description:
      '信访人可自收到处理意见书之日起30日内请求复查，自收到复查意见之日起30日内请求复核；复查、复核意见应在30日内出具，听证时间不计入。',
    button: '记录',
    roles: HANDLING_ROLES,
    events: ['ReviewRequested', 'ReviewAnswered', 'HearingHeld'],
    fields: [
      { name: 'step', label: '环节', options: optionsOf(REVIEW_STEPS, REVIEW_STEP_LABELS) },
      { name: 'on', label: '日期（听证开始日期）', type: 'date', required: true },
      { name: 'until', label: '听证结束日期', type: 'date' },
      { name: 'servedOn', label: '意见送达日期', type: 'date' },
    ],
    applies: (clock, closed) => closed && clock.status !== 'rechecked',
  },
};

/** A select's options in the order of `keys`. */
function optionsOf<K extends string>(keys: readonly K[], labels: Record<K, string>) {
  return Object.fromEntries(keys.map((k) => [k, labels[k]]));
}

/** Whether a user with these roles may take the action. */
export function mayTake(action: PetitionActionName, roles: readonly string[]): boolean {
  return PETITION_ACTIONS[action].roles.some((r) => roles.includes(r));
}
