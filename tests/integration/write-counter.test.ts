// The write counter the sweeps rely on to prove that a refusal wrote nothing (support/write-counter.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { installWriteCounter, type WriteCounts, writtenBetween } from "./support/write-counter";

let writeCounts: () => Promise<WriteCounts>;
beforeAll(async () => {
  writeCounts = await installWriteCounter(["Verification", "DataVersion"]);
});

describe("the write counter", () => {
  it("counts every row inserted, updated (even to the same values) and deleted", async () => {
    const before = await writeCounts();
    const theme = await db.theme.create({ data: { code: "WC", nameZh: "计数" } });
    await db.theme.update({ where: { id: theme.id }, data: { nameZh: "计数" } });
    await db.theme.delete({ where: { id: theme.id } });
    expect(writtenBetween(before, await writeCounts())).toEqual(["Theme +3"]);
  });

  it("counts nothing for an update that matched no row, a write rolled back, or a table left out", async () => {
    const before = await writeCounts();
    await db.theme.updateMany({ where: { code: "no-such-theme" }, data: { nameZh: "无" } });
    await expect(
      db.$transaction(async (tx) => {
        await tx.theme.create({ data: { code: "WC-ROLLED-BACK", nameZh: "回滚" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await db.verification.create({
      data: {
        id: "write-counter",
        identifier: "write-counter",
        value: "x",
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    expect(writtenBetween(before, await writeCounts())).toEqual([]);
  });
});
