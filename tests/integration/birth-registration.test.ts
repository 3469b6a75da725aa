import { describe, expect, it } from "vitest";
import * as applyStart from "~/routes/services.$slug.apply";
import * as step from "~/routes/apply.$id.$step";
import * as correct from "~/routes/apply.$id.correct";
import * as status from "~/routes/applications.$ref";
import * as certificate from "~/routes/applications.$ref_.certificate[.pdf]";
import * as staffCase from "~/routes/staff.applications.$ref";
import * as staffQueue from "~/routes/staff.queue";
import * as staffMaterial from "~/routes/staff.applications.$ref_.materials.$materialId";
import * as staffCertificate from "~/routes/staff.applications.$ref_.certificate[.pdf]";
import * as verify from "~/routes/verify.$code";
import { db } from "~/utils/db.server";
import { lookupHash } from "~/utils/crypto.server";
import { demoFamily, demoWoman, familyAnswers, matchingAnswers, mismatchingFamilyAnswers } from "~/services/birth-registration/examples";
import { fileApplication, formFields, getRequest, locationOf, postRequest, sessionFor, settle, statusOf, tinyPng } from "./helpers";

const SLUG = "birth-registration";

async function citizen(phone = "13800000001") {
  return sessionFor({ phoneHash: lookupHash(phone) });
}

