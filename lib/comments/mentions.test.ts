import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentText } from "@/components/comments/comment-text";
import { encodeMentions, mentionKey, parseMentionKey, plainTextOf, segmentsOf } from "./mentions";

const wang = { kind: "user", id: "u_wang", name: "王延峰（示例）" } as const;
const jxw = { kind: "agency", id: "a_jxw", name: "市经济信息化委" } as const;
const jx = { kind: "agency", id: "a_jx", name: "市经济" } as const;
const names = new Map([
  ["user:u_wang", "王延峰（已改名）"],
  ["agency:a_jxw", "市经济信息化委"],
]);
const nameOf = (ref: { kind: string; id: string }) => names.get(`${ref.kind}:${ref.id}`) ?? null;

function render(text: string, mentions: string[] = []) {
  return renderToStaticMarkup(createElement(CommentText, { text, mentions, nameOf }));
}

describe("mentions in a comment's text", () => {
  it("become references where the picked names stand, and come back as the same text", () => {
    const text = "请 @王延峰（示例） 看看，@市经济信息化委 已回复。";
    const { stored, refs } = encodeMentions(text, [wang, jxw]);
    expect(stored).toBe("请 @[u:u_wang] 看看，@[a:a_jxw] 已回复。");
    expect(refs.map(mentionKey)).toEqual(["user:u_wang", "agency:a_jxw"]);
    const known = new Set(refs.map(mentionKey));
    const original = new Map([
      ["user:u_wang", wang.name],
      ["agency:a_jxw", jxw.name],
    ]);
    expect(plainTextOf(stored, known, (ref) => original.get(mentionKey(ref)) ?? null)).toBe(text);
  });

  it("read the longest name first and drop a pick whose name is no longer in the text", () => {
    const { stored, refs } = encodeMentions("@市经济信息化委 请答复", [jx, jxw, wang]);
    expect(stored).toBe("@[a:a_jxw] 请答复");
    expect(refs).toEqual([{ kind: "agency", id: "a_jxw" }]);
  });

  it("are only the references the version recorded: a token typed by hand stays text", () => {
    expect(segmentsOf("见 @[u:someone] 与 @[u:u_wang]", new Set(["user:u_wang"]))).toEqual([
      { type: "text", text: "见 @[u:someone] 与 " },
      { type: "mention", ref: { kind: "user", id: "u_wang" } },
    ]);
  });

  it("are named as forms send them", () => {
    expect(parseMentionKey("user:abc_1")).toEqual({ kind: "user", id: "abc_1" });
    expect(parseMentionKey("agency:x")).toEqual({ kind: "agency", id: "x" });
    expect(parseMentionKey("role:admin")).toBeNull();
    expect(parseMentionKey("user:a b")).toBeNull();
  });
});

describe("a comment's text on the page", () => {
  it("shows a mention by today's name", () => {
    expect(render("@[u:u_wang] 您好", ["user:u_wang"])).toContain("@王延峰（已改名）");
  });

  it("never renders HTML: a script tag is text", () => {
    const html = render('<script>alert(1)</script><img src=x onerror="alert(2)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("links web addresses only, never javascript: or data:", () => {
    const html = render(
      "见 https://github.com/InternLM/InternLM 与 opendatalab.com；javascript:alert(1) data:text/html,x JAVASCRIPT://%0aalert(1) mailto:a@b.cn",
    );
    expect(html).toContain('href="https://github.com/InternLM/InternLM"');
    expect(html).toContain('href="https://opendatalab.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow ugc"');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(["https://github.com/InternLM/InternLM", "https://opendatalab.com"]);
    expect(html).toContain("javascript:alert(1)");
  });

  it("does not break out of an address's attribute", () => {
    const html = render('https://example.org/"><script>x</script>');
    expect(html).not.toContain("<script");
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).not.toContain('"');
  });
});
