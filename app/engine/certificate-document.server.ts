import { renderCertificate } from "~/documents/certificate.server";
import { wording } from "~/documents/wording.server";
import type { Language } from "~/i18n/config";
import { serverT } from "~/i18n/resources.server";
import { formatDate } from "~/lib/dates";
import { publicOrigin } from "~/utils/config.server";
import { jurisdictions, townshipOfPath, type JurisdictionIndex, type JurisdictionRow } from "~/utils/jurisdictions.server";
import { certificateOf, type LoadedApplication } from "./applications.server";
import { formatCode } from "./certificates.server";

/**
 * The registering office's full name (街道办事处 / 镇人民政府 / 乡人民政府), derived from the
 * township's name until the jurisdiction data carries office names; the county office when
 * the case has no township.
 */
function registeringOffice(index: JurisdictionIndex, township: JurisdictionRow | undefined): { text: string; translation: string } {
  if (!township) return { text: index.county.office, translation: index.county.officeEn };
  const subdistrict = township.name.endsWith("街道");
  return {
    text: `${index.county.name}${township.name}${subdistrict ? "办事处" : "人民政府"}`,
    translation: `${township.nameEn} ${subdistrict ? "Office" : "People's Government"}, ${index.county.nameEn}`,
  };
}

/**
 * The PDF of an approved case, for its citizen or for staff of its jurisdiction. The
 * document is in Chinese with English translation lines whatever the page language.
 */
export async function certificatePdf(app: LoadedApplication, _lng: Language, request: Request): Promise<Response> {
  const certificate = app.status === "approved" ? await certificateOf(app.id) : null;
  if (!certificate || !app.ref) throw new Response("Not Found", { status: 404 });
  const zh = serverT("zh-CN");
  const en = serverT("en");
  const bilingual = (key: string) => ({ text: zh(key), translation: en(key) });
  const index = await jurisdictions();
  const { service } = app;
  const origin = publicOrigin(request);
  const pdf = await renderCertificate({
    title: bilingual(service.certificate.titleKey),
    reference: app.ref,
    fields: service.certificate.lines(app.answers).map((line) => ({ label: bilingual(line.labelKey), value: line.value })),
    office: registeringOffice(index, townshipOfPath(index, app.jurisdictionPath)),
    issuedAt: formatDate(certificate.issuedAt, "zh-CN"),
    verifyUrl: `${origin}/verify/${certificate.code}`,
    verifyPage: `${origin}/verify`,
    code: formatCode(certificate.code),
    seal: null, // no seal images in the county data yet: the placeholder says so
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
