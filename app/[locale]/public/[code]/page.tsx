import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublicProgress } from "@/components/public/public-progress";
import { getCurrentUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { getPublicProgress, mayRead } from "@/lib/public/queries";
import { decodedSegment } from "@/lib/validation/segments";

type Params = Promise<{ locale: string; code: string }>;

// Published proposals are for everyone. Signed-in people (who may read all of it in the app anyway)
// also see an unpublished one, marked as a preview, so that an admin can check it before publishing;
// a deputy, only of their own proposals (lib/auth/deputy-scope.ts).
async function progressFor(code: string) {
  const user = await getCurrentUser();
  const decoded = decodedSegment(code);
  const preview = user !== null && (await mayRead(user, decoded));
  return getPublicProgress(decoded, preview);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, code } = await params;
  const progress = await progressFor(code);
  if (!progress) return {};
  const t = await getTranslations({ locale, namespace: "public" });
  const { proposal, figures } = progress;
  const title = localized(locale, proposal.title.zh, proposal.title.en);
  const path = (l: string) => `/${l}/public/${encodeURIComponent(proposal.code)}`;
  const metaTitle = t("metaTitle", { title });
  const description = t("metaDescription", {
    author: localized(locale, proposal.author.zh, proposal.author.en),
    recommendations: figures.recommendations,
    completed: figures.byStatus.completed,
    progress: figures.weightedProgress ?? 0,
    sample: proposal.isSample ? "yes" : "no",
  });
  return {
    title: metaTitle,
    description,
    // For the preview a link gets when it is shared.
    openGraph: {
      type: "article",
      title: metaTitle,
      description,
      locale: locale === "en" ? "en_US" : "zh_CN",
    },
    alternates: { canonical: path(locale), languages: { "zh-CN": path("zh-CN"), en: path("en") } },
    // A preview is never for search engines.
    robots: proposal.publishedAt ? undefined : { index: false, follow: false },
  };
}

export default async function PublicProgressPage({ params }: { params: Params }) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const progress = await progressFor(code);
  if (!progress) notFound();
  return <PublicProgress progress={progress} />;
}
