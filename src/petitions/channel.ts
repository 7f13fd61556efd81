/** How a petition (信访事项) reached the agency. */
export const PETITION_CHANNELS = ['visit', 'letter', 'online', 'referred'] as const;

export type PetitionChannel = (typeof PETITION_CHANNELS)[number];

export const PETITION_CHANNEL_LABELS: Record<PetitionChannel, string> = {
  visit: '来访',
  letter: '来信',
  online: '网上信访',
  referred: '上级转办',
};

/**
 * Matters handled in writing: letters, online petitions and matters referred by a higher level
 * (which reach this level as written 交办/转送 documents). They are the "群众来信、网上信访" of S6.
 */
export const WRITTEN_CHANNELS: readonly PetitionChannel[] = ['letter', 'online', 'referred'];

export function isPetitionChannel(value: unknown): value is PetitionChannel {
  return typeof value === 'string' && (PETITION_CHANNELS as readonly string[]).includes(value);
}

export function isWrittenChannel(channel: PetitionChannel): boolean {
  return WRITTEN_CHANNELS.includes(channel);
}
