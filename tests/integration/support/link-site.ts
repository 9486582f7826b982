// A local web server for the link checker's tests (unit, integration and end to end): pages that
// answer, redirect, fail, hang or never end. Not used by the app.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import iconv from "iconv-lite";

export type TestSite = {
  origin: string;
  port: number;
  /** Requests received, by path. */
  hits: Map<string, number>;
  /** Sets what /page/<name> answers from now on (its text; a changed text is a changed page). */
  setPage: (name: string, text: string) => void;
  close: () => Promise<void>;
};

export async function startTestSite(): Promise<TestSite> {
  const hits = new Map<string, number>();
  const pages = new Map<string, string>();
  const hanging: ServerResponse[] = [];
  let port = 0;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const html = (title: string, body: string) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html><head><title>${title}</title><style>p{}</style></head><body>${body}</body></html>`,
      );
    };
    if (path === "/ok") return html("上海市人民政府", "<p>公开 <b>信息</b></p><script>var x=1</script>");
    if (path === "/gbk") {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end(
        iconv.encode(
          '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>上海市经济和信息化委员会</title></head><body><p>关于推进人工智能发展的通知</p></body></html>',
          "gbk",
        ),
      );
    }
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (hop) {
      const left = Number(hop[1]);
      res.writeHead(
        left > 0 ? 302 : 200,
        left > 0 ? { location: `/hop/${left - 1}` } : { "content-type": "text/html" },
      );
      return res.end(left > 0 ? "" : "<title>终点</title><p>到了</p>");
    }
    if (path === "/missing") {
      res.writeHead(404, { "content-type": "text/html" });
      return res.end("<title>404 Not Found</title>");
    }
    if (path === "/hang") {
      hanging.push(res);
      return;
    }
    if (path === "/endless") {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<title>无尽</title>");
      const chunk = `<p>${"数据".repeat(4000)}</p>`;
      const pump = () => {
        while (res.write(chunk)) {}
        res.once("drain", pump);
      };
      res.on("close", () => res.removeAllListeners("drain"));
      return pump();
    }
    if (path === "/to-loopback") {
      res.writeHead(301, { location: `http://127.0.0.1:${port}/ok` });
      return res.end();
    }
    const page = /^\/page\/([\w-]+)$/.exec(path);
    // A moment's wait, as a real site takes, so that two checkers' rounds overlap.
    const text = page?.[1] ? pages.get(page[1]) : undefined;
    if (page?.[1] && text !== undefined) {
      setTimeout(() => html(`页面 ${page[1]}`, `<p>${text}</p>`), 20);
      return;
    }
    res.writeHead(404);
    res.end();
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits,
    setPage: (name, text) => pages.set(name, text),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
