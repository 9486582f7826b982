/** What Next.js hands a page under [locale] that reads its query string. */
export type LocalePageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
