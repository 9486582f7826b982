// Stands in for the parts of a Next.js request that server actions read: the incoming headers
// (with the session cookie of whoever is "signing in"), cookies, translations and revalidation.
// The database, the authentication library and the actions themselves are the real ones.
// Loaded as a setup file, so that the mocks are in place before any test imports an action.
import { vi } from "vitest";

export const request = { headers: new Headers() };

vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => {
      const value = request.headers
        .get("cookie")
        ?.split("; ")
        .find((pair) => pair.startsWith(`${name}=`))
        ?.slice(name.length + 1);
      return value === undefined ? undefined : { name, value };
    },
    getAll: () => [],
    set: () => {},
    delete: () => {},
    has: () => false,
  }),
}));

// Messages are returned as "namespace.key", so that tests can tell which one was chosen (without a
// namespace, the key is the full one already).
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => (key: string) => (namespace ? `${namespace}.${key}` : key),
  getLocale: async () => "zh-CN",
}));

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

/** Runs a server action; a redirect (what a successful action ends with) is reported, not thrown. */
export async function callAction<T>(
  run: () => Promise<T>,
): Promise<{ redirectedTo: string } | { returned: T }> {
  try {
    return { returned: await run() };
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      return { redirectedTo: digest.split(";")[2] ?? "" };
    }
    throw error;
  }
}
