import { z } from "zod";
import { UserRole } from "@/lib/db/enums";
import { checkbox, optionalText, requiredText } from "@/lib/validation/fields";

const code = z
  .string()
  .trim()
  .min(1, { error: "required" })
  .max(30, { error: "tooLong" })
  .regex(/^[A-Za-z0-9._-]+$/, { error: "codeInvalid" });
const id = z.string().min(1, { error: "invalid" });

/** The roles a user may have, in the order the forms offer them. */
export const USER_ROLES = Object.values(UserRole);

const userFields = z.object({
  name: requiredText(100),
  role: z.enum(UserRole, { error: "invalid" }),
  agencyId: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
  /** 单位负责人/审核人: only a staff member of an agency can be one. */
  isReviewer: checkbox,
});
const staffNeedAgency = (
  input: { role: string; agencyId?: string; isReviewer: boolean },
  ctx: z.RefinementCtx,
) => {
  if (input.role === "staff" && !input.agencyId)
    ctx.addIssue({ code: "custom", path: ["agencyId"], message: "staffNeedsAgency" });
  // A deputy (代表) belongs to no agency; the database refuses it too (User_deputy_has_no_agency).
  if (input.role === "deputy" && input.agencyId)
    ctx.addIssue({ code: "custom", path: ["agencyId"], message: "deputy.noAgency" });
  if (input.isReviewer && (input.role !== "staff" || !input.agencyId))
    ctx.addIssue({ code: "custom", path: ["isReviewer"], message: "reviewerNeedsStaff" });
};

export const userCreateInput = userFields
  .extend({
    email: z
      .email({ error: "emailInvalid" })
      .max(254, { error: "tooLong" })
      .transform((value) => value.toLowerCase()),
    password: z.string().min(10, { error: "passwordTooShort" }).max(128, { error: "tooLong" }),
  })
  .superRefine(staffNeedAgency);
export const userUpdateInput = userFields.extend({ userId: id }).superRefine(staffNeedAgency);
export const userActiveInput = z
  .object({ userId: id, active: z.enum(["true", "false"]), reason: optionalText(300) })
  .superRefine((input, ctx) => {
    if (input.active === "false" && !input.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  });

const agencyFields = z.object({
  code,
  nameZh: requiredText(100),
  nameEn: optionalText(200),
  shortNameZh: optionalText(30),
  shortNameEn: optionalText(60),
});
export const agencyCreateInput = agencyFields;
export const agencyUpdateInput = agencyFields.extend({
  agencyId: id,
  active: checkbox,
  /** 进展更新需审核: its staff's status updates wait for its reviewer (lib/update-review). */
  updatesNeedReview: checkbox,
});

const themeFields = z.object({
  code,
  nameZh: requiredText(60),
  nameEn: optionalText(120),
  sortOrder: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(0).max(9999),
});
export const themeCreateInput = themeFields;
export const themeUpdateInput = themeFields.extend({ themeId: id });

const levelFields = z.object({
  labelZh: requiredText(20),
  labelEn: optionalText(60),
  sortOrder: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(0).max(9999),
  isDissatisfied: checkbox,
});
export const levelCreateInput = levelFields.extend({
  key: z
    .string()
    .trim()
    .min(1, { error: "required" })
    .max(40, { error: "tooLong" })
    .regex(/^[a-z0-9_]+$/, { error: "keyInvalid" }),
});
export const levelUpdateInput = levelFields.extend({ levelId: id, active: checkbox });
