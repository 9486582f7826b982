import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ApiTokenCreateForm, RevokeApiTokenButton } from "@/components/admin/api-tokens";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { type ApiTokenStatus, apiTokenStatus, validThrough } from "@/lib/api-tokens/status";
import { requireAdmin } from "@/lib/auth/session";
import { shanghaiDate } from "@/lib/dates";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin", "tokens");

const TONE: Record<ApiTokenStatus, "success" | "muted" | "warning" | "danger"> = {
  active: "success",
  revoked: "danger",
  expired: "muted",
  creatorInactive: "warning",
};

/** API tokens: make one (shown once), see which exist and when they were last used, revoke. */
export default async function AdminTokensPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/tokens`);
  const [tokens, t, format] = await Promise.all([
    listApiTokens(admin),
    getTranslations("apiTokens"),
    getFormatter(),
  ]);
  const now = new Date();
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">
        {t.rich("hint", {
          code: (chunks) => <code className="rounded bg-slate-100 px-1 font-mono text-xs">{chunks}</code>,
        })}
      </p>
      <Card>
        <CardHeader>
          <CardTitle>{t("newToken")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ApiTokenCreateForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("list")}</CardTitle>
        </CardHeader>
        {tokens.length === 0 ? (
          <CardContent>
            <p className="text-sm text-slate-600">{t("none")}</p>
          </CardContent>
        ) : (
          <Table>
            <thead>
              <tr>
                <TableHead scope="col">{t("name")}</TableHead>
                <TableHead scope="col">{t("prefix")}</TableHead>
                <TableHead scope="col">{t("createdAt")}</TableHead>
                <TableHead scope="col">{t("lastUsedAt")}</TableHead>
                <TableHead scope="col">{t("expiresAt")}</TableHead>
                <TableHead scope="col">{t("status")}</TableHead>
                {/* relative: keeps the hidden label inside the table's scrolling box on phones */}
                <TableHead scope="col" className="relative">
                  <span className="sr-only">{t("revoke")}</span>
                </TableHead>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const status = apiTokenStatus(token, now);
                return (
                  <tr key={token.id} data-testid={`api-token-${token.prefix}`}>
                    <TableCell className="font-medium">{token.name}</TableCell>
                    <TableCell className="whitespace-nowrap font-mono text-xs">{token.prefix}…</TableCell>
                    <TableCell className="text-xs">
                      <span className="whitespace-nowrap">
                        {format.dateTime(token.createdAt, "dateTime")}
                      </span>
                      <br />
                      <span className="text-slate-600">{token.createdBy.name}</span>
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-xs">
                      {token.lastUsedAt ? format.dateTime(token.lastUsedAt, "dateTime") : t("never")}
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-xs">
                      {token.expiresAt
                        ? format.dateTime(shanghaiDate(validThrough(token.expiresAt)), "date")
                        : t("noExpiry")}
                    </TableCell>
                    <TableCell className="text-xs">
                      <Badge tone={TONE[status]}>{t(`statusValue.${status}`)}</Badge>
                      {token.revokedAt && (
                        <p className="mt-1 text-slate-600">
                          {t("revokedBy", {
                            name: token.revokedBy?.name ?? "—",
                            date: format.dateTime(token.revokedAt, "dateTime"),
                          })}
                        </p>
                      )}
                    </TableCell>
                    <TableCell>
                      {!token.revokedAt && <RevokeApiTokenButton tokenId={token.id} name={token.name} />}
                    </TableCell>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
