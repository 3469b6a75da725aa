import { describe, expect, it } from "vitest";
import { renderApprovalLetter, renderAwardLetter, renderRefusalLetter } from "~/documents/decision-letters.server";
import { approvalLetterExample, awardLetterExample, leafletExample, receiptExample, refusalLetterExample } from "~/documents/examples.server";
import { leafletDocument, renderLeaflet } from "~/documents/leaflet.server";
import { layoutDocument } from "~/documents/render.server";
import { renderReceipt } from "~/documents/receipt.server";
import { pdfInfo, pdfPageText, pdfText, pdfTextCompact, popplerMissing } from "../support/pdf";

describe.skipIf(popplerMissing)("document templates", () => {
  it("approval letter: decision, applicant with a masked ID, legal basis, verification code and seal block", async () => {
    const pdf = await renderApprovalLetter(approvalLetterExample);
    const text = pdfTextCompact(pdf);
    expect(text).toContain("审批结果通知书");
    expect(text).toContain("王淑芬：");
    expect(text).toContain("决定予以批准");
    expect(text).toContain(approvalLetterExample.service);
    expect(text).toContain(approvalLetterExample.reference);
    expect(text).toContain("5001**********0047");
    expect(text).not.toContain("500156196304120047");
    expect(text).toContain("国办发〔2004〕21号");
    expect(text).toContain(approvalLetterExample.verify.code);
    expect(text).toContain("重庆市武隆区卫生健康委员会");
    expect(text).toContain("电子印章（未配置）");
    expect(text).toContain("决定日期：2026年4月20日");
  });

  it("award letter: amounts per period, start date and the beneficiaries with their total", async () => {
    const pdf = await renderAwardLetter(awardLetterExample);
    const text = pdfTextCompact(pdf);
    expect(text).toContain("待遇标准");
    expect(text).toContain("每人每年");
    expect(text).toContain("960.00");
    expect(text).toContain("自2026年1月1日起按下列标准发放");
    expect(text).toContain("收款账户");
    expect(text).toContain("重庆农村商业银行武隆支行************6784");
    expect(text).toContain("享受对象");
    expect(text).toContain("李德明");
    expect(text).toContain("配偶");
    expect(text).toContain("合计");
    expect(text).toContain("1,920.00");
    expect(text).toContain(awardLetterExample.verify.code);
  });

  it("refusal letter: reason, legal basis, and where and by when to appeal", async () => {
    const pdf = await renderRefusalLetter(refusalLetterExample);
    const text = pdfTextCompact(pdf);
    expect(text).toContain("不予批准通知书");
    expect(text).toContain("决定不予批准");
    expect(text).toContain("属于1973年至2001年间政策外生育");
    expect(text).toContain("国人口发〔2004〕39号");
    expect(text).toContain("60日内向重庆市武隆区人民政府申请行政复议");
    expect(text).toContain("6个月内直接向重庆市武隆区人民法院提起行政诉讼");
    expect(text).toContain("administrativereconsideration");
    expect(text).toContain(refusalLetterExample.verify.code);
    expect(text).toContain("电子印章");

    const notAccepted = pdfTextCompact(await renderRefusalLetter({ ...refusalLetterExample, kind: "notAccepted", appeal: { reconsideration: { body: "某某区人民政府", days: 60 }, litigation: { court: "某某区人民法院", months: 6 } } }));
    expect(notAccepted).toContain("不予受理通知书");
    expect(notAccepted).toContain("决定不予受理");
    expect(notAccepted).toContain("向某某区人民政府申请行政复议");
  });

  it("a long refusal flows onto a second, numbered page with the seal block kept beside text", async () => {
    const reason = Array.from({ length: 14 }, (_, i) => `第${i + 1}条理由：经核查，申请材料所载信息与户籍登记信息不一致，且未在补正期限内提交补正材料。`).join("\n");
    const pdf = await renderRefusalLetter({ ...refusalLetterExample, reason });
    const { pages } = pdfInfo(pdf);
    expect(pages).toBe(2);
    const text = pdfTextCompact(pdf);
    expect(text).toContain("第14条理由");
    expect(text).toContain("第2页/共2页");
    const second = pdfPageText(pdf, 2).replace(/\s+/g, "");
    expect(second).toContain("重庆市武隆区卫生健康委员会");
    // The seal block does not stand alone: the end of the letter's text came with it.
    expect(second).toMatch(/lawsuit|行政诉讼|行政复议/);
  });

  for (const layout of ["A4", "roll80"] as const) {
    it(`receipt (${layout}): reference, service, masked applicant, materials, promised date, hall, window, staff`, async () => {
      const pdf = await renderReceipt(receiptExample, layout);
      const text = pdfTextCompact(pdf);
      expect(pdfInfo(pdf).pages).toBe(1);
      expect(text).toContain("受理回执");
      expect(text).toContain(receiptExample.reference);
      expect(text).toContain("生育服务登记");
      expect(text).toContain("李*");
      expect(text).toContain("5001**********0022");
      expect(text).toContain("138****0002");
      for (const secret of ["李四", "500156199201010022", "13800000002"]) expect(text).not.toContain(secret);
      for (const material of receiptExample.materials) expect(text).toContain(material.name);
      expect(text).toContain("2026年12月4日");
      expect(text).toContain("武隆区凤山街道便民服务中心");
      expect(text).toContain("3号窗口");
      expect(text).toContain("陈晓");
      expect(text).toContain("查询办理进度");
    });
  }

  it("receipt for a roll printer is 80 mm wide", async () => {
    expect(pdfInfo(await renderReceipt(receiptExample, "roll80")).width).toBeCloseTo(226.77, 1);
    expect(pdfInfo(await renderReceipt(receiptExample, "A4")).width).toBeCloseTo(595.28, 1);
  });

  it("leaflet: large type on one or two A4 pages, headings, bullets, amounts, the page's address and the data date", async () => {
    const pdf = await renderLeaflet(leafletExample);
    const { pages } = pdfInfo(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const text = pdfText(pdf);
    const compact = text.replace(/\s+/g, "");
    expect(compact).toContain("育儿补贴政策解读");
    for (const section of leafletExample.sections) expect(compact).toContain(typeof section.heading === "string" ? section.heading : section.heading.text);
    expect(compact).toContain("由父母或其他监护人申请");
    expect(compact).toContain("3,600元");
    expect(compact).toContain("300元/月");
    expect(compact).toContain("https://fs.wulong.gov.cn/policies/childcare-subsidy");
    expect(compact).toContain("数据更新日期：2026年12月1日");
    expect(text).toContain("Data as of 1 December 2026");
  });
});

describe("leaflet type", () => {
  it("sets every paragraph and bullet line at 14 pt or more", () => {
    const body = leafletExample.sections.flatMap((section) => [...(section.paragraphs ?? []), ...(section.bullets ?? [])]);
    const bodyOps = layoutDocument(leafletDocument(leafletExample))
      .flatMap((page) => page.ops)
      .flatMap((op) => (op.op === "text" ? [{ size: op.size, text: op.line.runs.map((run) => run.text).join("") }] : []))
      .filter((op) => op.text.length > 3 && body.some((text) => text.includes(op.text)));
    expect(bodyOps.length).toBeGreaterThanOrEqual(body.length);
    for (const op of bodyOps) expect(op.size, op.text).toBeGreaterThanOrEqual(14);
  });
});
