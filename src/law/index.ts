/** The law core: calendar, clocks, fees and the decision catalogue. Pure, no I/O. */
export * from './calendar.ts';
export * from './clock.ts';
export * from './date.ts';
export * from './decisions.ts';
export * from './events.ts';
export * from './fees.ts';
export * from './keys.ts';
export * from './period.ts';
export * from './publication.ts';
export * from './receipt.ts';
export * from './schedule-file.ts';
export type { Pause } from './trace.ts';
