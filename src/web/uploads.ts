/**
 * The routes that accept a file, each with its own body limit; every other request keeps the
 * 1 MB default (app.tsx). A route that takes uploads is listed here or its files are refused 413.
 */
import { MAX_CASE_FILE_BYTES } from '../cases/caseFiles.ts';
import { MAX_ATTACHMENT_BYTES } from '../catalog/attachments/fileType.ts';

/** Room for the multipart framing and the form's other fields. */
const FRAMING = 256 * 1024;

const uploadRoutes: readonly { path: RegExp; maxBytes: number }[] = [
  { path: /^\/admin\/[^/]+\/catalog\/\d+\/attachments$/, maxBytes: MAX_ATTACHMENT_BYTES },
  { path: /^\/admin\/[^/]+\/cases\/\d+\/files$/, maxBytes: MAX_CASE_FILE_BYTES },
  // The application forms carry up to three files (委托书, 身份证明, 其他证照).
  { path: /^\/a\/[^/]+\/apply$/, maxBytes: 3 * MAX_CASE_FILE_BYTES },
  { path: /^\/admin\/[^/]+\/cases\/new$/, maxBytes: 3 * MAX_CASE_FILE_BYTES },
  // The online 补正: all its files together (web/portal/apply/supplementAnswer.ts).
  { path: /^\/a\/[^/]+\/track\/supplement$/, maxBytes: MAX_CASE_FILE_BYTES },
];

/** The body limit for a request path: an upload route's file size plus framing, else null. */
export function uploadBodyLimit(path: string): number | null {
  const route = uploadRoutes.find((r) => r.path.test(path));
  return route ? route.maxBytes + FRAMING : null;
}
