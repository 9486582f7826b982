"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { FieldError, Input, Label, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { createProposalFromEntry } from "@/lib/proposals/actions";
import {
  mergeParts,
  type ProposalPart,
  removePart,
  segmentProposalText,
  splitPart,
} from "@/lib/proposals/segment";
import type { FormState } from "@/lib/validation/form-action";
import { EMPTY_PROPOSAL, ProposalFields } from "./proposal-fields";

/**
 * Assisted entry (辅助录入): the admin pastes a proposal's text, the app proposes its split into
 * recommendations by the numbering of official writing, and the admin edits, merges, splits or
 * removes parts before the proposal and all its recommendations are saved together.
 */
export function ProposalEntryForm() {
  const t = useTranslations("manage");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(createProposalFromEntry, {});
  const [text, setText] = useState("");
  const [parts, setParts] = useState<ProposalPart[] | null>(null);
  const [preamble, setPreamble] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const quotes = useRef(new Map<number, HTMLTextAreaElement>());
  const errors = state.fieldErrors ?? {};

  function segment() {
    const result = segmentProposalText(text);
    setParts(result.parts);
    setPreamble(result.preamble?.text ?? null);
    setProblem(null);
  }

  function change(i: number, patch: Partial<Pick<ProposalPart, "code" | "title" | "text">>) {
    setParts((current) => current?.map((part, j) => (j === i ? { ...part, ...patch } : part)) ?? null);
  }

  function split(i: number) {
    const area = quotes.current.get(i);
    try {
      // At the cursor in the part's text.
      setParts((current) => (current ? splitPart(current, i, area?.selectionStart ?? 0) : current));
      setProblem(null);
    } catch {
      setProblem(t("entry.splitWhere"));
    }
  }

  const payload = JSON.stringify(
    (parts ?? []).map((part) => ({ code: part.code, titleZh: part.title, sourceQuote: part.text })),
  );

  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-6" noValidate>
      <FormMessages state={state} />
      <ProposalFields values={EMPTY_PROPOSAL} errors={errors} />
      <div className="space-y-2">
        <Field
          name="sourceText"
          label={t("entry.text")}
          hint={t("entry.textHint")}
          errors={errors.sourceText}
        >
          {(control) => (
            <Textarea {...control} rows={10} value={text} onChange={(event) => setText(event.target.value)} />
          )}
        </Field>
        <Button type="button" variant="outline" onClick={segment} disabled={text.trim() === ""}>
          {t("entry.segment")}
        </Button>
      </div>
      <input type="hidden" name="parts" value={payload} />
      {parts && (
        <section aria-labelledby="entry-parts" className="space-y-3">
          <h2 id="entry-parts" className="text-lg font-semibold">
            {t("entry.parts", { count: parts.length })}
          </h2>
          <p className="text-sm text-slate-700">{t("entry.review")}</p>
          {preamble && (
            <details className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
              <summary>{t("entry.preamble")}</summary>
              <p className="mt-2 whitespace-pre-wrap">{preamble}</p>
            </details>
          )}
          {problem && (
            <p role="alert" className="text-sm text-red-700">
              {problem}
            </p>
          )}
          <FieldError id="parts-error" messages={errors.parts} />
          <ol className="space-y-3">
            {parts.map((part, i) => {
              const id = `part-${i}`;
              const partErrors = (field: string) => errors[`parts.${i}.${field}`];
              return (
                <li
                  key={`${part.start}-${part.code}`}
                  className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
                  data-testid="entry-part"
                >
                  <div className="grid gap-3 md:grid-cols-[7rem_1fr]">
                    <div className="space-y-1">
                      <Label htmlFor={`${id}-code`}>{t("field.code")}</Label>
                      <Input
                        id={`${id}-code`}
                        value={part.code}
                        maxLength={20}
                        aria-invalid={Boolean(partErrors("code"))}
                        onChange={(event) => change(i, { code: event.target.value })}
                      />
                      <FieldError id={`${id}-code-error`} messages={partErrors("code")} />
                    </div>
                    <div className="space-y-1">
                      <Label htmlFor={`${id}-title`}>{t("field.titleZh")}</Label>
                      <Input
                        id={`${id}-title`}
                        value={part.title}
                        maxLength={300}
                        aria-invalid={Boolean(partErrors("titleZh"))}
                        onChange={(event) => change(i, { title: event.target.value })}
                      />
                      <FieldError id={`${id}-title-error`} messages={partErrors("titleZh")} />
                    </div>
                  </div>
                  <div className="space-y-1">
                    <Label htmlFor={`${id}-quote`}>
                      {t("field.sourceQuote")}
                      {part.marker && (
                        <span className="ml-2 font-mono text-xs text-slate-500">{part.marker}</span>
                      )}
                    </Label>
                    <Textarea
                      id={`${id}-quote`}
                      ref={(element) => {
                        if (element) quotes.current.set(i, element);
                        else quotes.current.delete(i);
                      }}
                      rows={3}
                      value={part.text}
                      aria-invalid={Boolean(partErrors("sourceQuote"))}
                      onChange={(event) => change(i, { text: event.target.value })}
                    />
                    <FieldError id={`${id}-quote-error`} messages={partErrors("sourceQuote")} />
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <Button type="button" size="sm" variant="outline" onClick={() => split(i)}>
                      {t("entry.split", { code: part.code })}
                    </Button>
                    {i < parts.length - 1 && (
                      <Button
                        type="button"
                        size="sm"
                        variant="outline"
                        onClick={() => setParts(mergeParts(parts, i))}
                      >
                        {t("entry.merge", { code: part.code, next: parts[i + 1]?.code ?? "" })}
                      </Button>
                    )}
                    <Button
                      type="button"
                      size="sm"
                      variant="ghost"
                      onClick={() => setParts(removePart(parts, i))}
                    >
                      {t("entry.remove", { code: part.code })}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("entry.save", { count: parts?.length ?? 0 })}
      </Button>
    </form>
  );
}
