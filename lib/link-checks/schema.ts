// The link checks' two writes: "check again now" and the admins' allowed hosts.
import ipaddr from "ipaddr.js";
import { z } from "zod";
import { MAX_ALLOWED_HOSTS } from "./settings";

export const recheckLinkInput = z.object({ linkCheckId: z.string().min(1, { error: "invalid" }).max(200) });

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** One host per line (or separated by commas or spaces), lower-case, each a host name or an IP address. */
export function parseHostList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，]+/)
        .map((host) =>
          host
            .trim()
            .toLowerCase()
            .replace(/^\[|\]$/g, ""),
        )
        .filter(Boolean),
    ),
  ];
}

export function isHost(host: string): boolean {
  return HOST_NAME.test(host) || ipaddr.isValid(host);
}

export const allowedHostsInput = z.object({
  hosts: z
    .string()
    .max(10_000, { error: "linkChecks.hostsTooLong" })
    .optional()
    .transform((text) => parseHostList(text ?? ""))
    .refine((hosts) => hosts.every(isHost), { error: "linkChecks.hostInvalid" })
    .refine((hosts) => hosts.length <= MAX_ALLOWED_HOSTS, { error: "linkChecks.hostsTooMany" }),
});
