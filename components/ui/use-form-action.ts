"use client";

import { type FormEvent, startTransition, useActionState } from "react";

/**
 * useActionState, submitted from onSubmit so that React does not reset the form afterwards: when the
 * server refuses the input, the user's typing stays in place beside the messages.
 */
export function useFormAction<S>(action: (state: Awaited<S>, form: FormData) => Promise<S>, initial: S) {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, initial as Awaited<S>);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The submitter's own name and value count too (e.g. the "up" or "down" button).
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  }
  return { state, onSubmit, pending };
}
