import { describe, expect, it } from "vitest";
import * as step from "~/routes/apply.$id.$step";
import * as status from "~/routes/applications.$ref";
import * as staffCase from "~/routes/staff.applications.$ref";
import { DRAFT_SIZE_CAP, DRAFT_VALUE_CAP } from "~/engine/applications.server";
import { demoFamily, familyAnswers, mismatchingFamilyAnswers } from "~/services/birth-registration/examples";
import { decryptJson, lookupHash } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { draftToReview, fileApplication, formFields, getRequest, postRequest, sessionFor, settle, statusOf, submitDraft } from "./helpers";

// Issue 5 points 3 and 4: one live registration per couple and child order, found through
// the keyed hashes of the ID numbers; and drafts that cannot be grown by a refused post.

const citizen = (phone = "13800000001") => sessionFor({ phoneHash: lookupHash(phone) });

type Refusal = { data: { formError: string; formErrorValues: Record<string, string> | null; formErrorLink: { href: string } | null }; init: ResponseInit };

async function certificatesOfCouple(family: number) {
  const { woman } = demoFamily(family);
  const hash = lookupHash(woman.idNumber);
  return db.certificate.count({ where: { application: { subjects: { some: { idHash: hash } } } } });
}

describe("one live registration per couple and child order", () => {
  it("refuses a second instant registration from the same account, linking the existing case, and issues one certificate", async () => {
    const session = await citizen();
    const first = await fileApplication(session, familyAnswers(20));
    const again = (await submitDraft(session, await draftToReview(session, familyAnswers(20)))) as Refusal;
    expect(statusOf(again as never)).toBe(409);
    expect(again.data.formError).toBe("common:errors.duplicateOwn");
    expect(again.data.formErrorValues?.ref).toBe(first.ref);
    expect(again.data.formErrorLink?.href).toBe(`/applications/${first.ref}`);
    expect(await certificatesOfCouple(20)).toBe(1);
  });

  it("tells another account only that one exists", async () => {
    await fileApplication(await citizen(), familyAnswers(21));
    const other = await citizen("13800000002");
    const refused = (await submitDraft(other, await draftToReview(other, familyAnswers(21)))) as Refusal;
    expect(statusOf(refused as never)).toBe(409);
    expect(refused.data.formError).toBe("common:errors.duplicate");
    expect(JSON.stringify(refused.data)).not.toMatch(/WL-SY/);
    expect(await certificatesOfCouple(21)).toBe(1);
  });

  it("refuses a second filing while the first is in review, and after it was approved on review", async () => {
    const session = await citizen();
    const first = await fileApplication(session, mismatchingFamilyAnswers(22));
    const whileOpen = (await submitDraft(session, await draftToReview(session, familyAnswers(22)))) as Refusal;
    expect(whileOpen.data.formError).toBe("common:errors.duplicateOwn");
    const reviewer = await sessionFor({ username: "reviewer.fengshan" });
    await settle(() => staffCase.action({ request: postRequest(`/staff/applications/${first.ref}`, { intent: "approve", note: "" }, reviewer), params: { ref: first.ref }, context: {} }));
    expect((await db.application.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("approved");
    const afterApproval = (await submitDraft(session, await draftToReview(session, familyAnswers(22)))) as Refusal;
    expect(statusOf(afterApproval as never)).toBe(409);
    expect(await certificatesOfCouple(22)).toBe(1);
  });

  it("frees the claim when the case is withdrawn", async () => {
    const session = await citizen();
    const first = await fileApplication(session, mismatchingFamilyAnswers(23));
    await settle(() => status.action({ request: postRequest(`/applications/${first.ref}`, { intent: "withdraw" }, session), params: { ref: first.ref }, context: {} }));
    const second = await fileApplication(session, familyAnswers(23));
    expect(second.ref).not.toBe(first.ref);
  });

  it("lets exactly one of two simultaneous submissions through", async () => {
    const one = await citizen();
    const two = await citizen("13800000002");
    const drafts = [await draftToReview(one, familyAnswers(24)), await draftToReview(two, familyAnswers(24))];
    const results = await Promise.all([submitDraft(one, drafts[0]), submitDraft(two, drafts[1])]);
    expect(results.map((result) => statusOf(result)).sort()).toEqual([302, 409]);
    expect(await certificatesOfCouple(24)).toBe(1);
  });

  it("shows the reviewer the couple's other cases", async () => {
    const session = await citizen();
    const withdrawn = await fileApplication(session, mismatchingFamilyAnswers(25));
    await settle(() => status.action({ request: postRequest(`/applications/${withdrawn.ref}`, { intent: "withdraw" }, session), params: { ref: withdrawn.ref }, context: {} }));
    const current = await fileApplication(session, mismatchingFamilyAnswers(25));
    const reviewer = await sessionFor({ username: "reviewer.fengshan" });
    const page = (await settle(() => staffCase.loader({ request: getRequest(`/staff/applications/${current.ref}`, reviewer), params: { ref: current.ref }, context: {} }))) as { data: { related: { ref: string }[] } };
    expect(page.data.related.map((row) => row.ref)).toEqual([withdrawn.ref]);
  });
});

describe("draft size caps", () => {
  it("keeps what was typed in a refused step, cut to the field's maximum, and drops fields the step does not have", async () => {
    const session = await citizen();
    const id = await draftToReview(session, mismatchingFamilyAnswers(30));
    // Close to 1 MB in each of four fields, inside what the form reader takes (4 MB of text, under 1 MB unparsed).
    const megabyte = "x".repeat(900_000);
    const posted = { ...formFields(familyAnswers(30).woman), name: "名".repeat(300_000), idNumber: "x".repeat(500_000), stray: megabyte, "children[0].sex": megabyte };
    const result = await settle(() => step.action({ request: postRequest(`/apply/${id}/woman`, posted, session), params: { id, step: "woman" }, context: {} }));
    expect(statusOf(result)).toBe(400);
    const row = await db.application.findUniqueOrThrow({ where: { id } });
    const answers = decryptJson<Record<string, Record<string, string>>>(row.answersEnc, { table: "Application", column: "answersEnc", id });
    expect(Array.from(answers.woman.name)).toHaveLength(30);
    expect(answers.woman.idNumber).toHaveLength(22);
    expect(answers.woman).not.toHaveProperty("stray");
    expect(answers.woman).not.toHaveProperty("children");
    expect(JSON.stringify(answers).length).toBeLessThan(DRAFT_SIZE_CAP);
    expect(row.answersEnc.length).toBeLessThan(20_000);
    expect(DRAFT_VALUE_CAP).toBeLessThanOrEqual(200);
  });
});
