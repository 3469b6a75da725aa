import { maskName } from "~/lib/mask";
import { normaliseMobile } from "~/lib/phone";
import { encryptText, lookupHash, newId } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";

/**
 * Residents as persons, apart from any account. A person is found by the keyed hash of the
 * resident ID number; an account is linked to a person once its holder has proved that
 * identity (the real-name check).
 */

export type PersonInput = { idNumber: string; name: string; phone?: string | null; hukou?: string | null };

/** The key a resident ID number is found by. Names are compared the same way for search. */
export const idHashOf = (idNumber: string) => lookupHash(idNumber.trim().toUpperCase());
export const nameHashOf = (name: string) => lookupHash(`name:${name.normalize("NFC").replace(/\s+/g, "")}`);
export const phoneHashOf = (phone: string) => lookupHash(normaliseMobile(phone) ?? phone.replace(/\D/g, ""));

/**
 * The person with this ID number, recorded now if the portal has not met them before. An
 * existing record keeps its name (the ID card was read then); a phone number is added when
 * the record has none.
 */
export async function findOrRecordPerson(input: PersonInput, tx: Tx = db): Promise<string> {
  const idHash = idHashOf(input.idNumber);
  const existing = await tx.person.findUnique({ where: { idHash }, select: { id: true, phoneEnc: true } });
  if (existing) {
    if (!existing.phoneEnc && input.phone) {
      await tx.person.update({ where: { id: existing.id }, data: { phoneEnc: encryptText(input.phone, personContext(existing.id, "phoneEnc")), phoneHash: phoneHashOf(input.phone) } });
    }
    return existing.id;
  }
  const id = newId();
  await tx.person.create({
    data: {
      id,
      idHash,
      idEnc: encryptText(input.idNumber.trim().toUpperCase(), personContext(id, "idEnc")),
      nameEnc: encryptText(input.name, personContext(id, "nameEnc")),
      nameMasked: maskName(input.name),
      phoneEnc: input.phone ? encryptText(input.phone, personContext(id, "phoneEnc")) : null,
      phoneHash: input.phone ? phoneHashOf(input.phone) : null,
      hukouEnc: input.hukou ? encryptText(input.hukou, personContext(id, "hukouEnc")) : null,
    },
  });
  return id;
}

/** Every person column is sealed to its row: a value copied to another person does not decrypt. */
export function personContext(id: string, column: "idEnc" | "nameEnc" | "phoneEnc" | "hukouEnc") {
  return { table: "Person", column, id };
}

/** The person an account has proved to be, if any. */
export async function personOfAccount(userId: string): Promise<string | null> {
  return (await db.person.findUnique({ where: { userId }, select: { id: true } }))?.id ?? null;
}
