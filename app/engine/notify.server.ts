import type { Language } from "~/i18n/config";
import { serverT } from "~/i18n/resources.server";
import { publicOrigin } from "~/utils/config.server";
import { db } from "~/utils/db.server";
import { sms } from "~/utils/sms.server";
import type { Answers, ServiceDefinition } from "./define-service";

/** The language the resident reads: their account's if they have one (filer or proven applicant), else Chinese. */
async function residentLanguage(app: { filerId: string; applicantPersonId: string | null }): Promise<Language> {
  const filer = await db.user.findUnique({ where: { id: app.filerId }, select: { kind: true, locale: true } });
  if (filer?.kind === "citizen") return filer.locale as Language;
  if (!app.applicantPersonId) return "zh-CN";
  const person = await db.person.findUnique({ where: { id: app.applicantPersonId }, select: { userId: true } });
  const account = person?.userId ? await db.user.findUnique({ where: { id: person.userId }, select: { locale: true } }) : null;
  return (account?.locale as Language | undefined) ?? "zh-CN";
}

export function statusMessage(lng: Language, event: string, values: Record<string, string>): string | null {
  const t = serverT(lng);
  const key = `common:sms.${event}`;
  const text = t(key, values);
  return text === key ? null : text;
}

/** SMS after the state change has committed; a gateway failure never undoes a decision. */
export async function notify(
  app: { service: ServiceDefinition; answers: Answers; filerId: string; applicantPersonId: string | null },
  event: string,
  ref: string,
  request: Request,
  extra: Record<string, string> = {},
) {
  const phone = app.service.contactPhoneOf(app.answers);
  if (!phone) return;
  const body = statusMessage(await residentLanguage(app), event, { ref, url: `${publicOrigin(request)}/applications/${ref}`, ...extra });
  if (!body) return;
  try {
    await sms().send(phone, body);
  } catch (error) {
    console.error(`SMS for ${ref} (${event}) failed: ${(error as Error).message}`);
  }
}