describe("birth-service registration through the route actions", () => {
  it("approves a matching application at once and issues a verifiable certificate", async () => {
    const session = await citizen();
    const { id, ref } = await fileApplication(session, matchingAnswers);
    const row = await db.application.findUniqueOrThrow({ where: { id }, include: { events: true, certificates: true } });
    expect(row.status).toBe("approved");
    expect(row.events.map((event) => event.type).sort()).toEqual(["auto_approved", "submitted"]);
    expect(row.certificates).toHaveLength(1);
    // Personal data is encrypted at rest.
    expect(row.answersEnc).not.toContain(demoWoman.idNumber);
    expect(row.answersEnc).not.toContain(demoWoman.name);

    const page = await settle(() => status.loader({ request: getRequest(`/applications/${ref}`, session), params: { ref }, context: {} }));
    expect((page as { data: { status: string } }).data.status).toBe("approved");

    const pdf = (await settle(() => certificate.loader({ request: getRequest(`/applications/${ref}/certificate.pdf`, session), params: { ref }, context: {} }))) as Response;
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe("%PDF");

    const code = row.certificates[0].code;
    const verified = (await settle(() => verify.loader({ request: getRequest(`/verify/${code}`), params: { code }, context: {} }))) as { data: { result: string; lines: { value: string }[] } };
    expect(verified.data.result).toBe("valid");
    expect(verified.data.lines.map((line) => line.value)).toContain("张**");
    expect(JSON.stringify(verified.data)).not.toContain(demoWoman.idNumber);

    const sms = await db.smsOutbox.findFirst({ where: { body: { contains: ref } } });
    expect(sms?.body).toContain("已办结");
    const audit = await db.auditLog.findFirst({ where: { action: "application.submit", subjectId: id } });
    expect(audit?.detail).not.toContain(demoWoman.idNumber);
  });

  it("sends a mismatch to the township reviewer, who returns it; the corrected case is approved", async () => {
    const session = await citizen();
    const { id, ref } = await fileApplication(session, mismatchingFamilyAnswers(1));
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("in_review");

    const reviewer = await sessionFor({ username: "reviewer.fengshan" });
    const queue = (await settle(() => staffQueue.loader({ request: getRequest("/staff/queue", reviewer), params: {}, context: {} }))) as { data: { rows: { ref: string }[] } };
    expect(queue.data.rows.map((row) => row.ref)).toContain(ref);
    const casePage = (await settle(() => staffCase.loader({ request: getRequest(`/staff/applications/${ref}`, reviewer), params: { ref }, context: {} }))) as {
      data: { comparison: { match: boolean; subjects: { fields: { key: string; match: boolean }[] }[] } };
    };
    expect(casePage.data.comparison.match).toBe(false);
    expect(casePage.data.comparison.subjects.flatMap((subject) => subject.fields.filter((field) => !field.match).map((field) => field.key))).toContain("marriageCertNo");

    const noNote = await settle(() => staffCase.action({ request: postRequest(`/staff/applications/${ref}`, { intent: "return", fix: "marriage.marriageCertNo" }, reviewer), params: { ref }, context: {} }));
    expect(statusOf(noNote)).toBe(400);

    const returned = await settle(() =>
      staffCase.action({
        request: postRequest(`/staff/applications/${ref}`, { intent: "return", note: "结婚证字号与民政登记不一致", fix: "marriage.marriageCertNo", "fixNote:marriage.marriageCertNo": "请核对结婚证" }, reviewer),
        params: { ref },
        context: {},
      }),
    );
    expect(statusOf(returned)).toBe(302);
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("returned");

    // Approving a returned case is an illegal transition.
    const illegal = await settle(() => staffCase.action({ request: postRequest(`/staff/applications/${ref}`, { intent: "approve" }, reviewer), params: { ref }, context: {} }));
    expect(statusOf(illegal)).toBe(409);

    const form = (await settle(() => correct.loader({ request: getRequest(`/apply/${id}/correct`, session), params: { id }, context: {} }))) as { data: { groups: { fields: { name: string }[] }[] } };
    expect(form.data.groups.flatMap((group) => group.fields.map((field) => field.name))).toEqual(["marriageCertNo"]);
    const resubmitted = await settle(() => correct.action({ request: postRequest(`/apply/${id}/correct`, { marriageCertNo: demoFamily(1).marriage.marriageCertNo, declaration: "yes" }, session), params: { id }, context: {} }));
    expect(locationOf(resubmitted)).toBe(`/applications/${ref}?resubmitted=1`);
    const afterResubmit = await db.application.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { at: "asc" } } } });
    expect(afterResubmit.status).toBe("in_review");
    expect(afterResubmit.events.at(-1)?.type).toBe("resubmitted");

    const approved = await settle(() => staffCase.action({ request: postRequest(`/staff/applications/${ref}`, { intent: "approve", note: "" }, reviewer), params: { ref }, context: {} }));
    expect(statusOf(approved)).toBe(302);
    const final = await db.application.findUniqueOrThrow({ where: { id }, include: { certificates: true } });
    expect(final.status).toBe("approved");
    expect(final.certificates).toHaveLength(1);
    expect(await db.auditLog.count({ where: { subjectId: id, actorRole: "township_reviewer" } })).toBeGreaterThanOrEqual(3);
  });

  it("keeps staff inside their jurisdiction: 白马镇's reviewer gets 404 for a 凤山街道 case", async () => {
    const session = await citizen("13800000002");
    const { ref } = await fileApplication(session, mismatchingFamilyAnswers(2));
    const baima = await sessionFor({ username: "reviewer.baima" });
    const result = await settle(() => staffCase.loader({ request: getRequest(`/staff/applications/${ref}`, baima), params: { ref }, context: {} }));
    expect(statusOf(result)).toBe(404);
    const action = await settle(() => staffCase.action({ request: postRequest(`/staff/applications/${ref}`, { intent: "approve" }, baima), params: { ref }, context: {} }));
    expect(statusOf(action)).toBe(404);
    const queue = (await settle(() => staffQueue.loader({ request: getRequest("/staff/queue", baima), params: {}, context: {} }))) as { data: { rows: { ref: string }[] } };
    expect(queue.data.rows.map((row) => row.ref)).not.toContain(ref);
    // Nor its scans or its certificate.
    const material = await db.material.findFirstOrThrow({ where: { application: { ref } } });
    const scan = await settle(() => staffMaterial.loader({ request: getRequest(`/staff/applications/${ref}/materials/${material.id}`, baima), params: { ref, materialId: material.id }, context: {} }));
    expect(statusOf(scan)).toBe(404);
    const approved = await fileApplication(session, familyAnswers(3));
    const pdf = await settle(() => staffCertificate.loader({ request: getRequest(`/staff/applications/${approved.ref}/certificate.pdf`, baima), params: { ref: approved.ref }, context: {} }));
    expect(statusOf(pdf)).toBe(404);
    const fengshan = await sessionFor({ username: "reviewer.fengshan" });
    const ownPdf = await settle(() => staffCertificate.loader({ request: getRequest(`/staff/applications/${approved.ref}/certificate.pdf`, fengshan), params: { ref: approved.ref }, context: {} }));
    expect(statusOf(ownPdf)).toBe(200);
    const ownScan = (await settle(() => staffMaterial.loader({ request: getRequest(`/staff/applications/${ref}/materials/${material.id}`, fengshan), params: { ref, materialId: material.id }, context: {} }))) as Response;
    expect(ownScan.headers.get("Content-Type")).toBe("image/png");
    // Never rendered as a page of the portal: a download, with its checked type and nosniff.
    expect(ownScan.headers.get("Content-Disposition")).toMatch(/^attachment; filename="\w+\.png"/);
    expect(ownScan.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await ownScan.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
    const admin = await sessionFor({ username: "admin.county" });
    const adminQueue = (await settle(() => staffQueue.loader({ request: getRequest("/staff/queue", admin), params: {}, context: {} }))) as { data: { rows: { ref: string }[] } };
    expect(adminQueue.data.rows.map((row) => row.ref)).toContain(ref);
    // Another citizen cannot see it either.
    const other = await citizen("13800000001");
    expect(statusOf(await settle(() => status.loader({ request: getRequest(`/applications/${ref}`, other), params: { ref }, context: {} })))).toBe(404);
  });
});

