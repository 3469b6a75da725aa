import { existsSync } from "node:fs";
import path from "node:path";
import { renderCertificate } from "~/documents/certificate.server";
import type { SealImage } from "~/documents/blocks.server";
import { wording } from "~/documents/wording.server";
import type { Language } from "~/i18n/config";
import { serverT } from "~/i18n/resources.server";
import { formatDate } from "~/lib/dates";
import { publicOrigin } from "~/utils/config.server";
import { jurisdictions } from "~/utils/jurisdictions.server";
import { certificateOf, type LoadedApplication } from "./applications.server";
import { formatCode } from "./certificates.server";

/**
 * An office's electronic seal image, from the county data (a PNG path relative to
 * SEALS_DIR, default prisma/data/seals); null while none is configured, and the document
 * then shows an explicit placeholder.
 */
export function sealImage(seal: string | undefined): SealImage | null {
  if (!seal) return null;
  const file = path.resolve(process.env.SEALS_DIR ?? "prisma/data/seals", seal);
  return existsSync(file) ? { png: file } : null;
}

/** The office that registers or decides a case: its full name in Chinese with the English translation, and its seal. */
export async function decidingOffice(app: Pick<LoadedApplication, "jurisdictionPath">) {
  const index = await jurisdictions();
  const { office, seal } = index.officeFor(app.jurisdictionPath);
  return { office: { text: office.name, translation: office.nameEn }, seal: sealImage(seal) };
}

/**
 * The PDF of an approved case, for its citizen or for staff of its jurisdiction. The
 * document is in Chinese with English translation lines whatever the page language.
 */
export async function certificatePdf(app: LoadedApplication, _lng: Language, request: Request): Promise<Response> {
  const certificate = app.status === "approved" ? await certificateOf(app.id) : null;
  const { output } = app.service;
  if (!certificate || !app.ref || output.kind === "none") throw new Response("Not Found", { status: 404 });
  const zh = serverT("zh-CN");
  const en = serverT("en");
  const bilingual = (key: string) => ({ text: zh(key), translation: en(key) });
  const origin = publicOrigin(request);
  const { office, seal } = await decidingOffice(app);
  const pdf = await renderCertificate({
    title: bilingual(output.titleKey),
    reference: app.ref,
    fields: output.lines(app.answers).map((line) => ({ label: bilingual(line.labelKey), value: line.value })),
    office,
    issuedAt: formatDate(certificate.issuedAt, "zh-CN"),
    verifyUrl: `${origin}/verify/${certificate.code}`,
    verifyPage: `${origin}/verify`,
    code: formatCode(certificate.code),
    seal,
    recognition: [wording.certificate.recognition],
    footer: zh("common:certificate.footer"),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${app.ref}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
