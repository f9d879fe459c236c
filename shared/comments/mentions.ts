/**
 * Mentions inside a comment's body: `@[Sanne](user:<id>)` names a person and
 * `@[Bewoners](party:<id>)` a whole party. The name is what the writer saw; the id is what counts.
 */
export interface Mention {
  kind: 'user' | 'party';
  id: string;
  name: string;
}

const mentionPattern = /@\[([^\]\n]{1,120})\]\((user|party):([A-Za-z0-9_-]{1,64})\)/g;

/** Every mention in the body, in order (duplicates kept). */
export function parseMentions(body: string): Mention[] {
  return [...body.matchAll(mentionPattern)].map((m) => ({ name: m[1]!, kind: m[2] as Mention['kind'], id: m[3]! }));
}

/** The body in pieces: plain text, and mentions to show as names. */
export function splitMentions(body: string): (string | Mention)[] {
  const parts: (string | Mention)[] = [];
  let last = 0;
  for (const m of body.matchAll(mentionPattern)) {
    if (m.index > last) parts.push(body.slice(last, m.index));
    parts.push({ name: m[1]!, kind: m[2] as Mention['kind'], id: m[3]! });
    last = m.index + m[0].length;
  }
  if (last < body.length) parts.push(body.slice(last));
  return parts;
}

/** The body as a person reads it, outside the app (a mail): each mention as `@Name`, no ids. */
export function mentionsAsText(body: string, nameOf: (mention: Mention) => string | undefined = () => undefined): string {
  return splitMentions(body)
    .map((part) => (typeof part === 'string' ? part : `@${nameOf(part) ?? part.name}`))
    .join('');
}

/** How a mention is written into a body. */
export function formatMention(mention: Mention): string {
  return `@[${mention.name.replace(/[\]\n]/g, ' ')}](${mention.kind}:${mention.id})`;
}
