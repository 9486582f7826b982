import { AssignRecommendationsPage } from "@/components/proposals/manage/assign-page";
import { requireAdmin } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("manage", "assign.title");

/** The admins' 交办 grid (the office has the same, components/proposals/manage/assign-page.tsx). */
export default function Page({ params }: { params: Promise<{ locale: string; proposalCode: string }> }) {
  return (
    <AssignRecommendationsPage
      params={params}
      route="/admin/proposals/[proposalCode]/assign"
      guard={requireAdmin}
      backTo={(code) => `/admin/proposals/${encodeURIComponent(code)}`}
    />
  );
}
