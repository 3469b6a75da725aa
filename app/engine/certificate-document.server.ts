import type { Language } from "~/i18n/config";
import { serverT } from "~/i18n/resources.server";
import { formatDate } from "~/lib/dates";
import { publicOrigin } from "~/utils/config.server";
import { jurisdictions, localName, townshipOfPath } from "~/utils/jurisdictions.server";
import { certificateOf, type LoadedApplication } from "./applications.server";
import { formatCode } from "./certificates.server";
import { renderCertificatePdf } from "./certificate-pdf.server";

/** The PDF of an approved case, for its citizen or for staff of its jurisdiction. */
export async function certificatePdf(app: LoadedApplication, lng: Language, request: Request): Promise<Response> {
  const certificate = app.status === "approved" ? await certificateOf(app.id) : null;
  const { output } = app.service;
  if (!certificate || !app.ref || output.kind === "none") throw new Response("Not Found", { status: 404 });
  const t = serverT(lng);
  const index = await jurisdictions();
  const verifyUrl = `${publicOrigin(request)}/verify/${certificate.code}`;
  const township = townshipOfPath(index, app.jurisdictionPath);
  const pdf = await renderCertificatePdf({
    title: t(output.titleKey),
    subtitle: output.kind === "certificate" && output.subtitleKey ? t(output.subtitleKey) : undefined,
    issuer: lng === "en" ? index.county.officeEn : index.county.office,
    reference: app.ref,
    fields: [
      ...output.lines(app.answers).map((line) => ({ label: t(line.labelKey), value: line.value })),
      { label: t("common:certificate.registeredAt"), value: localName(township, lng) },
    ],
    verifyUrl,
    verifyHint: t("common:certificate.verifyHint", { url: `${publicOrigin(request)}/verify` }),
    issuedAtLabel: t("common:certificate.issuedAt"),
    issuedAt: formatDate(certificate.issuedAt, lng),
    codeLabel: t("common:certificate.code"),
    code: formatCode(certificate.code),
    footer: t("common:certificate.footer"),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${app.ref}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
