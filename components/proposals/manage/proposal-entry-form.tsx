"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, LabelWithMark, RequiredMark } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { FieldError, Input, Label, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { createProposalFromEntry } from "@/lib/proposals/actions";
import {
  type EntryRecommendationPlan,
  entryPayload,
  mergeParts,
  type ProposalPart,
  type ProposalSection,
  planEntry,
  removePart,
  type SubItemMode,
  segmentProposalText,
  splitPart,
} from "@/lib/proposals/segment";
import type { FormState } from "@/lib/validation/form-action";
import { EMPTY_PROPOSAL, ProposalFields } from "./proposal-fields";

type Edit = Partial<Pick<ProposalPart, "title" | "text">>;

/**
 * Assisted entry (辅助录入): the admin pastes a proposal's text, the app proposes its split into
 * recommendations by the numbering of official writing, and the admin edits, merges, splits or
 * removes parts before the proposal and all its recommendations are saved together. Where 一、
 * headings stand over （一） items, each heading is a recommendation and its items are its actions,
 * or, at the admin's choice, recommendations of their own.
 */
export function ProposalEntryForm() {
  const t = useTranslations("manage");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(createProposalFromEntry, {});
  const [text, setText] = useState("");
  const [parts, setParts] = useState<ProposalPart[] | null>(null);
  // A removed heading is null, so that the parts' section indices stay valid.
  const [sections, setSections] = useState<(ProposalSection | null)[]>([]);
  const [mode, setMode] = useState<SubItemMode>("actions");
  // Codes the admin typed, by where the item comes from; a change of the split renumbers all.
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [preamble, setPreamble] = useState<string | null>(null);
  const [unsplit, setUnsplit] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const quotes = useRef(new Map<number, HTMLTextAreaElement>());
  const errors = state.fieldErrors ?? {};

  function segment() {
    const result = segmentProposalText(text);
    setParts(result.parts);
    setSections(result.sections);
    setPreamble(result.preamble?.text ?? null);
    setUnsplit(result.unsplit);
    setCodes({});
    setProblem(null);
  }

  function restructure(next: ProposalPart[]) {
    setParts(next);
    setCodes({});
  }

  function changePart(i: number, patch: Edit) {
    setParts((current) => current?.map((part, j) => (j === i ? { ...part, ...patch } : part)) ?? null);
  }

  function changeSection(s: number, patch: Edit) {
    setSections((current) =>
      current.map((section, j) => (j === s && section ? { ...section, ...patch } : section)),
    );
  }

  function removeSection(s: number) {
    setSections((current) => current.map((section, j) => (j === s ? null : section)));
    setCodes({});
  }

  function split(i: number) {
    const area = quotes.current.get(i);
    try {
      // At the cursor in the part's text.
      if (parts) restructure(splitPart(parts, i, area?.selectionStart ?? 0));
      setProblem(null);
    } catch {
      setProblem(t("entry.splitWhere"));
    }
  }

  const hasSections = sections.some(Boolean);
  const plan = parts ? withCodes(planEntry(sections, parts, mode), codes) : [];
  const actionCount = plan.reduce((sum, rec) => sum + rec.actions.length, 0);
  const payload = JSON.stringify(entryPayload(plan));

  /** The controls of one part (a recommendation or an action): split, merge with the next of its group, remove. */
  function partButtons(i: number, code: string, nextCode: string | null) {
    if (!parts) return null;
    return (
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" variant="outline" onClick={() => split(i)}>
          {t("entry.split", { code })}
        </Button>
        {nextCode !== null && (
          <Button type="button" size="sm" variant="outline" onClick={() => restructure(mergeParts(parts, i))}>
            {t("entry.merge", { code, next: nextCode })}
          </Button>
        )}
        <Button type="button" size="sm" variant="ghost" onClick={() => restructure(removePart(parts, i))}>
          {t("entry.remove", { code })}
        </Button>
      </div>
    );
  }

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
            {actionCount > 0
              ? t("entry.partsWithActions", { count: plan.length, actions: actionCount })
              : t("entry.parts", { count: plan.length })}
          </h2>
          <p className="text-sm text-slate-700">{t("entry.review")}</p>
          {unsplit && (
            <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("entry.unsplit")}
            </p>
          )}
          {hasSections && (
            <fieldset className="space-y-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
              <legend className="px-1 text-sm font-medium text-slate-800">{t("entry.subItems")}</legend>
              <div className="flex flex-wrap gap-2">
                {(["actions", "recommendations"] as const).map((value) => (
                  <label
                    key={value}
                    className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:ring-2 has-[:checked]:ring-brand-600/30"
                  >
                    <input
                      type="radio"
                      name="subItemMode"
                      value={value}
                      checked={mode === value}
                      onChange={() => {
                        setMode(value);
                        setCodes({});
                      }}
                      className="size-4 accent-brand-600"
                    />
                    {t(`entry.subItemsAs.${value}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
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
            {plan.map((rec, r) => {
              const id = `part-${r}`;
              const recErrors = (field: string) => errors[`parts.${r}.${field}`];
              const fromSection = rec.source.kind === "section";
              const partIndex = rec.source.index;
              const part = fromSection ? null : parts[partIndex];
              const section = fromSection ? sections[rec.source.index] : null;
              // In "recommendations" mode a heading opens its first item's quote: shown above it.
              const heading =
                part && part.section !== null && rec.quote !== part.text ? sections[part.section] : null;
              const next = plan[r + 1];
              const nextPart = next?.source.kind === "part" ? parts[next.source.index] : undefined;
              const mergeable =
                part && nextPart && next && (mode === "recommendations" || nextPart.section === part.section);
              const editRec = (patch: Edit) =>
                fromSection ? changeSection(rec.source.index, patch) : changePart(partIndex, patch);
              return (
                <li
                  key={`${rec.source.kind}-${rec.source.index}`}
                  className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
                  data-testid="entry-part"
                >
                  {heading && (
                    <p className="text-sm text-slate-600" data-testid="entry-heading">
                      <span className="font-mono text-xs text-slate-500">{heading.marker}</span>{" "}
                      {heading.title} <span className="text-xs">{t("entry.headingInQuote")}</span>
                    </p>
                  )}
                  <ItemFields
                    id={id}
                    code={rec.code}
                    title={rec.title}
                    quote={part ? part.text : (section?.text ?? rec.quote)}
                    marker={part ? part.marker : rec.marker}
                    quoteLabel={t("field.sourceQuote")}
                    errors={recErrors}
                    onCode={(value) => setCodes((current) => ({ ...current, [keyOf(rec)]: value }))}
                    onTitle={(value) => editRec({ title: value })}
                    onQuote={(value) => editRec({ text: value })}
                    quoteRef={
                      part
                        ? (element) => {
                            if (element) quotes.current.set(partIndex, element);
                            else quotes.current.delete(partIndex);
                          }
                        : undefined
                    }
                  />
                  {part ? (
                    partButtons(partIndex, rec.code, mergeable ? (next?.code ?? "") : null)
                  ) : (
                    <div className="flex flex-wrap gap-2">
                      <Button
                        type="button"
                        size="sm"
                        variant="ghost"
                        onClick={() => removeSection(rec.source.index)}
                      >
                        {t("entry.removeHeading", { code: rec.code })}
                      </Button>
                    </div>
                  )}
                  {rec.actions.length > 0 && (
                    <div className="space-y-2 border-l-2 border-brand-600/40 pl-3 md:pl-4">
                      <h3 className="text-sm font-semibold text-slate-800">
                        {t("entry.actionsOf", { code: rec.code, count: rec.actions.length })}
                      </h3>
                      <ol className="space-y-2">
                        {rec.actions.map((action, a) => {
                          const actionPart = parts[action.part];
                          const actionId = `${id}-action-${a}`;
                          const nextAction = rec.actions[a + 1];
                          return (
                            <li
                              key={`action-${action.part}`}
                              className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
                              data-testid="entry-action"
                            >
                              <ItemFields
                                id={actionId}
                                code={action.code}
                                title={action.title}
                                quote={actionPart?.text ?? action.quote}
                                marker={action.marker}
                                quoteLabel={t("entry.actionQuote")}
                                errors={(field) => errors[`parts.${r}.actions.${a}.${field}`]}
                                onCode={(value) =>
                                  setCodes((current) => ({ ...current, [`action-${action.part}`]: value }))
                                }
                                onTitle={(value) => changePart(action.part, { title: value })}
                                onQuote={(value) => changePart(action.part, { text: value })}
                                quoteRef={(element) => {
                                  if (element) quotes.current.set(action.part, element);
                                  else quotes.current.delete(action.part);
                                }}
                              />
                              {partButtons(action.part, action.code, nextAction ? nextAction.code : null)}
                            </li>
                          );
                        })}
                      </ol>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}
      <Button type="submit" disabled={pending}>
        {pending
          ? t("saving")
          : actionCount > 0
            ? t("entry.saveWithActions", { count: plan.length, actions: actionCount })
            : t("entry.save", { count: plan.length })}
      </Button>
    </form>
  );
}

function keyOf(rec: EntryRecommendationPlan): string {
  return `${rec.source.kind}-${rec.source.index}`;
}

/** The plan with the codes the admin typed in place of the proposed ones. */
function withCodes(
  plan: EntryRecommendationPlan[],
  codes: Record<string, string>,
): EntryRecommendationPlan[] {
  return plan.map((rec) => ({
    ...rec,
    code: codes[keyOf(rec)] ?? rec.code,
    actions: rec.actions.map((action) => ({
      ...action,
      code: codes[`action-${action.part}`] ?? action.code,
    })),
  }));
}

/** Code, title and quote of one recommendation or action under review. */
function ItemFields({
  id,
  code,
  title,
  quote,
  marker,
  quoteLabel,
  errors,
  onCode,
  onTitle,
  onQuote,
  quoteRef,
}: {
  id: string;
  code: string;
  title: string;
  quote: string;
  marker: string;
  quoteLabel: string;
  errors: (field: string) => string[] | undefined;
  onCode: (value: string) => void;
  onTitle: (value: string) => void;
  onQuote: (value: string) => void;
  quoteRef?: (element: HTMLTextAreaElement | null) => void;
}) {
  const t = useTranslations("manage");
  return (
    <>
      <div className="grid gap-3 md:grid-cols-[7rem_1fr]">
        <div className="space-y-1">
          <LabelWithMark htmlFor={`${id}-code`}>{t("field.code")}</LabelWithMark>
          <Input
            id={`${id}-code`}
            value={code}
            maxLength={20}
            required
            aria-required
            aria-invalid={Boolean(errors("code"))}
            onChange={(event) => onCode(event.target.value)}
          />
          <FieldError id={`${id}-code-error`} messages={errors("code")} />
        </div>
        <div className="space-y-1">
          <LabelWithMark htmlFor={`${id}-title`}>{t("field.titleZh")}</LabelWithMark>
          <Input
            id={`${id}-title`}
            value={title}
            maxLength={300}
            required
            aria-required
            aria-invalid={Boolean(errors("titleZh"))}
            onChange={(event) => onTitle(event.target.value)}
          />
          <FieldError id={`${id}-title-error`} messages={errors("titleZh")} />
        </div>
      </div>
      <div className="space-y-1">
        <div className="flex items-baseline">
          <Label htmlFor={`${id}-quote`}>
            {quoteLabel}
            {marker && <span className="ml-2 font-mono text-xs text-slate-500">{marker}</span>}
          </Label>
          <RequiredMark />
        </div>
        <Textarea
          id={`${id}-quote`}
          ref={quoteRef}
          rows={3}
          value={quote}
          required
          aria-required
          aria-invalid={Boolean(errors("sourceQuote"))}
          onChange={(event) => onQuote(event.target.value)}
        />
        <FieldError id={`${id}-quote-error`} messages={errors("sourceQuote")} />
      </div>
    </>
  );
}
