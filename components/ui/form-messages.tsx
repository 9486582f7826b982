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
