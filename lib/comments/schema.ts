import { z } from "zod";
import { requiredText } from "@/lib/validation/fields";
import { parseMentionKey } from "./mentions";

/** A comment's length, as typed (mentions as "@Name"). */
export const COMMENT_MAX = 2000;
export const HIDE_REASON_MAX = 500;
/** How long after posting its author may still edit a comment. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;

const id = z.string().trim().min(1, { error: "required" }).max(64, { error: "invalid" });

/** The people and agencies the person picked ("user:<id>", "agency:<id>"); kept only if still in the text. */
const mentions = z
  .array(z.string().refine((value) => parseMentionKey(value) !== null, { error: "invalid" }))
  .max(20, { error: "tooMany" })
  .default([]);

const text = requiredText(COMMENT_MAX);

export const postCommentInput = z.object({
  recommendationId: id,
  actionId: z.preprocess((value) => (value === "" ? undefined : value), id.optional()),
  text,
  mentions,
});

export const editCommentInput = z.object({
  commentId: id,
  version: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }),
  text,
  mentions,
});

export const hideCommentInput = z.object({
  commentId: id,
  version: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }),
  reason: requiredText(HIDE_REASON_MAX),
});
