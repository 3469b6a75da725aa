import { describe, expect, it } from "vitest";
import { actorOf, applicantSideCase } from "~/engine/applications.server";
import { readMaterial } from "~/engine/materials.server";
import { familyAnswers } from "~/services/birth-registration/examples";
import { lookupHash } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { getUser } from "~/utils/auth.server";
import { fileApplication, getRequest, sessionFor } from "./helpers";

// Issue 11 point 1: every ciphertext is bound to its row and column, so a value copied to
// another row (or a scan renamed to another file) does not decrypt.

describe("sealed to the row", () => {
  it("refuses a case's answers copied into another case, and a scan under another name", async () => {
    const session = await sessionFor({ phoneHash: lookupHash("13800000001") });
    const one = await fileApplication(session, familyAnswers(31));
    const two = await fileApplication(session, familyAnswers(32));
    const actor = await actorOf((await getUser(getRequest("/", session)))!);
    expect((await applicantSideCase(actor, { id: two.id }))?.answers.woman?.name).toBeTruthy();

    const source = await db.application.findUniqueOrThrow({ where: { id: one.id }, select: { answersEnc: true } });
    await db.application.update({ where: { id: two.id }, data: { answersEnc: source.answersEnc } });
    await expect(applicantSideCase(actor, { id: two.id })).rejects.toThrow();

    const [first, second] = await db.material.findMany({ where: { applicationId: one.id }, take: 2, orderBy: { id: "asc" } });
    expect(await readMaterial(first.storageKey)).toBeInstanceOf(Buffer);
    const { copyFile } = await import("node:fs/promises");
    const path = await import("node:path");
    const dir = process.env.UPLOADS_DIR ?? path.join(process.env.DATA_DIR!, "uploads");
    await copyFile(path.join(dir, first.storageKey), path.join(dir, second.storageKey));
    await expect(readMaterial(second.storageKey)).rejects.toThrow();
  });
});
