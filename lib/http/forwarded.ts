// What a request says about where it came from, and how much of it to believe.
//
// TRUST_PROXY is the number of reverse proxies in front of the app that each append the address they
// received the request from to X-Forwarded-For (nginx: `proxy_add_x_forwarded_for`): unset or 0 when
// browsers connect to the app directly, 1 behind one nginx, 2 behind a load balancer and nginx.
// `npm start` (scripts/serve.mjs) appends the socket's own address to X-Forwarded-For before Next.js
// sees the request, as a proxy would; `next start` alone would not (it keeps a client's header as
// sent, and fills it in only when it is missing). The client is then the address TRUST_PROXY places
// left of the right-most one: the right-most untrusted address. Whatever a client wrote into the
// header itself lies further left and is never read.

/** The number of trusted proxy hops (TRUST_PROXY); a value that is not a small whole number is refused. */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  if (value === undefined || value.trim() === "") return 0;
  if (!/^\d{1,2}$/.test(value.trim())) {
    throw new Error(`TRUST_PROXY must be the number of trusted proxies in front of the app, not "${value}"`);
  }
  return Number(value.trim());
}

/** The entries of a comma-separated forwarding header, left to right. */
function entries(header: string | null): string[] {
  return (header ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * The client's address: the X-Forwarded-For entry `hops` places left of the right-most one (the
 * left-most when there are fewer). Null when there is none or it is not an IP address.
 */
export function clientAddress(headers: Headers, hops = trustedProxyHops()): string | null {
  const chain = entries(headers.get("x-forwarded-for"));
  if (chain.length === 0) return null;
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - hops)] ?? "");
}

/**
 * Whether the browser's connection was https: BETTER_AUTH_URL says so, or, behind a trusted proxy,
 * the X-Forwarded-Proto it set. Without a trusted proxy the header is the client's word and ignored.
 */
export function requestIsHttps(
  headers: Headers,
  hops = trustedProxyHops(),
  baseUrl = process.env.BETTER_AUTH_URL,
): boolean {
  if (baseUrl?.startsWith("https://")) return true;
  if (hops === 0) return false;
  const protocols = entries(headers.get("x-forwarded-proto"));
  // Proxies usually overwrite this header; where each appends, the outermost trusted one's entry.
  return protocols[Math.max(0, protocols.length - hops)]?.toLowerCase() === "https";
}

/** "::ffff:10.0.0.1" → "10.0.0.1", "[2001:db8::1]:443" → "2001:db8::1", "10.0.0.1:8080" → "10.0.0.1". */
function normalizeAddress(entry: string): string | null {
  let address = entry;
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.toLowerCase().replace(/^::ffff:(?=[\d.]+$)/, "");
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (ipv4) return ipv4.slice(1).every((part) => Number(part) <= 255) ? address : null;
  return /^[0-9a-f:.]{2,45}$/.test(address) && address.includes(":") ? address : null;
}
