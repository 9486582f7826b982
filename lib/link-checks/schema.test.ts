import { describe, expect, it } from "vitest";
import { allowedHostsInput, parseHostList } from "./schema";

describe("the allowed hosts", () => {
  it("are read one per line (or by commas), lower-case, once each, IPv6 without brackets", () => {
    expect(parseHostList(" OA.Example.gov.cn\n10.0.0.8, [fd00::1]\n\noa.example.gov.cn ")).toEqual([
      "oa.example.gov.cn",
      "10.0.0.8",
      "fd00::1",
    ]);
    expect(allowedHostsInput.parse({ hosts: "" })).toEqual({ hosts: [] });
  });

  it.each(["http://oa.example.gov.cn", "oa.example.gov.cn/path", "不是主机!", "-bad.example", "a_b.example"])(
    "refuse %s",
    (host) => {
      const parsed = allowedHostsInput.safeParse({ hosts: `ok.example\n${host}` });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("linkChecks.hostInvalid");
    },
  );

  it("are at most 50", () => {
    const hosts = Array.from({ length: 51 }, (_, n) => `h${n}.example`).join("\n");
    expect(allowedHostsInput.safeParse({ hosts }).error?.issues[0]?.message).toBe("linkChecks.hostsTooMany");
  });
});
