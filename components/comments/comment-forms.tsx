"use client";
// The forms of a thread: a comment's text with its @mentions (typed "@" and picked from the list that
// opens, or picked from the select), its edit (the author, within 15 minutes) and an admin's hiding.
// Several are on one page, so ids come from useId.
import { useTranslations } from "next-intl";
import { type ChangeEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { LabelWithMark } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { FieldError, Input, Label, Select, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { editComment, hideComment, postComment } from "@/lib/comments/actions";
import type { NamedCandidate } from "@/lib/comments/items";
import { mentionKey } from "@/lib/comments/mentions";
import { COMMENT_MAX, HIDE_REASON_MAX } from "@/lib/comments/schema";
import type { FormState } from "@/lib/validation/form-action";

/** The "@query" being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  const query = before.slice(at + 1);
  if (/\s/.test(query) || query.length > 20) return null;
  if (at > 0 && /[\p{L}\p{N}]/u.test(before[at - 1] ?? "") && !/\p{Script=Han}/u.test(before[at - 1] ?? ""))
    return null; // an e-mail address, not a mention
  return { start: at, query };
}

function CommentTextField({
  candidates,
  initialText = "",
  initialMentions = [],
  errors,
  label,
  resetKey,
}: {
  candidates: NamedCandidate[];
  initialText?: string;
  initialMentions?: string[];
  errors?: string[];
  label: string;
  /** Changes when the form was sent and taken: the field starts again empty. */
  resetKey?: number;
}) {
  const t = useTranslations("comments.form");
  const id = useId();
  const [text, setText] = useState(initialText);
  const [picked, setPicked] = useState<string[]>(initialMentions);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [choice, setChoice] = useState("");
  const area = useRef<HTMLTextAreaElement | null>(null);

  // It runs when the form was taken (resetKey changes).
  useEffect(() => {
    if (resetKey === undefined || resetKey === 0) return;
    setText("");
    setPicked([]);
    setQuery(null);
  }, [resetKey]);

  const byKey = useMemo(() => new Map(candidates.map((c) => [mentionKey(c), c])), [candidates]);
  const matches = query
    ? candidates.filter((c) => c.name.toLowerCase().includes(query.query.toLowerCase())).slice(0, 8)
    : [];
  const inText = picked.filter((key) => {
    const candidate = byKey.get(key);
    return candidate && text.includes(`@${candidate.name}`);
  });

  function insert(candidate: NamedCandidate, replace?: { start: number; end: number }) {
    const element = area.current;
    const caret = element?.selectionStart ?? text.length;
    const start = replace?.start ?? caret;
    const end = replace?.end ?? caret;
    const mention = `@${candidate.name} `;
    const next = `${text.slice(0, start)}${mention}${text.slice(end)}`;
    setText(next.slice(0, COMMENT_MAX));
    setPicked((keys) => [...new Set([...keys, mentionKey(candidate)])]);
    setQuery(null);
    requestAnimationFrame(() => {
      element?.focus();
      const at = start + mention.length;
      element?.setSelectionRange(at, at);
    });
  }

  function onChange(event: ChangeEvent<HTMLTextAreaElement>) {
    setText(event.target.value);
    setQuery(mentionQuery(event.target.value, event.target.selectionStart));
  }

  const people = candidates.filter((c) => c.kind === "user");
  const agencies = candidates.filter((c) => c.kind === "agency");
  const label_ = (c: NamedCandidate) => (c.detail ? `${c.name}（${c.detail}）` : c.name);
  return (
    <div className="space-y-2">
      <LabelWithMark htmlFor={`${id}-text`}>{label}</LabelWithMark>
      <Textarea
        ref={area}
        id={`${id}-text`}
        name="text"
        value={text}
        onChange={onChange}
        onKeyDown={(event) => {
          if (event.key === "Escape") setQuery(null);
        }}
        maxLength={COMMENT_MAX}
        required
        rows={3}
        aria-invalid={Boolean(errors?.length)}
        aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ""}`}
        className="min-h-24"
      />
      {matches.length > 0 && query && (
        <ul
          aria-label={t("suggestions")}
          className="flex flex-wrap gap-1.5"
          data-testid="mention-suggestions"
        >
          {matches.map((candidate) => (
            <li key={mentionKey(candidate)}>
              <button
                type="button"
                className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-brand-50"
                onClick={() =>
                  insert(candidate, { start: query.start, end: query.start + 1 + query.query.length })
                }
              >
                @{label_(candidate)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {t("hint")} {text.length}/{COMMENT_MAX}
      </p>
      <FieldError id={`${id}-error`} messages={errors} />
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1 space-y-1">
          <Label htmlFor={`${id}-mention`}>{t("mentionLabel")}</Label>
          <Select id={`${id}-mention`} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">{t("mentionPick")}</option>
            {agencies.length > 0 && (
              <optgroup label={t("agencies")}>
                {agencies.map((c) => (
                  <option key={mentionKey(c)} value={mentionKey(c)}>
                    {label_(c)}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t("people")}>
              {people.map((c) => (
                <option key={mentionKey(c)} value={mentionKey(c)}>
                  {label_(c)}
                </option>
              ))}
            </optgroup>
          </Select>
        </div>
        <Button
          type="button"
          variant="outline"
          disabled={!choice}
          onClick={() => {
            const candidate = byKey.get(choice);
            if (candidate) insert(candidate);
            setChoice("");
          }}
        >
          {t("insert")}
        </Button>
      </div>
      {inText.length > 0 && (
        <p className="text-xs text-slate-700" data-testid="mention-targets">
          {t("mentioned", { names: inText.map((key) => byKey.get(key)?.name ?? "").join("、") })}
        </p>
      )}
      {inText.map((key) => (
        <input key={key} type="hidden" name="mentions" value={key} />
      ))}
    </div>
  );
}

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export function PostCommentForm({
  recommendationId,
  actionId,
  candidates,
}: {
  recommendationId: string;
  actionId: string | null;
  candidates: NamedCandidate[];
}) {
  const t = useTranslations("comments.form");
  const { state, onSubmit, pending, form } = useFormAction(postComment as Action, {} as FormState);
  const [taken, setTaken] = useState(0);
  useEffect(() => {
    if (state.notice) setTaken((n) => n + 1);
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3" data-testid="comment-form" noValidate>
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <input type="hidden" name="actionId" value={actionId ?? ""} />
      <CommentTextField
        candidates={candidates}
        errors={state.fieldErrors?.text}
        label={t("label")}
        resetKey={taken}
      />
      <FormMessages state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

export function EditCommentForm({
  commentId,
  version,
  text,
  mentions,
  candidates,
}: {
  commentId: string;
  version: number;
  text: string;
  mentions: string[];
  candidates: NamedCandidate[];
}) {
  const t = useTranslations("comments.edit");
  const { state, onSubmit, pending, form } = useFormAction(editComment as Action, {} as FormState);
  const details = useRef<HTMLDetailsElement | null>(null);
  // Saved: the edit is shown in the thread (the page is read again), and the form closes.
  useEffect(() => {
    if (state.notice && details.current) details.current.open = false;
  }, [state]);
  return (
    <details ref={details} className="text-sm">
      <summary className="cursor-pointer text-brand-700 underline">{t("open")}</summary>
      <form
        ref={form}
        onSubmit={onSubmit}
        className="mt-2 space-y-3"
        noValidate
        data-testid="comment-edit-form"
      >
        <input type="hidden" name="commentId" value={commentId} />
        <input type="hidden" name="version" value={version} />
        <p className="text-xs text-slate-600">{t("hint")}</p>
        <CommentTextField
          candidates={candidates}
          initialText={text}
          initialMentions={mentions}
          errors={state.fieldErrors?.text}
          label={t("label")}
        />
        <FormMessages state={state} />
        <Button type="submit" size="sm" disabled={pending}>
          {t("submit")}
        </Button>
      </form>
    </details>
  );
}

export function HideCommentForm({ commentId, version }: { commentId: string; version: number }) {
  const t = useTranslations("comments.hide");
  const id = useId();
  const { state, onSubmit, pending, form } = useFormAction(hideComment as Action, {} as FormState);
  const errors = state.fieldErrors?.reason;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-800 underline">{t("open")}</summary>
      <form
        ref={form}
        onSubmit={onSubmit}
        className="mt-2 space-y-2"
        noValidate
        data-testid="comment-hide-form"
      >
        <input type="hidden" name="commentId" value={commentId} />
        <input type="hidden" name="version" value={version} />
        <p className="text-xs text-slate-600">{t("hint")}</p>
        <LabelWithMark htmlFor={`${id}-reason`}>{t("reason")}</LabelWithMark>
        <Input
          id={`${id}-reason`}
          name="reason"
          required
          maxLength={HIDE_REASON_MAX}
          aria-invalid={Boolean(errors?.length)}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
        />
        <FieldError id={`${id}-error`} messages={errors} />
        <FormMessages state={state} />
        <Button type="submit" size="sm" variant="outline" disabled={pending}>
          {t("submit")}
        </Button>
      </form>
    </details>
  );
}
