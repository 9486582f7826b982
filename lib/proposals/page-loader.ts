import "server-only";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { canReadProposalCode } from "@/lib/auth/deputy-scope";
import type { Actor } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { decodedSegment } from "@/lib/validation/segments";

/**
 * The dynamic segments of the pages of a proposal and what is under it (/proposals/… and
 * /admin/proposals/…), as Next.js hands them over: still percent-encoded.
 */
export type ProposalSegments = {
  locale: string;
  proposalCode: string;
  recommendationCode?: string;
  actionCode?: string;
  evidenceId?: string;
};

/** The segments decoded (the locale is Next's own); a malformed one (`%ff`, a NUL) is the page's 404. */
export async function decodedParams<S extends ProposalSegments>(params: Promise<S>): Promise<S> {
  const segments = await params;
  return Object.fromEntries(
    Object.entries(segments).map(([name, value]) => [
      name,
      name === "locale" ? value : decodedSegment(value),
    ]),
  ) as S;
}

export type LoadedPage<U, T> = {
  locale: string;
  /** Who is asking, as `guard` returned them. */
  user: U;
  /** What the page's read found. */
  found: T;
  /** The proposal's or recommendation's page, as the address spelled it: for links back to it. */
  itemPath: string;
};

/**
 * How every page of a proposal, recommendation, action or evidence starts, in the order that keeps it
 * safe: the request's locale; the caller checked by `guard` (requireUser or requireAdmin: a signed-out
 * visitor is sent to sign in and brought back) before anything is read; then the page's own read, given
 * the decoded segments. A malformed segment, or a read that finds nothing, is the page's 404.
 *
 * `route` is the page's path under the locale as app/ spells it, e.g.
 * "/proposals/[proposalCode]/[recommendationCode]/reply": the way back after signing in, filled with
 * the segments as the address had them.
 *
 * The reads that both a page and its generateMetadata make (getProposalOverview,
 * getRecommendationPage) are wrapped in React's `cache`, so the two share one load per request.
 */
export async function loadProposalPage<S extends ProposalSegments, U extends Actor, T>(
  params: Promise<S>,
  route: string,
  guard: (locale: string, returnTo: string) => Promise<U>,
  read: (user: U, segments: S) => Promise<T | null | undefined>,
): Promise<LoadedPage<U, T>> {
  const segments = await params;
  const { locale } = segments;
  setRequestLocale(locale);
  const user = await guard(locale, `/${locale}${filled(route, segments)}`);
  const decoded = await decodedParams(params);
  // A deputy (whom only requireReader lets through) reads their own proposals only: another's is
  // the page's 404, as an unknown code is (lib/auth/deputy-scope.ts).
  if (!(await canReadProposalCode(db, user as Actor, decoded.proposalCode))) notFound();
  const found = await read(user, decoded);
  if (found === null || found === undefined) notFound();
  const itemPath = `/proposals/${segments.proposalCode}${
    segments.recommendationCode === undefined ? "" : `/${segments.recommendationCode}`
  }`;
  return { locale, user, found, itemPath };
}

/**
 * For a generateMetadata that reads what its page reads. Metadata renders beside the page, not after
 * its guard: a visitor gets nothing read, and so no title to learn from.
 */
export async function loadForMetadata<S extends ProposalSegments, T>(
  params: Promise<S>,
  read: (segments: S) => Promise<T | null>,
): Promise<T | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  const decoded = await decodedParams(params);
  // Nor does a deputy get the title of a proposal not theirs.
  if (!(await canReadProposalCode(db, user, decoded.proposalCode))) return null;
  return read(decoded);
}

function filled(route: string, segments: ProposalSegments): string {
  return route.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = segments[name as keyof ProposalSegments];
    if (value === undefined) throw new Error(`The route ${route} names [${name}], which the page has not`);
    return value;
  });
}
