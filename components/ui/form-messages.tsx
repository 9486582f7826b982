import { Alert } from "@/components/ui/alert";
import type { FormState } from "@/lib/validation/form-action";

/** The form-level error or confirmation of a server action's answer. */
export function FormMessages({ state }: { state: FormState }) {
  return (
    <>
      {state.formError && <Alert>{state.formError}</Alert>}
      {state.fieldErrors?.form && <Alert>{state.fieldErrors.form.join(" ")}</Alert>}
      {state.notice && <Alert tone="success">{state.notice}</Alert>}
    </>
  );
}

/** The same answer in a line of text, for the compact forms of admin lists (no boxed alert). */
export function InlineFormMessages({ state }: { state: FormState }) {
  return (
    <>
      {state.formError && (
        <p role="alert" className="text-sm text-red-700">
          {state.formError}
        </p>
      )}
      {state.notice && (
        <p role="status" className="text-sm text-emerald-800">
          {state.notice}
        </p>
      )}
    </>
  );
}
