import QRCode from "qrcode";
import { beforeAll, describe, expect, it } from "vitest";
import { renderCertificate, type CertificateInput } from "~/documents/certificate.server";
import { certificateExample } from "~/documents/examples.server";
import { qrModules, qrRuns } from "~/documents/qr.server";
import { pdfFonts, pdfInfo, pdfText, pdfTextCompact, popplerMissing, saved, sealPng } from "../support/pdf";
import { execFileSync } from "node:child_process";

const sample: CertificateInput = {
  ...certificateExample,
  fields: [
    ...certificateExample.fields,
    {
      label: { text: "户籍地址", translation: "Registered address" },
      value: "重庆市武隆区凤山街道芙蓉西路88号阳光花园小区3栋2单元1502室（这是一个用于测试自动换行的很长的地址，必须在单元格内换行而不能溢出）",
    },
    { label: "Remarks", value: "English text renders too: registration confirmed." },
  ],
};

describe("the certificate", () => {
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderCertificate(sample);
  }, 30_000);

  it("is a compact PDF", () => {
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(pdf.length).toBeLessThan(100 * 1024);
  });

  it.skipIf(popplerMissing)("is one A4 page with its metadata", () => {
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(info.raw).toMatch(/^Title:\s+生育服务登记凭证$/m);
    expect(info.raw).toMatch(/^Author:\s+武隆区凤山街道办事处$/m);
    expect(info.raw).toMatch(/^Page\s+1 size:\s+595\.28 x 841\.89 pts \(A4\)/m);
  });

  it.skipIf(popplerMissing)("holds the facts, the registering office, the code and the holder's notes", () => {
    const text = pdfText(pdf);
    const compact = pdfTextCompact(pdf);
    expect(text).toContain("生育服务登记凭证");
    expect(text).toContain("Birth-Service Registration Certificate");
    expect(text).toContain(sample.reference);
    expect(text).toContain("张丽华");
    expect(text).toContain("500156199403150027");
    expect(text).toContain("2026年3月18日");
    // 登记机关 is the office's full name, with its English translation line.
    expect(compact).toContain("登记机关");
    expect(compact).toContain("Registrationoffice");
    expect(compact).toContain("武隆区凤山街道办事处");
    expect(compact).toContain(sample.code);
    // The long address wraps, but its end still makes it onto the page.
    expect(compact).toContain("必须在单元格内换行而不能溢出）");
    // Notes for the holder: where it is recognised and how to verify it.
    expect(compact).toContain("持证须知");
    expect(compact).toContain("接收单位在线核验");
    expect(compact).toContain("https://fs.wulong.gov.cn/verify输入查验码");
  });

  it.skipIf(popplerMissing)("marks the seal area as not configured when the county data has no seal", () => {
    const compact = pdfTextCompact(pdf);
    expect(compact).toContain("电子印章（未配置）");
    expect(execFileSync("pdfimages", ["-list", saved(pdf)], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean)).toEqual([]);
  });

  it.skipIf(popplerMissing)("prints the office's seal, captioned as an electronic seal, when there is one", async () => {
    for (const png of [sealPng(), saved(sealPng())]) {
      const sealed = await renderCertificate({ ...sample, seal: { png } });
      const compact = pdfTextCompact(sealed);
      expect(compact).toContain("电子印章");
      expect(compact).not.toContain("未配置");
      const images = execFileSync("pdfimages", ["-list", saved(sealed)], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
      expect(images.length).toBeGreaterThan(0);
    }
  });

  it.skipIf(popplerMissing)("embeds subset fonts with a Unicode map", () => {
    const rows = pdfFonts(pdf);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      expect(cols[0]).toMatch(/^[A-Z]{6}\+/);
      expect([emb, sub, uni]).toEqual(["yes", "yes", "yes"]);
    }
  });

  it.skipIf(popplerMissing)("keeps many long fields on a single page by shrinking the type", async () => {
    const crowded = await renderCertificate({
      ...sample,
      fields: Array.from({ length: 14 }, (_, i) => ({ label: `字段${i + 1}`, value: "很长的内容".repeat(14) })),
    });
    expect(pdfInfo(crowded).pages).toBe(1);
    expect(pdfText(crowded)).not.toContain("第 1 页");
  }, 30_000);

  it.skipIf(popplerMissing)("flows onto a numbered second page rather than lose text when even small type cannot hold it", async () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `字段${i + 1}`, value: `${"很长的内容".repeat(40)}第${i + 1}项完` }));
    const overflowing = await renderCertificate({ ...sample, fields });
    expect(pdfInfo(overflowing).pages).toBe(2);
    const compact = pdfTextCompact(overflowing);
    for (let i = 1; i <= 12; i++) expect(compact).toContain(`第${i}项完`);
    expect(compact).toContain("第1页/共2页");
    expect(compact).toContain(sample.code);
  }, 30_000);
});

describe("the QR code", () => {
  it("draws every dark module exactly once", () => {
    const url = sample.verifyUrl;
    const reference = QRCode.create(url, { errorCorrectionLevel: "M" }).modules;
    const qr = qrModules(url);
    expect(qr.size).toBe(reference.size);
    const painted = new Array<number>(qr.size * qr.size).fill(0);
    for (const run of qrRuns(qr)) for (let c = run.col; c < run.col + run.length; c++) painted[run.row * qr.size + c]++;
    for (let row = 0; row < qr.size; row++) {
      for (let col = 0; col < qr.size; col++) expect(painted[row * qr.size + col]).toBe(reference.get(row, col) ? 1 : 0);
    }
  });
});
