/** The petition (信访) register: channels, events, clocks, statistics and the S6 text. Pure. */
export * from './channel.ts';
export * from './clock.ts';
export * from './events.ts';
export * from './period.ts';
export * from './privacy.ts';
export * from './queryCode.ts';
export * from './s6.ts';
export * from './statistics.ts';
