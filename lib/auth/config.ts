// The authentication library's setup: email + password, sessions stored in the database, roles and
// deactivation (the admin plugin's `banned`) on the user. Free of Next-only imports so that scripts
// (npm run user:create) can use it too; the app goes through lib/auth/server.ts.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { createAccessControl } from "better-auth/plugins/access";
import { admin } from "better-auth/plugins/admin";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import { databaseProvider, databaseUrl } from "../database-url";
import type { Db } from "../db/client";

export const SESSION_HOURS = 12;

// The library's user-management rights go to admins only; what staff and officials may change in the
// tracker is decided by lib/auth/permissions.ts.
const accessControl = createAccessControl(defaultStatements);
const roles = {
  admin: adminAc,
  staff: accessControl.newRole({ user: [], session: [] }),
  official: accessControl.newRole({ user: [], session: [] }),
  office: accessControl.newRole({ user: [], session: [] }),
};

export function createAuth(db: Db) {
  return betterAuth({
    appName: "建议落实追踪",
    database: prismaAdapter(db, { provider: databaseProvider(databaseUrl()) }),
    secret: process.env.BETTER_AUTH_SECRET,
    baseURL: process.env.BETTER_AUTH_URL,
    emailAndPassword: {
      enabled: true,
      // Accounts are made by admins (or `npm run user:create`), never by visitors.
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
    },
    session: { expiresIn: SESSION_HOURS * 3600, updateAge: 3600 },
    // Sign-in goes through our server action, which throttles failures in the database
    // (lib/auth/throttle.ts); the library's own limiter keeps its counts in process memory.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: process.env.BETTER_AUTH_URL?.startsWith("https://") ?? false,
      cookiePrefix: "tracker",
    },
    plugins: [
      admin({ ac: accessControl, roles, defaultRole: "official", adminRoles: ["admin"] }),
      // Lets server actions set the session cookie; must come last.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
