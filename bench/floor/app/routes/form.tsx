import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { Form } from "@remix-run/react";

/** The floor for a form post: parse the body, answer with a redirect. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  return redirect(`/?got=${form.getAll("field").length}`);
}

export default function FormPage() {
  return (
    <Form method="post">
      <input name="field" />
      <button type="submit">Send</button>
    </Form>
  );
}