describe("form safety", () => {
  it("refuses a POST without the CSRF token", async () => {
    const session = await citizen();
    const result = await settle(() => applyStart.action({ request: postRequest(`/services/${SLUG}/apply`, {}, session, { csrf: false }), params: { slug: SLUG }, context: {} }));
    expect(statusOf(result)).toBe(403);
  });

  it("keeps what was typed and names the problem when an ID number is wrong", async () => {
    const session = await citizen();
    await db.application.deleteMany({ where: { status: "draft" } });
    const started = await settle(() => applyStart.action({ request: postRequest(`/services/${SLUG}/apply`, {}, session), params: { slug: SLUG }, context: {} }));
    const id = locationOf(started)!.split("/")[2];
    const typed = { ...formFields(matchingAnswers.woman), idNumber: "500156940315002" };
    const result = (await settle(() => step.action({ request: postRequest(`/apply/${id}/woman`, typed, session), params: { id, step: "woman" }, context: {} }))) as {
      data: { errors: Record<string, string[]>; values: Record<string, string> };
      init: ResponseInit;
    };
    expect(result.init.status).toBe(400);
    expect(result.data.errors.idNumber).toEqual(["common:errors.residentId.legacy15"]);
    expect(result.data.values.idNumber).toBe("500156940315002");
    expect(result.data.values.name).toBe(demoWoman.name);
    const upload = (await settle(() =>
      step.action({ request: postRequest(`/apply/${id}/woman`, formFields(matchingAnswers.woman), session), params: { id, step: "woman" }, context: {} }),
    )) as Response;
    expect(upload.status).toBe(302);
  });
});

