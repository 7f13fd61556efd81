import { MAX_ATTACHMENT_BYTES } from '../../../catalog/attachments/fileType.ts';

/** The only route that accepts a large body; app.tsx applies this limit instead of the 1 MB one. */
export const attachmentUploadPath = /^\/admin\/[^/]+\/catalog\/\d+\/attachments$/;
export const ATTACHMENT_BODY_LIMIT = MAX_ATTACHMENT_BYTES + 256 * 1024;
/** A hint for the browser's file picker only; the server decides by content. */
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif';
