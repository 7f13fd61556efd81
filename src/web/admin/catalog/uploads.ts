/** A hint for the browser's file picker only; the server decides by content. */
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif';