describe("after the decision", () => {
  it("lets the jurisdiction's staff revoke a certificate; the public check then says revoked", async () => {
    const session = await citizen();
    const { id, ref } = await fileApplication(session, familyAnswers(4));
    const { code } = await db.certificate.findFirstOrThrow({ where: { applicationId: id } });
    const windowStaff = await sessionFor({ username: "window.fengshan" });
    const refused = await settle(() => staffCase.action({ request: postRequest(`/staff/applications/${ref}`, { intent: "revoke", note: "错误签发" }, windowStaff), params: { ref }, context: {} }));
    expect(statusOf(refused)).toBe(403);
    const reviewer = await sessionFor({ username: "reviewer.fengshan" });
    const noReason = await settle(() => staffCase.action({ request: postRequest(`/staff/applications/${ref}`, { intent: "revoke", note: "" }, reviewer), params: { ref }, context: {} }));
    expect(statusOf(noReason)).toBe(400);
    const revoked = await settle(() => staffCase.action({ request: postRequest(`/staff/applications/${ref}`, { intent: "revoke", note: "签发信息有误" }, reviewer), params: { ref }, context: {} }));
    expect(locationOf(revoked)).toBe(`/staff/applications/${ref}?done=revoke`);
    const verified = (await settle(() => verify.loader({ request: getRequest(`/verify/${code}`), params: { code }, context: {} }))) as { data: { result: string } };
    expect(verified.data.result).toBe("revoked");
    expect(await db.auditLog.count({ where: { action: "certificate.revoke", subjectId: id } })).toBe(1);
  });

  it("lets the applicant withdraw an undecided case, and only that", async () => {
    const session = await citizen();
    const pending = await fileApplication(session, mismatchingFamilyAnswers(5));
    const withdrawn = await settle(() => status.action({ request: postRequest(`/applications/${pending.ref}`, { intent: "withdraw" }, session), params: { ref: pending.ref }, context: {} }));
    expect(locationOf(withdrawn)).toBe(`/applications/${pending.ref}`);
    expect((await db.application.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("withdrawn");
    const approved = await fileApplication(session, familyAnswers(6));
    await settle(() => status.action({ request: postRequest(`/applications/${approved.ref}`, { intent: "withdraw" }, session), params: { ref: approved.ref }, context: {} }));
    expect((await db.application.findUniqueOrThrow({ where: { id: approved.id } })).status).toBe("approved");
  });
});

describe("correcting a document", () => {
  it("replaces a flagged scan and refuses a file that is not an image or PDF", async () => {
    const session = await citizen();
    const { id, ref } = await fileApplication(session, mismatchingFamilyAnswers(7));
    const reviewer = await sessionFor({ username: "reviewer.fengshan" });
    await settle(() => staffCase.action({ request: postRequest(`/staff/applications/${ref}`, { intent: "return", note: "结婚证照片不清晰", fix: "material:marriageCert" }, reviewer), params: { ref }, context: {} }));
    const before = await db.material.findFirstOrThrow({ where: { applicationId: id, materialKey: "marriageCert" } });

    const text = new File([Buffer.from("not a scan")], "cert.jpg", { type: "image/jpeg" });
    const refused = (await settle(() => correct.action({ request: postRequest(`/apply/${id}/correct`, { "material:marriageCert": text, declaration: "yes" }, session), params: { id }, context: {} }))) as { data: { errors: Record<string, string[]> } };
    expect(refused.data.errors["material:marriageCert"]).toEqual(["common:errors.upload.type"]);

    const scan = new File([tinyPng()], "marriage-clear.png", { type: "image/png" });
    const done = await settle(() => correct.action({ request: postRequest(`/apply/${id}/correct`, { "material:marriageCert": scan, declaration: "yes" }, session), params: { id }, context: {} }));
    expect(locationOf(done)).toBe(`/applications/${ref}?resubmitted=1`);
    const after = await db.material.findFirstOrThrow({ where: { applicationId: id, materialKey: "marriageCert" } });
    expect(after.id).not.toBe(before.id);
    expect(after.fileName).toBe("marriage-clear.png");
    expect(await db.material.count({ where: { applicationId: id, materialKey: "marriageCert" } })).toBe(1);
  });
});
