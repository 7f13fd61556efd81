/**
 * bytea to and from PGlite's text protocol with Buffer's native hex codec. PGlite's own
 * (`Array.from(bytes).map(…toString(16))`, `parseInt` per byte pair) spends ~0.5 s on a 1.4 MB
 * file in the database thread, and every other query — `/healthz` included — waits for it.
 */
const BYTEA = 17;

const toHex = (value: unknown): string => {
  if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
};

/** A plain Uint8Array of its own (as PGlite gives; not a slice of Node's shared buffer pool). */
const fromHex = (text: string): Uint8Array => {
  const bytes = Buffer.allocUnsafeSlow((text.length - 2) / 2);
  bytes.write(text.slice(2), 'hex');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
};

export const byteaSerializers = { [BYTEA]: toHex };
export const byteaParsers = { [BYTEA]: fromHex };
