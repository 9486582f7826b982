import { headers } from "next/headers";
import { isAdmin } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { getPublication } from "@/lib/public/queries";
import { PublicationPanel } from "./publication-panel";

/** The publication panel of a proposal's page in the app (server part: state, address, the user's right). */
export async function ProposalPublication({
  proposalCode,
  locale,
  user,
}: {
  proposalCode: string;
  locale: string;
  user: CurrentUser;
}) {
  const publication = await getPublication(proposalCode);
  if (!publication) return null;
  return (
    <PublicationPanel
      proposalId={publication.id}
      publishedAt={publication.publishedAt}
      showsSatisfaction={publication.publicSatisfaction}
      shown={publication.shown}
      publicUrl={`${await origin()}/${locale}/public/${encodeURIComponent(publication.code)}`}
      canManage={isAdmin(user)}
    />
  );
}

/** This app's address: the configured public origin (BETTER_AUTH_URL), else as the visitor reached it. */
async function origin(): Promise<string> {
  if (process.env.BETTER_AUTH_URL) return process.env.BETTER_AUTH_URL.replace(/\/+$/, "");
  const request = await headers();
  const host = request.get("x-forwarded-host") ?? request.get("host") ?? "localhost";
  return `${request.get("x-forwarded-proto") ?? "http"}://${host}`;
}
