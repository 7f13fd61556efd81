/**
 * The level of the leader who received a visit (领导接访). Section 六 of the annual report names it
 * (`县级领导接待来访群众214批1065人次`), so a township's or a department's receptions are not
 * reported as a county leader's.
 */
export const LEADER_LEVELS = ['county', 'township', 'department'] as const;

export type LeaderLevel = (typeof LEADER_LEVELS)[number];

export const LEADER_LEVEL_LABELS: Record<LeaderLevel, string> = {
  county: '县级领导',
  township: '乡级领导',
  department: '部门负责人',
};

export function isLeaderLevel(value: unknown): value is LeaderLevel {
  return typeof value === 'string' && (LEADER_LEVELS as readonly string[]).includes(value);
}
