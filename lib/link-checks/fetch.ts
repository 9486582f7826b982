// Fetching a cited web address for its check, without letting the server become a way into the
// intranet (SSRF). Every connection goes to an address this module resolved and classified itself
// (its own `lookup`), so a name that resolves to a public address when checked and to 127.0.0.1 a
// moment later (DNS rebinding) still connects to the checked one. Each redirect hop is checked again;
// at most MAX_REDIRECTS, only http and https, one time-out for the whole fetch, and the body read up to
// a size cap and then dropped (an endless body ends). Private, loopback, link-local, CGNAT, multicast,
// reserved and unspecified addresses (IPv4-mapped IPv6 as its IPv4) are refused unless an admin
// allowed the host (./settings.ts).
import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";

export const MAX_REDIRECTS = 5;
export const TIMEOUT_MS = 15_000;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export type FetchOptions = {
  /** Host names (or IP literals) whose private addresses are allowed, lower-case. */
  allowedHosts?: readonly string[];
  timeoutMs?: number;
  maxBodyBytes?: number;
};

export type Fetched = {
  status: number;
  finalUrl: string;
  contentType: string | null;
  body: Buffer;
  /** Whether the body was cut at the size cap. */
  truncated: boolean;
};

export type FetchFailureKind = "timeout" | "network" | "refused" | "redirects" | "invalid";

export class FetchFailure extends Error {
  constructor(
    readonly kind: FetchFailureKind,
    message: string,
    /** The address reached when it failed (a refused redirect's target). */
    readonly url?: string,
  ) {
    super(message);
  }
}

const PUBLIC_RANGE = "unicast";

/**
 * Whether an address may be connected to: only global unicast addresses. ipaddr.js names every
 * special range (private, loopback, linkLocal, carrierGradeNat, multicast, unspecified, reserved,
 * uniqueLocal, 6to4, teredo …); an IPv4-mapped IPv6 address is judged as its IPv4.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === PUBLIC_RANGE;
}

function hostAllowed(hostname: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.includes(bareHost(hostname));
}

/** A URL's host name without IPv6 brackets, lower-case. */
function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

/** A lookup that resolves the name and hands the connection only an address it may use. */
function checkedLookup(hostname: string, allowedHosts: readonly string[]): LookupFunction {
  return (_name, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const usable = hostAllowed(hostname, allowedHosts)
        ? addresses
        : addresses.filter((entry) => isPublicAddress(entry.address));
      const chosen = usable[0];
      if (!chosen) return callback(refusedAddress(hostname, addresses[0]?.address ?? "?"), "", 0);
      if (options.all) return (callback as (e: null, a: typeof usable) => void)(null, usable);
      callback(null, chosen.address, chosen.family);
    });
  };
}

function refusedAddress(hostname: string, address: string): FetchFailure {
  return new FetchFailure("refused", `${hostname} is ${address}, a private or special address`);
}

/** Fetches `url` (GET), following up to MAX_REDIRECTS redirects, within the limits above. */
export async function fetchLink(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const allowedHosts = options.allowedHosts ?? [];
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const deadline = AbortSignal.timeout(timeoutMs);
  let current = parseHttpUrl(url);
  for (let redirects = 0; ; redirects += 1) {
    const response = await requestOnce(current, allowedHosts, maxBodyBytes, deadline);
    if (!("location" in response)) return { ...response, finalUrl: current.href };
    if (redirects >= MAX_REDIRECTS)
      throw new FetchFailure("redirects", `more than ${MAX_REDIRECTS} redirects`, current.href);
    let next: URL;
    try {
      next = parseHttpUrl(new URL(response.location, current).href);
    } catch (error) {
      if (error instanceof FetchFailure) throw new FetchFailure(error.kind, error.message, current.href);
      throw error;
    }
    current = next;
  }
}

function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchFailure("invalid", "not a web address", url);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new FetchFailure("refused", `${parsed.protocol} is not http or https`, url);
  return parsed;
}

type OneResponse = Omit<Fetched, "finalUrl"> | { location: string };

function requestOnce(
  url: URL,
  allowedHosts: readonly string[],
  maxBodyBytes: number,
  deadline: AbortSignal,
): Promise<OneResponse> {
  const host = bareHost(url.hostname);
  // An address written in the URL is not looked up: judge it here.
  if (ipaddr.isValid(host) && !isPublicAddress(host) && !hostAllowed(host, allowedHosts))
    return Promise.reject(new FetchFailure("refused", `${host} is a private or special address`, url.href));
  if (deadline.aborted) return Promise.reject(new FetchFailure("timeout", "timed out", url.href));
  const client = url.protocol === "https:" ? https : http;
  return new Promise<OneResponse>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(asFailure(error, deadline, url.href));
    };
    const request = client.request(
      url,
      {
        method: "GET",
        lookup: checkedLookup(host, allowedHosts),
        // No agent's kept connections: each hop connects to its own checked address.
        agent: false,
        signal: deadline,
        headers: {
          "user-agent": "ProposalTracker-LinkCheck/1.0",
          accept: "text/html,application/xhtml+xml,*/*;q=0.8",
          "accept-encoding": "gzip, deflate, br",
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status >= 300 && status < 400 && location) {
          response.destroy();
          settled = true;
          return resolve({ location });
        }
        const decoded = decompress(response, response.headers["content-encoding"]);
        const chunks: Buffer[] = [];
        let size = 0;
        const done = (truncated: boolean) => {
          if (settled) return;
          settled = true;
          response.destroy();
          if (decoded !== response) decoded.destroy();
          resolve({
            status,
            contentType: response.headers["content-type"] ?? null,
            body: Buffer.concat(chunks, size),
            truncated,
          });
        };
        decoded.on("data", (chunk: Buffer) => {
          if (settled) return;
          const room = maxBodyBytes - size;
          chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
          size += Math.min(chunk.length, room);
          if (size >= maxBodyBytes) done(true);
        });
        decoded.on("end", () => done(false));
        decoded.on("error", fail);
        response.on("error", fail);
      },
    );
    request.on("error", fail);
    request.end();
  });
}

function decompress(
  response: http.IncomingMessage,
  encoding: string | undefined,
): NodeJS.ReadableStream & {
  destroy(): void;
  on(event: string, listener: (...args: never[]) => void): unknown;
} {
  const name = encoding?.trim().toLowerCase();
  const decoder =
    name === "gzip" || name === "x-gzip"
      ? zlib.createGunzip()
      : name === "deflate"
        ? zlib.createInflate()
        : name === "br"
          ? zlib.createBrotliDecompress()
          : null;
  if (!decoder) return response;
  response.pipe(decoder);
  return decoder;
}

function asFailure(error: unknown, deadline: AbortSignal, url: string): FetchFailure {
  if (error instanceof FetchFailure) return new FetchFailure(error.kind, error.message, error.url ?? url);
  if (deadline.aborted) return new FetchFailure("timeout", "timed out", url);
  const message = error instanceof Error ? error.message : String(error);
  return new FetchFailure("network", message, url);
}
