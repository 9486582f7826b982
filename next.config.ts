import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { migrationsOnDisk } from "./lib/db/migrations";
import { API_CONTENT_SECURITY_POLICY } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A calendar feed's URL holds its secret (app/api/calendar/[token]): `next dev` must not print it.
  logging: { incomingRequests: { ignore: [/^\/api\/calendar\//] } },
  // The report renderers read data files of their own packages at run time (pdfkit's font metrics,
  // fontkit's tables): they run from node_modules rather than the bundle, and so does Vega, large.
  serverExternalPackages: ["pdfkit", "fontkit", "vega"],
  // The migrations this build needs, for the readiness check (lib/health/readiness.ts).
  env: {
    TRACKER_BUILT_MIGRATIONS_SQLITE: migrationsOnDisk("sqlite").join(","),
    TRACKER_BUILT_MIGRATIONS_POSTGRESQL: migrationsOnDisk("postgresql").join(","),
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      // Pages get theirs, with a nonce, from proxy.ts; a file's download its own, which lets an image
      // or a PDF show in a sandbox (app/api/files/[fileId]/route.ts).
      {
        source: "/api/:path((?!files/).*)",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
