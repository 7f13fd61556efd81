/**
 * How much of an attachment's text is kept for search (pure). The privacy scan reads every part of
 * a file in the worker; only search keeps a bounded prefix, so that no step on the HTTP thread
 * (storing the text, building a publication's search text and its `search_grams`) grows with the
 * size of an upload: a 1.4 MB spreadsheet unpacks to 4.7 M characters, whose grams alone took
 * 1.4 s of the event loop (issue 14). About 50 pages of Chinese text per file are searchable.
 */
export const ATTACHMENT_SEARCH_CHARS = 100_000;

/** A publication's attachments together contribute at most this much to its search text. */
export const ATTACHMENTS_SEARCH_CHARS = 200_000;

/** The first `limit` UTF-16 units of `text`, not splitting a surrogate pair. */
export function truncateText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

/** Attachment texts cut to what search keeps: each to its limit, all together to theirs. */
export function searchableAttachmentTexts(texts: string[]): string[] {
  let budget = ATTACHMENTS_SEARCH_CHARS;
  const kept: string[] = [];
  for (const text of texts) {
    if (budget <= 0) break;
    const part = truncateText(text, Math.min(ATTACHMENT_SEARCH_CHARS, budget));
    kept.push(part);
    budget -= part.length;
  }
  return kept;
}
