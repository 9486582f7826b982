"use client";

import { BellPlus, BellRing } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setFollowing } from "@/lib/notifications/actions";
import type { FormState } from "@/lib/validation/form-action";

/**
 * Follow an item (be told of its status, progress, reply and evidence changes), or stop. `code`
 * makes it the compact button of a row in a list (an action's), named by that code.
 */
export function FollowButton({
  itemType,
  itemId,
  following,
  code,
}: {
  itemType: "proposal" | "recommendation" | "action";
  itemId: string;
  following: boolean;
  code?: string;
}) {
  const t = useTranslations("notifications.follow");
  const [state, submit, pending] = useActionState<FormState, FormData>(setFollowing, {});
  const error = state.formError ?? Object.values(state.fieldErrors ?? {})[0]?.[0];
  return (
    <form action={submit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="itemType" value={itemType} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="follow" value={following ? "0" : "1"} />
      <Button
        type="submit"
        variant={code && !following ? "ghost" : "outline"}
        size="sm"
        disabled={pending}
        aria-pressed={following}
        aria-label={code ? t("followRow", { code }) : undefined}
        title={code ? t(following ? "followingHint" : "followHint") : undefined}
      >
        {following ? (
          <BellRing aria-hidden="true" className="h-4 w-4" />
        ) : (
          <BellPlus aria-hidden="true" className="h-4 w-4" />
        )}
        {code ? t("followShort") : following ? t("following") : t(`follow.${itemType}`)}
      </Button>
      {!code && (
        <span className="text-xs text-slate-600">{following ? t("followingHint") : t("followHint")}</span>
      )}
      {error && <Alert>{error}</Alert>}
    </form>
  );
}
