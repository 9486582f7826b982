import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["zh-CN", "en"],
  defaultLocale: "zh-CN",
  // Chinese first for everyone: the people using the tracker work in Chinese; English is one click away.
  localeDetection: false,
});

export type Locale = (typeof routing.locales)[number];
