/**
 * Draft history read from the log: every content version (the first draft, each edit, each
 * revision of the published item) and what changed since the last review step.
 */
import { changedFields, type PublicationContent } from './content.ts';
import type { PublicationEvent } from './events.ts';

export interface ContentVersion {
  /** 1 = the first draft; +1 for each event that changed the content. */
  number: number;
  /** The event's position in the log (its seq). */
  seq: number;
  on: string;
  by: number | null;
  type: 'created' | 'imported' | 'edited' | 'revised';
  content: PublicationContent;
  changed: (keyof PublicationContent)[];
}

/** Every version of the content, oldest first. */
export function contentVersions(events: readonly PublicationEvent[]): ContentVersion[] {
  const versions: ContentVersion[] = [];
  events.forEach((e, index) => {
    const previous = versions.at(-1)?.content;
    let content: PublicationContent | undefined;
    if (e.type === 'created' || e.type === 'imported') content = e.content;
    else if ((e.type === 'edited' || e.type === 'revised') && previous)
      content = { ...previous, ...e.changes };
    if (!content) return;
    const changed = previous
      ? (Object.keys(changedFields(previous, content)) as ContentVersion['changed'])
      : [];
    if (previous && changed.length === 0) return;
    versions.push({
      number: versions.length + 1,
      seq: index + 1,
      on: e.on,
      by: e.by,
      type: e.type as ContentVersion['type'],
      content,
      changed,
    });
  });
  return versions;
}

export interface ChangesSinceReview {
  /** The last review step (an approval, a return or the publication); null before the first. */
  step: { type: 'approved' | 'rejected' | 'published'; on: string; seq: number } | null;
  /** The content the reviewer saw then; null before the first review step. */
  before: PublicationContent | null;
  after: PublicationContent;
  changed: (keyof PublicationContent)[];
}

/**
 * What changed since a reviewer last acted (an approval, a return, the publication): the content
 * at that step against the current one. Before any review step there is nothing to compare.
 */
export function changesSinceReview(events: readonly PublicationEvent[]): ChangesSinceReview {
  const versions = contentVersions(events);
  const after = versions.at(-1)!.content;
  let last: ChangesSinceReview['step'] = null;
  events.forEach((e, index) => {
    if (e.type === 'approved' || e.type === 'rejected' || e.type === 'published')
      last = { type: e.type, on: e.on, seq: index + 1 };
  });
  const step = last as ChangesSinceReview['step'];
  if (!step) return { step: null, before: null, after, changed: [] };
  const before = versions.filter((v) => v.seq < step.seq).at(-1)!.content;
  return {
    step,
    before,
    after,
    changed: Object.keys(changedFields(before, after)) as ChangesSinceReview['changed'],
  };
}
