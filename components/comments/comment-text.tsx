import Linkify from "linkify-react";
import type { Opts } from "linkifyjs";
import { type MentionRef, mentionKey, segmentsOf } from "@/lib/comments/mentions";

/** Only web addresses become links; anything else (javascript:, data:, mailto:) stays text. */
export function isSafeHref(href: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(href);
}

const LINK_OPTIONS: Opts = {
  defaultProtocol: "https",
  validate: {
    url: (value: string) => !/^[a-z][a-z0-9+.-]*:/i.test(value) || /^https?:\/\//i.test(value),
    email: () => false,
  },
  render: ({ attributes, content }) =>
    isSafeHref(String(attributes.href)) ? (
      <a
        href={String(attributes.href)}
        rel="noopener noreferrer nofollow ugc"
        target="_blank"
        className="break-all text-brand-700 underline"
      >
        {content}
      </a>
    ) : (
      content
    ),
};

/**
 * A comment's text as React nodes: plain text (never HTML), its web addresses as links and its
 * mentions by today's names. Line breaks are kept by the caller's `whitespace-pre-wrap`.
 */
export function CommentText({
  text,
  mentions,
  nameOf,
}: {
  text: string;
  /** The references this version recorded (mentionKey). */
  mentions: readonly string[];
  nameOf: (ref: MentionRef) => string | null;
}) {
  const segments = segmentsOf(text, new Set(mentions));
  return (
    <>
      {segments.map((segment, i) =>
        segment.type === "text" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order, never reordered
          <Linkify key={i} options={LINK_OPTIONS}>
            {segment.text}
          </Linkify>
        ) : (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            key={i}
            className="rounded bg-brand-50 px-0.5 font-medium text-brand-800"
            data-mention={mentionKey(segment.ref)}
          >
            @{nameOf(segment.ref) ?? "?"}
          </span>
        ),
      )}
    </>
  );
}
