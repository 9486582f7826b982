import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { proposalFields } from "@/lib/proposals/schema";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { EMPTY_PROPOSAL, ProposalFields, type ProposalValues } from "./proposal-fields";

function render(locale: string, messages: Record<string, unknown>): string {
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      messages,
      timeZone: "Asia/Shanghai",
      // biome-ignore lint/correctness/noChildrenProp: NextIntlClientProvider's props type requires them.
      children: createElement(ProposalFields, { values: EMPTY_PROPOSAL, errors: {} }),
    }),
  );
}

/** The fields the server refuses when left empty: these must be marked before saving. */
const REQUIRED = (Object.keys(EMPTY_PROPOSAL) as (keyof ProposalValues)[]).filter(
  (name) => !proposalFields.shape[name].safeParse("").success,
);

describe("a proposal's fields", () => {
  it("are the six the server requires", () => {
    expect(REQUIRED).toEqual([
      "code",
      "titleZh",
      "authorZh",
      "congressSessionZh",
      "submittedAt",
      "summaryZh",
    ]);
  });

  it.each([
    ["zh-CN", zh, "标 * 的为必填项。"],
    ["en", en, "Fields marked * are required."],
  ])(
    "mark each required field (%s) with a visible * and required + aria-required, and no other",
    (locale, messages, note) => {
      const html = render(locale, messages);
      expect(html).toContain(note);
      for (const name of Object.keys(EMPTY_PROPOSAL)) {
        const control = html.match(new RegExp(`<(?:input|textarea)[^>]*\\bid="${name}"[^>]*>`))?.[0] ?? "";
        // The mark stands right after the label (outside it, so that the label's text stays the name).
        const after =
          html.match(new RegExp(`<label[^>]*for="${name}"[^>]*>.*?</label>(<span[^>]*>)?`))?.[1] ?? "";
        expect(control, name).not.toBe("");
        const required = REQUIRED.includes(name as keyof ProposalValues);
        expect(/\brequired=""/.test(control), `${name} required attribute`).toBe(required);
        expect(control.includes('aria-required="true"'), `${name} aria-required`).toBe(required);
        expect(after.includes('aria-hidden="true"'), `${name} visible mark`).toBe(required);
      }
    },
  );
});
