import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { TIME_ZONE } from "@/lib/dates";
import { FORMATS } from "@/lib/i18n/formats";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

/** A component's HTML as the server sends it, with the app's messages and formats in `locale`. */
export function renderHtml(node: ReactNode, locale: Locale): string {
  return renderToString(
    <NextIntlClientProvider
      locale={locale}
      messages={locale === "en" ? en : zh}
      timeZone={TIME_ZONE}
      formats={FORMATS}
    >
      {node}
    </NextIntlClientProvider>,
  );
}
