import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { audit, auditCsv, listAuditEntries, verifyAuditChain } from "~/utils/audit.server";
import { addressHash, newId } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { getRequest, locationOf, sessionFor, settle, statusOf } from "./helpers";

// This file owns the audit table while it runs: it starts from an empty chain.
const request = (address: string) => new Request("http://localhost/", { headers: { "x-portal-client-ip": address } });

async function lastEntry() {
  return db.auditLog.findFirstOrThrow({ orderBy: { seq: "desc" } });
}

beforeAll(async () => {
  await db.auditLog.deleteMany({});
  await db.auditChainHead.update({ where: { id: "head" }, data: { seq: 0, hash: "" } });
});

describe("audit chain", () => {
  it("seals entries written before the chain on the first append", async () => {
    // As the migration leaves them: numbered, without hashes.
    for (const seq of [1, 2, 3]) await db.auditLog.create({ data: { id: newId(), seq, action: "legacy.entry", at: new Date(Date.UTC(2026, 10, seq)) } });
    await db.auditChainHead.update({ where: { id: "head" }, data: { seq: 3 } });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, entries: 3, unsealed: 3 });
    await audit({ action: "test.first" });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, entries: 4, unsealed: 0 });
    const rows = await db.auditLog.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4]);
    expect(rows.every((row, i) => row.prevHash === (i === 0 ? "" : rows[i - 1].hash))).toBe(true);
  });

  it("does not fork when many writers append at once", async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => audit({ action: "test.concurrent", detail: { i } })));
    const report = await verifyAuditChain();
    expect(report.problems).toEqual([]);
    expect(report.entries).toBe(29);
    expect(report.head.seq).toBe(29);
  });

  it("records actor, role, jurisdiction and a keyed hash of the address", async () => {
    const reviewer = await db.user.findUniqueOrThrow({ where: { username: "reviewer.fengshan" } });
    await audit({ actorId: reviewer.id, actorRole: reviewer.role, action: "test.actor", subjectType: "application", subjectId: "app-1", request: request("203.0.113.5") });
    const row = await lastEntry();
    expect(row).toMatchObject({ actorId: reviewer.id, actorRole: "township_reviewer", jurisdiction: reviewer.jurisdictionPath, action: "test.actor", subjectId: "app-1" });
    expect(row.ipHash).toBe(addressHash("203.0.113.5"));
    // Not a plain hash anyone could recompute from a guessed address.
    expect(row.ipHash).not.toContain(createHash("sha256").update("203.0.113.5").digest("base64url").slice(0, 16));
  });

  it("detects an edited entry", async () => {
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "test.actor" } });
    await db.auditLog.update({ where: { id: row.id }, data: { subjectId: "app-2" } });
    const report = await verifyAuditChain();
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual({ seq: row.seq, id: row.id, kind: "edited" });
    await db.auditLog.update({ where: { id: row.id }, data: { subjectId: "app-1" } });
    expect((await verifyAuditChain()).ok).toBe(true);
    // Its time is covered too.
    await db.auditLog.update({ where: { id: row.id }, data: { at: new Date(row.at.getTime() + 1000) } });
    expect((await verifyAuditChain()).problems).toContainEqual({ seq: row.seq, id: row.id, kind: "edited" });
    await db.auditLog.update({ where: { id: row.id }, data: { at: row.at } });
  });

  it("detects a deleted entry, in the middle and at the end", async () => {
    const middle = await db.auditLog.findFirstOrThrow({ where: { seq: 10 } });
    await db.auditLog.delete({ where: { id: middle.id } });
    const report = await verifyAuditChain();
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => problem.kind)).toEqual(expect.arrayContaining(["gap", "link"]));
    await db.auditLog.create({ data: middle });
    expect((await verifyAuditChain()).ok).toBe(true);

    const last = await lastEntry();
    await db.auditLog.delete({ where: { id: last.id } });
    expect((await verifyAuditChain()).problems).toContainEqual({ seq: last.seq, kind: "tail" });
    await db.auditLog.create({ data: last });
    expect((await verifyAuditChain()).ok).toBe(true);

    // Cutting the tail and winding the head's number back still shows: the head keeps the last hash.
    await db.auditLog.delete({ where: { id: last.id } });
    await db.auditChainHead.update({ where: { id: "head" }, data: { seq: last.seq! - 1 } });
    expect((await verifyAuditChain()).problems).toContainEqual({ seq: last.seq! - 1, kind: "tail" });
    await db.auditLog.create({ data: last });
    await db.auditChainHead.update({ where: { id: "head" }, data: { seq: last.seq! } });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("detects an inserted entry, numbered or not", async () => {
    const last = await lastEntry();
    const forged = await db.auditLog.create({ data: { id: newId(), seq: last.seq! + 1, action: "test.forged", prevHash: last.hash, hash: last.hash } });
    expect((await verifyAuditChain()).problems.map((problem) => problem.kind)).toEqual(expect.arrayContaining(["edited", "tail"]));
    await db.auditLog.delete({ where: { id: forged.id } });
    const loose = await db.auditLog.create({ data: { id: newId(), action: "test.loose" } });
    expect((await verifyAuditChain()).problems).toContainEqual({ seq: null, id: loose.id, kind: "unnumbered" });
    await db.auditLog.delete({ where: { id: loose.id } });
    // Swapping two entries' places breaks the links.
    const [a, b] = await db.auditLog.findMany({ where: { seq: { in: [12, 13] } }, orderBy: { seq: "asc" } });
    await db.auditLog.update({ where: { id: a.id }, data: { seq: -1 } });
    await db.auditLog.update({ where: { id: b.id }, data: { seq: 12 } });
    await db.auditLog.update({ where: { id: a.id }, data: { seq: 13 } });
    expect((await verifyAuditChain()).ok).toBe(false);
    await db.auditLog.update({ where: { id: a.id }, data: { seq: -1 } });
    await db.auditLog.update({ where: { id: b.id }, data: { seq: 13 } });
    await db.auditLog.update({ where: { id: a.id }, data: { seq: 12 } });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("appends inside the caller's transaction and rolls back with it", async () => {
    const before = (await verifyAuditChain()).head.seq;
    await expect(
      db.$transaction(async (tx) => {
        await audit({ action: "test.rolled-back" }, tx);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await audit({ action: "test.after-rollback" });
    const report = await verifyAuditChain();
    expect(report.ok).toBe(true);
    expect(report.head.seq).toBe(before + 1);
  });
});

describe("audit viewer data", () => {
  it("filters by action, actor and dates, pages, and exports CSV without formulas", async () => {
    const reviewer = await db.user.findUniqueOrThrow({ where: { username: "reviewer.fengshan" } });
    const page = await listAuditEntries({ action: "test.concurrent" }, 1);
    expect(page.total).toBe(25);
    expect(page.rows.every((row) => row.action === "test.concurrent")).toBe(true);
    const byActor = await listAuditEntries({ actor: "reviewer.fengshan" });
    expect(byActor.rows.map((row) => row.actor)).toEqual(["reviewer.fengshan"]);
    expect(byActor.rows[0].jurisdiction).toBe(reviewer.jurisdictionPath);
    expect((await listAuditEntries({ from: new Date(Date.UTC(2026, 10, 2)), to: new Date(Date.UTC(2026, 10, 3)) })).total).toBe(1);
    await audit({ action: "=HYPERLINK(\"x\")", detail: { note: "a,b" } });
    const csv = await auditCsv({ action: "=HYPERLINK(\"x\")" });
    expect(csv.split("\r\n")[0]).toBe("\uFEFFseq,time,action,actor,role,jurisdiction,subject,address,detail");
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe("/staff/admin/audit", () => {
  it("is for the county administrator only, and each view and export is audited", async () => {
    const { loader } = await import("~/routes/staff.admin.audit");
    const { loader: csvLoader } = await import("~/routes/staff.admin.audit[.csv]");
    const reviewer = await sessionFor({ username: "reviewer.fengshan" });
    expect(statusOf(await settle(() => loader({ request: getRequest("/staff/admin/audit", reviewer), params: {}, context: {} })))).toBe(403);
    expect(statusOf(await settle(() => csvLoader({ request: getRequest("/staff/admin/audit.csv", reviewer), params: {}, context: {} })))).toBe(403);
    expect(locationOf(await settle(() => loader({ request: getRequest("/staff/admin/audit"), params: {}, context: {} })))).toMatch(/^\/staff\/login/);

    const admin = await sessionFor({ username: "admin.county" });
    const page = (await loader({ request: getRequest("/staff/admin/audit?action=test.concurrent&page=2", admin), params: {}, context: {} })) as Awaited<ReturnType<typeof loader>>;
    expect(page.total).toBe(25);
    // Page 2 of one page shows the last page.
    expect(page.rows).toHaveLength(25);
    expect(page.page).toBe(1);
    const viewed = await lastEntry();
    expect(viewed).toMatchObject({ action: "audit.view", actorId: admin.userId, actorRole: "county_admin" });

    const bad = (await loader({ request: getRequest("/staff/admin/audit?from=2026-02-30&to=yesterday", admin), params: {}, context: {} })) as Awaited<ReturnType<typeof loader>>;
    expect(Object.keys(bad.errors).sort()).toEqual(["from", "to"]);
    expect(bad.values.to).toBe("yesterday");

    const csv = (await csvLoader({ request: getRequest("/staff/admin/audit.csv?action=test.concurrent", admin), params: {}, context: {} })) as Response;
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    expect(csv.headers.get("Content-Disposition")).toMatch(/^attachment/);
    expect((await csv.text()).split("\r\n").filter((line) => line.includes("test.concurrent"))).toHaveLength(25);
    expect(await lastEntry()).toMatchObject({ action: "audit.export", actorId: admin.userId });
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
