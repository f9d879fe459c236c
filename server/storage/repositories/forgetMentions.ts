/**
 * A mention keeps the name the writer saw (`@[Sanne](user:<id>)`), so a deleted account's name
 * would live on in other people's comments. On deletion those mentions are rewritten to the
 * name every other trace of the account shows; the id stays, as it does on the kept user row.
 */
import { formatMention, splitMentions } from '../../../shared/comments/mentions';
import type { Db } from './db';

/** The body with every mention of `userId` showing `name` instead of what was written. */
export function renameMentions(body: string, userId: string, name: string): string {
  return splitMentions(body)
    .map((part) => (typeof part === 'string' ? part : formatMention(part.kind === 'user' && part.id === userId ? { ...part, name } : part)))
    .join('');
}

export async function forgetMentionedName(db: Db, userId: string, name: string): Promise<void> {
  // LIKE narrows the rows; `_` in an id is a wildcard there, so the rewrite decides exactly.
  const candidates = await db.selectFrom('comments').select(['id', 'body']).where('body', 'like', `%(user:${userId})%`).execute();
  for (const { id, body } of candidates) {
    const renamed = renameMentions(body, userId, name);
    if (renamed !== body) await db.updateTable('comments').set({ body: renamed }).where('id', '=', id).execute();
  }
}
