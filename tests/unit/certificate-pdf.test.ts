import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  qrModules,
  qrRuns,
  renderCertificatePdf,
  type CertificatePdfInput,
} from "../../app/engine/certificate-pdf.server";

const sample: CertificatePdfInput = {
  title: "生育服务登记凭证",
  subtitle: "Birth Service Registration Certificate · 依据《重庆市人口与计划生育条例》",
  issuer: "重庆市武隆区卫生健康委员会",
  reference: "WL-SY-2026-000123",
  fields: [
    { label: "登记类型", value: "一孩生育登记" },
    { label: "女方姓名", value: "张三" },
    { label: "女方身份证号", value: "500232199001011234" },
    { label: "男方姓名", value: "李四" },
    { label: "男方身份证号", value: "500232198805052345" },
    { label: "婚姻状况", value: "已婚（初婚）" },
    { label: "结婚登记日期", value: "2024年5月20日" },
    {
      label: "户籍地址",
      value:
        "重庆市武隆区凤山街道芙蓉西路88号阳光花园小区3栋2单元1502室（这是一个用于测试自动换行的很长的地址，必须在单元格内换行而不能溢出）",
    },
    { label: "现居住地", value: "重庆市武隆区仙女山街道" },
    { label: "预产期", value: "2026年9月15日" },
    { label: "受理单位", value: "武隆区凤山街道社区卫生服务中心" },
    { label: "Remarks", value: "English text renders too: registration confirmed." },
  ],
  verifyUrl: "https://fs.wulong.gov.cn/verify/WL-SY-2026-000123?c=7KQ4-M2XP",
  verifyHint:
    "扫描二维码或访问 https://fs.wulong.gov.cn/verify 输入查验码，查验本凭证真伪",
  issuedAtLabel: "签发日期",
  issuedAt: "2026年3月18日",
  codeLabel: "查验码",
  code: "7KQ4-M2XP",
  footer:
    "本凭证由武隆区生育服务一网通办平台生成，与纸质凭证具有同等效力。如有疑问请致电 023-77722xxx。",
};

function hasTool(name: string): boolean {
  try {
    execFileSync("which", [name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const popplerMissing = !hasTool("pdftotext") || !hasTool("pdffonts");

describe("renderCertificatePdf", () => {
  let dir: string;
  let file: string;
  let pdf: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "certificate-pdf-"));
    file = path.join(dir, "certificate.pdf");
    pdf = await renderCertificatePdf(sample);
    writeFileSync(file, pdf);
  }, 30_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("produces a compact PDF", () => {
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(pdf.length).toBeLessThan(200 * 1024);
  });

  it.skipIf(popplerMissing)("has one page and metadata", () => {
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Title:\s+生育服务登记凭证$/m);
    expect(info).toMatch(/^Author:\s+重庆市武隆区卫生健康委员会$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m);
  });

  it.skipIf(popplerMissing)("contains the expected text", () => {
    const text = execFileSync("pdftotext", ["-layout", file, "-"], {
      encoding: "utf8",
    });
    expect(text).toContain(sample.title);
    expect(text).toContain(sample.reference);
    expect(text).toContain("张三");
    expect(text).toContain(sample.code);
    expect(text).toContain(sample.issuer);
    expect(text).toContain("2026年3月18日");
    // The long address wraps, but its end still makes it onto the page.
    expect(text.replace(/\s+/g, "")).toContain("必须在单元格内换行而不能溢出）");
  });

  it.skipIf(popplerMissing)("embeds subset fonts", () => {
    const out = execFileSync("pdffonts", [file], { encoding: "utf8" });
    const rows = out.split("\n").slice(2).filter((l) => l.trim() !== "");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // name type encoding emb sub uni object-ID
      const cols = row.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      expect(cols[0]).toMatch(/^[A-Z]{6}\+/);
      expect(emb).toBe("yes");
      expect(sub).toBe("yes");
      expect(uni).toBe("yes");
    }
  });

  it("draws every dark QR module exactly once", () => {
    const reference = QRCode.create(sample.verifyUrl, {
      errorCorrectionLevel: "M",
    }).modules;
    const qr = qrModules(sample.verifyUrl);
    expect(qr.size).toBe(reference.size);

    const painted = new Array<number>(qr.size * qr.size).fill(0);
    for (const run of qrRuns(qr)) {
      for (let c = run.col; c < run.col + run.length; c++) {
        painted[run.row * qr.size + c]++;
      }
    }
    let darkCount = 0;
    for (let row = 0; row < qr.size; row++) {
      for (let col = 0; col < qr.size; col++) {
        const dark = Boolean(reference.get(row, col));
        if (dark) darkCount++;
        expect(painted[row * qr.size + col]).toBe(dark ? 1 : 0);
      }
    }
    expect(painted.reduce((a, b) => a + b, 0)).toBe(darkCount);
  });

  it("keeps many long fields on a single page", async () => {
    const crowded: CertificatePdfInput = {
      ...sample,
      fields: Array.from({ length: 12 }, (_, i) => ({
        label: `字段${i + 1}`,
        value: "很长的内容".repeat(40),
      })),
    };
    const out = await renderCertificatePdf(crowded);
    expect(out.subarray(0, 4).toString("latin1")).toBe("%PDF");
    if (!popplerMissing) {
      const f = path.join(dir, "crowded.pdf");
      writeFileSync(f, out);
      const info = execFileSync("pdfinfo", [f], { encoding: "utf8" });
      expect(info).toMatch(/^Pages:\s+1$/m);
    }
  }, 30_000);
});
