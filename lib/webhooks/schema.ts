import { z } from "zod";
import { isClockTime } from "@/lib/notifications/timing";
import { checkbox, optionalText, plainText, requiredText } from "@/lib/validation/fields";

// The group bots' forms. Messages are keys of "validation", or of "webhooks" where they are the bots' own.

/** The platforms a group bot may be on (lib/notifications/bots.ts posts to each). */
export const BOT_PLATFORMS = ["wecom", "dingtalk", "feishu"] as const;
export type BotPlatform = (typeof BOT_PLATFORMS)[number];

/** Why a bot's address is refused, if it is: a message key for formAction. */
export function webhookUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "urlInvalid";
  }
  // Only https: the address carries the bot's key, and the posts name items and people.
  if (url.protocol !== "https:") return "webhooks.urlHttps";
  if (url.username || url.password) return "urlCredentials";
  return null;
}

const webhookUrl = plainText()
  .trim()
  .min(1, { error: "required" })
  .max(2000, { error: "tooLong" })
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
const blankAsUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const clockTime = z.preprocess(
  blankAsUndefined,
  z.string().trim().refine(isClockTime, { error: "webhooks.quietTime" }).optional(),
);

const webhookFields = z.object({
  name: requiredText(100),
  platform: z.enum(BOT_PLATFORMS, { error: "invalid" }),
  /** Empty: the office's bot, told what admins are told. */
  agencyId: z.preprocess(blankAsUndefined, z.string().optional()),
  /** DingTalk's or Feishu's signing secret; on an edit, empty keeps the one saved. */
  secret: optionalText(200),
  quietStart: clockTime,
  quietEnd: clockTime,
});
const quietBoth = (input: { quietStart?: string; quietEnd?: string }, ctx: z.RefinementCtx) => {
  if (Boolean(input.quietStart) !== Boolean(input.quietEnd))
    ctx.addIssue({
      code: "custom",
      path: [input.quietStart ? "quietEnd" : "quietStart"],
      message: "webhooks.quietBoth",
    });
};

export const webhookCreateInput = webhookFields.extend({ url: webhookUrl }).superRefine(quietBoth);
/** An edit: an empty address or secret keeps the saved one (neither is ever sent back to the page). */
export const webhookUpdateInput = webhookFields
  .extend({
    webhookId: z.string().min(1, { error: "invalid" }),
    url: z.preprocess(blankAsUndefined, webhookUrl.optional()),
    clearSecret: checkbox,
  })
  .superRefine(quietBoth);
export const webhookActiveInput = z.object({
  webhookId: z.string().min(1, { error: "invalid" }),
  active: z.enum(["true", "false"], { error: "invalid" }),
});
export const webhookTestInput = z.object({ webhookId: z.string().min(1, { error: "invalid" }) });
