// How a comment keeps its @mentions: in its stored text as "@[u:<userId>]" or "@[a:<agencyId>]", so
// that a renamed person or agency is read by today's name. The person types "@" and picks from a list;
// the server turns each picked "@Name" still in the text into its reference (encodeMentions), and a
// reader's text is split back into plain text and mentions (segmentsOf). Pure: shared by the server
// and the form.

export type MentionKind = "user" | "agency";
export type MentionRef = { kind: MentionKind; id: string };
/** A person or agency that may be mentioned, by the name the form shows. */
export type MentionCandidate = MentionRef & { name: string };

export type Segment = { type: "text"; text: string } | { type: "mention"; ref: MentionRef };

const TOKEN = /@\[([ua]):([A-Za-z0-9_-]{1,64})\]/g;
const KIND_OF = { u: "user", a: "agency" } as const;
const LETTER_OF = { user: "u", agency: "a" } as const;

/** "user:<id>" / "agency:<id>": how a form names a mention it picked. */
export function mentionKey(ref: MentionRef): string {
  return `${ref.kind}:${ref.id}`;
}

export function parseMentionKey(value: string): MentionRef | null {
  const match = /^(user|agency):([A-Za-z0-9_-]{1,64})$/.exec(value);
  return match ? { kind: match[1] as MentionKind, id: match[2] as string } : null;
}

/** Every reference a stored text or a mention key holds: for readers that name them (the audit log). */
export function mentionRefsIn(value: string): MentionRef[] {
  const key = parseMentionKey(value);
  if (key) return [key];
  return [...value.matchAll(TOKEN)].map((match) => ({
    kind: KIND_OF[match[1] as keyof typeof KIND_OF],
    id: match[2] as string,
  }));
}

/** A stored text or a mention key with each reference as "@Name" (its id when the name is unknown). */
export function withMentionNames(value: string, nameOf: (ref: MentionRef) => string | undefined): string {
  const key = parseMentionKey(value);
  if (key) return `@${nameOf(key) ?? key.id}`;
  return value.replace(TOKEN, (_, letter: keyof typeof KIND_OF, id: string) => {
    return `@${nameOf({ kind: KIND_OF[letter], id }) ?? id}`;
  });
}

export function mentionToken(ref: MentionRef): string {
  return `@[${LETTER_OF[ref.kind]}:${ref.id}]`;
}

/**
 * The text as stored: each picked candidate's "@Name" becomes its reference. A candidate whose "@Name"
 * the person deleted again is no mention. Longer names first, so that "@市经济信息化委" is not read as a
 * shorter name it begins with.
 */
export function encodeMentions(
  text: string,
  picked: readonly MentionCandidate[],
): { stored: string; refs: MentionRef[] } {
  const byLength = [...new Map(picked.map((c) => [mentionKey(c), c])).values()].sort(
    (a, b) => b.name.length - a.name.length,
  );
  const refs: MentionRef[] = [];
  // Cut the text where each name stands; what is already a token (typed by hand) is left as text.
  let parts: (string | MentionRef)[] = [text];
  for (const candidate of byLength) {
    const needle = `@${candidate.name}`;
    if (candidate.name.trim() === "") continue;
    let found = false;
    parts = parts.flatMap((part) => {
      if (typeof part !== "string" || !part.includes(needle)) return [part];
      found = true;
      const pieces = part.split(needle);
      return pieces.flatMap((piece, i) =>
        i === 0 ? [piece] : [{ kind: candidate.kind, id: candidate.id }, piece],
      );
    });
    if (found) refs.push({ kind: candidate.kind, id: candidate.id });
  }
  const stored = parts.map((part) => (typeof part === "string" ? part : mentionToken(part))).join("");
  return { stored, refs };
}

/**
 * A stored text in parts. Only the references its version recorded (`known`, by mentionKey) are
 * mentions: a token typed by hand stays the text it is.
 */
export function segmentsOf(stored: string, known: ReadonlySet<string>): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  const push = (text: string) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last?.type === "text") last.text += text;
    else segments.push({ type: "text", text });
  };
  for (const match of stored.matchAll(TOKEN)) {
    const ref: MentionRef = { kind: KIND_OF[match[1] as "u" | "a"], id: match[2] as string };
    push(stored.slice(at, match.index));
    if (known.has(mentionKey(ref))) segments.push({ type: "mention", ref });
    else push(match[0]);
    at = match.index + match[0].length;
  }
  push(stored.slice(at));
  return segments;
}

/** The text as its author would type it again (an edit's starting point, a notification's excerpt). */
export function plainTextOf(
  stored: string,
  known: ReadonlySet<string>,
  nameOf: (ref: MentionRef) => string | null,
): string {
  return segmentsOf(stored, known)
    .map((segment) => (segment.type === "text" ? segment.text : `@${nameOf(segment.ref) ?? segment.ref.id}`))
    .join("");
}
