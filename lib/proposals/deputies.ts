// A proposal's deputies as the admin's proposal forms take them (issue 19): the first author's
// account (Proposal.authorUserId) and the 联名代表 (ProposalCosigner), one a line, in order:
// "中文姓名 | English name | deputy account email", the last two optional. Accounts named must be
// deputies' (role deputy); the names stay as the proposal prints them.
import type { DbClient } from "@/lib/db/client";
import { hasControlCharacters } from "@/lib/validation/fields";
import type { FieldErrors } from "@/lib/validation/form";

/** The most co-signers one proposal lists. */
export const COSIGNERS_MAX = 100;
const NAME_MAX = 100;

export type CosignerRow = { position: number; nameZh: string; nameEn: string | null; userId: string | null };
export type ProposalDeputies = { authorUserId: string | null; cosigners: CosignerRow[] };

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The co-signers as the form shows them: one a line. */
export function cosignersText(
  rows: readonly { nameZh: string; nameEn: string | null; user: { email: string } | null }[],
): string {
  return rows
    .map((row) =>
      [row.nameZh, row.nameEn ?? "", row.user?.email ?? ""]
        .join(" | ")
        .replace(/( \| )+$/, "")
        .trimEnd(),
    )
    .join("\n");
}

/**
 * The deputies the form names, resolved to accounts, or the field errors (translated, from the
 * "deputy.manage" messages) that refuse the form: nothing is written then.
 */
export async function resolveProposalDeputies(
  db: DbClient,
  input: { authorUserEmail?: string; cosigners?: string },
  t: Translate,
): Promise<ProposalDeputies | { fieldErrors: FieldErrors }> {
  const errors: FieldErrors = {};
  const deputyByEmail = async (email: string) =>
    db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, role: true } });

  let authorUserId: string | null = null;
  if (input.authorUserEmail) {
    const user = await deputyByEmail(input.authorUserEmail);
    if (!user) errors.authorUserEmail = [t("unknownAccount", { email: input.authorUserEmail })];
    else if (user.role !== "deputy") errors.authorUserEmail = [t("authorNotDeputy")];
    else authorUserId = user.id;
  }

  const lines = (input.cosigners ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const problems: string[] = [];
  const cosigners: CosignerRow[] = [];
  const seen = new Set<string>();
  if (lines.length > COSIGNERS_MAX) problems.push(t("tooMany", { max: COSIGNERS_MAX }));
  else
    for (const [index, line] of lines.entries()) {
      const problem = (key: string, values?: Record<string, string>) =>
        problems.push(t("cosignerLine", { line: index + 1, problem: t(key, values) }));
      const parts = line.split("|").map((part) => part.trim());
      const [nameZh = "", nameEn = "", email = ""] = parts;
      if (parts.length > 3 || hasControlCharacters(line)) {
        problem("badLine");
        continue;
      }
      if (!nameZh) {
        problem("nameRequired");
        continue;
      }
      if (nameZh.length > NAME_MAX || nameEn.length > NAME_MAX || email.length > 254) {
        problem("tooLong");
        continue;
      }
      let userId: string | null = null;
      if (email) {
        const user = await deputyByEmail(email);
        if (!user) {
          problem("unknownAccount", { email });
          continue;
        }
        if (user.role !== "deputy") {
          problem("notDeputy", { email });
          continue;
        }
        if (seen.has(user.id)) {
          problem("duplicateAccount");
          continue;
        }
        seen.add(user.id);
        userId = user.id;
      }
      cosigners.push({ position: cosigners.length + 1, nameZh, nameEn: nameEn || null, userId });
    }
  if (problems.length > 0) errors.cosigners = problems;
  if (Object.keys(errors).length > 0) return { fieldErrors: errors };
  return { authorUserId, cosigners };
}

/** The co-signers as an audit row keeps them. */
export const cosignersSnapshot = (rows: readonly Omit<CosignerRow, "position">[]) =>
  rows.map((row) => ({ nameZh: row.nameZh, nameEn: row.nameEn, userId: row.userId }));

/** Replaces the proposal's co-signers by `rows` (the order is theirs). */
export async function writeCosigners(db: DbClient, proposalId: string, rows: readonly CosignerRow[]) {
  await db.proposalCosigner.deleteMany({ where: { proposalId } });
  for (const row of rows) await db.proposalCosigner.create({ data: { ...row, proposalId } });
}
