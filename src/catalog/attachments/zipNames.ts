/**
 * The entry names of a zip file, read from its central directory only: nothing is unpacked, so
 * telling a DOCX from an XLSX costs the same for a 28 MB sheet as for an empty one. `undefined`
 * when the directory is missing, truncated or ZIP64 (no office file of the size limit needs it).
 */
const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const END_SIZE = 22;
const ENTRY_SIZE = 46;

export function zipEntryNames(data: Uint8Array): string[] | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const end = findEnd(view);
  if (end === undefined) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) return undefined;
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + ENTRY_SIZE > end || view.getUint32(at, true) !== ENTRY_SIGNATURE) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const next =
      at + ENTRY_SIZE + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > end) return undefined;
    names.push(decoder.decode(data.subarray(at + ENTRY_SIZE, at + ENTRY_SIZE + nameLength)));
    at = next;
  }
  return names;
}

/** The end-of-central-directory record: the last 22 bytes, or before a comment of ≤ 65,535. */
function findEnd(view: DataView): number | undefined {
  const last = view.byteLength - END_SIZE;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === END_SIGNATURE) return at;
  }
  return undefined;
}
