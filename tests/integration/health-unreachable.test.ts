import { describe, expect, it, vi } from "vitest";

describe("GET /api/health without a database", () => {
  it("answers 503 with a reason", async () => {
    // Nothing listens on port 9 (discard): the database is unreachable.
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:9/nowhere?connect_timeout=2");
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: "error", db: "unreachable" });
    expect(body.reason).toEqual(expect.any(String));
  });
});
