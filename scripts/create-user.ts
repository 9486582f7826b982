// `npm run user:create -- --email a@b.cn --name 张三 --role admin [--agency CODE]`
// Makes an account (the first admin, typically). The password is read from the terminal without
// echo, or from the first line of standard input when it is piped.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { recordAudit } from "../lib/audit/record";
import { createAuth } from "../lib/auth/config";
import { createPrismaClient } from "../lib/db/client";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    agency: { type: "string" },
  },
});
const input = z
  .object({
    email: z.email().transform((email) => email.toLowerCase()),
    name: z.string().trim().min(1).max(100),
    role: z.enum(["admin", "staff", "official"]),
    agency: z.string().optional(),
  })
  .refine((value) => value.role !== "staff" || value.agency, {
    message: "staff need --agency CODE",
    path: ["agency"],
  })
  .safeParse(values);
if (!input.success) {
  console.error(z.prettifyError(input.error));
  console.error(
    "usage: npm run user:create -- --email a@b.cn --name 张三 --role admin|staff|official [--agency CODE]",
  );
  process.exit(2);
}

const db = createPrismaClient();
try {
  const agency = input.data.agency
    ? await db.agency.findUnique({ where: { code: input.data.agency }, select: { id: true } })
    : null;
  if (input.data.agency && !agency) throw new Error(`No agency with code ${input.data.agency}`);
  const password = await readPassword();
  if (password.length < 10) throw new Error("The password needs at least 10 characters.");

  const { user } = await createAuth(db).api.createUser({
    body: { email: input.data.email, name: input.data.name, password, role: input.data.role },
  });
  await db.user.update({ where: { id: user.id }, data: { agencyId: agency?.id ?? null } });
  await recordAudit(db, {
    actorId: null,
    action: "user.create",
    entityType: "User",
    entityId: user.id,
    after: {
      email: user.email,
      name: input.data.name,
      role: input.data.role,
      agency: input.data.agency ?? null,
      via: "cli",
    },
  });
  console.log(`created ${input.data.role} ${user.email}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return "";
  }
  process.stdout.write("Password (at least 10 characters): ");
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let password = "";
  for await (const chunk of process.stdin) {
    for (const char of String(chunk)) {
      if (char === "\r" || char === "\n") {
        process.stdin.setRawMode(false);
        process.stdin.pause();
        process.stdout.write("\n");
        return password;
      }
      if (char === "\u0003") process.exit(130);
      password = char === "\u007f" ? password.slice(0, -1) : password + char;
    }
  }
  return password;
}
