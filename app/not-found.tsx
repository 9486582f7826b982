import "./globals.css";

// Requests outside any locale (the proxy prefixes every page route, so this is rare).
export default function GlobalNotFound() {
  return (
    <html lang="zh-CN">
      <body className="p-8">
        <h1 className="text-xl font-semibold">页面不存在 · Page not found</h1>
        <p className="mt-3">
          <a className="text-brand-700 underline" href="/zh-CN">
            返回首页
          </a>{" "}
          ·{" "}
          <a className="text-brand-700 underline" href="/en" lang="en">
            Home
          </a>
        </p>
      </body>
    </html>
  );
}
