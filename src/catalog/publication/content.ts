/** What staff type in for a publication: its metadata and 正文. Edits carry the fields that changed. */
export interface PublicationContent {
  categoryId: number;
  title: string;
  docNumber: string | null;
  /** 成文日期 */
  madeOn: string;
  issuer: string;
  topic: string | null;
  keywords: string | null;
  summary: string | null;
  body: string;
}

export const contentFields = [
  'categoryId',
  'title',
  'docNumber',
  'madeOn',
  'issuer',
  'topic',
  'keywords',
  'summary',
  'body',
] as const satisfies readonly (keyof PublicationContent)[];

export const contentFieldLabels: Record<keyof PublicationContent, string> = {
  categoryId: '信息分类',
  title: '标题',
  docNumber: '文号',
  madeOn: '成文日期',
  issuer: '发布机构',
  topic: '主题分类',
  keywords: '关键词',
  summary: '内容概述',
  body: '正文',
};

/** The fields of `after` that differ from `before` (what an edit event carries). */
export function changedFields(
  before: PublicationContent,
  after: PublicationContent,
): Partial<PublicationContent> {
  const changes: Partial<PublicationContent> = {};
  for (const field of contentFields) {
    if (before[field] !== after[field]) Object.assign(changes, { [field]: after[field] });
  }
  return changes;
}

/** The metadata and body staff type in. */
export interface PublicationInput {
  categoryId: number;
  title: string;
  docNumber?: string | null;
  madeOn: string;
  issuer: string;
  topic?: string | null;
  keywords?: string | null;
  summary?: string | null;
  body: string;
}

/** Trims the typed fields, blanks to null, line ends to \n. */
export function normaliseContent(input: PublicationInput): PublicationContent {
  const blank = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);
  return {
    categoryId: input.categoryId,
    title: input.title.trim(),
    docNumber: blank(input.docNumber),
    madeOn: input.madeOn,
    issuer: input.issuer.trim(),
    topic: blank(input.topic),
    keywords: blank(input.keywords),
    summary: blank(input.summary),
    body: input.body.replace(/\r\n?/g, '\n'),
  };
}
