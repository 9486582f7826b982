"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useRef } from "react";

/**
 * useActionState, submitted from onSubmit so that React does not reset the form afterwards: when the
 * server refuses the input, the user's typing stays in place beside the messages, and focus moves to
 * the first field to fix (or the form's error) for keyboard and screen-reader users.
 * Attach `form` as the form's ref.
 */
export function useFormAction<S>(action: (state: Awaited<S>, form: FormData) => Promise<S>, initial: S) {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, initial as Awaited<S>);
  const form = useRef<HTMLFormElement | null>(null);
  const submitted = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: it runs when the server's answer (state) arrives.
  useEffect(() => {
    if (!submitted.current) return;
    submitted.current = false;
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    if (!target) return;
    if (target.getAttribute("role") === "alert") target.tabIndex = -1;
    target.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The submitter's own name and value count too (e.g. the "up" or "down" button).
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    submitted.current = true;
    startTransition(() => dispatch(data));
  }
  return { state, onSubmit, pending, form };
}
