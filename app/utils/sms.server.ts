import { maskPhone } from "~/lib/mask";
import { isProductionMode } from "./config.server";
import { encryptText, newId } from "./crypto.server";
import { db } from "./db.server";

/** Sends text messages. The adapter is chosen once per process from SMS_ADAPTER. */
export interface SmsSender {
  send(phone: string, body: string): Promise<void>;
}

/** Demo and development adapter: messages land in a table shown at /dev/outbox. */
const outbox: SmsSender = {
  async send(phone, body) {
    await db.smsOutbox.create({ data: { id: newId(), phoneEnc: encryptText(phone), phoneMasked: maskPhone(phone), body } });
  },
};

/**
 * Production adapter for the government SMS gateway (an HTTP endpoint inside the
 * government network). It refuses to start without its settings.
 */
function gateway(): SmsSender {
  const url = process.env.SMS_GATEWAY_URL;
  const token = process.env.SMS_GATEWAY_TOKEN;
  if (!url || !token) throw new Error("SMS_ADAPTER=gateway needs SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN");
  return {
    async send(phone, body) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify({ phone, body }),
      });
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}

export function smsAdapterName(): "outbox" | "gateway" {
  const name = process.env.SMS_ADAPTER ?? (isProductionMode() ? "gateway" : "outbox");
  if (name !== "outbox" && name !== "gateway") throw new Error(`Unknown SMS_ADAPTER ${name}`);
  if (name === "outbox" && isProductionMode()) throw new Error("The SMS outbox is for demo and development modes only; configure SMS_ADAPTER=gateway");
  return name;
}

let sender: SmsSender | undefined;

export function sms(): SmsSender {
  sender ??= smsAdapterName() === "gateway" ? gateway() : outbox;
  return sender;
}

/** /dev/outbox exists only when the mode is explicitly demo or development (never from NODE_ENV). */
export function outboxEnabled(): boolean {
  return !isProductionMode() && smsAdapterName() === "outbox";
}

/** The newest messages of the development outbox, phone numbers masked. */
export async function outboxMessages(limit = 50) {
  const rows = await db.smsOutbox.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  return rows.map((row) => ({ id: row.id, to: row.phoneMasked, body: row.body, at: row.createdAt.toISOString() }));
}
