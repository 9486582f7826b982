import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "./actions";

const named = (messages: Record<string, unknown>, path: string) =>
  typeof path.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], messages) ===
  "string";

describe("the audit log's vocabulary", () => {
  it.each([
    ["zh-CN", zh],
    ["en", en],
  ])("names every action and every kind of item in %s", (_, messages) => {
    const missing = [
      ...AUDIT_ACTIONS.map((action) => `admin.auditAction.${action}`),
      ...AUDIT_ENTITY_TYPES.map((type) => `admin.entityType.${type}`),
    ].filter((path) => !named(messages, path));
    expect(missing).toEqual([]);
  });
});
