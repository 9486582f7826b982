import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";

// Pages and layouts compose: their reads live in lib/<feature>/ (queries.ts, page-queries.ts), where
// they are shared and tested. Only route handlers may reach the client themselves.
describe("app/", () => {
  it("imports the database client in route handlers only", () => {
    const importing = readdirSync("app", { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file) && !/^route\.tsx?$/.test(basename(file)))
      .filter((file) => /from "@\/lib\/db(\/[^"]*)?"/.test(readFileSync(join("app", file), "utf8")));
    expect(importing).toEqual([]);
  });
});
