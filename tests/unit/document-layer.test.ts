import { describe, expect, it } from "vitest";
import type { DocumentSpec } from "~/documents/blocks.server";
import { layoutDocument, MM, renderDocument } from "~/documents/render.server";
import { wrapText } from "~/documents/text.server";
import { pdfInfo, pdfPageText, pdfText, popplerMissing } from "../support/pdf";

const info = { title: "测试文书", author: "武隆区" };

function tableSpec(rows: number, page: DocumentSpec["page"] = "A4"): DocumentSpec {
  return {
    page,
    info,
    blocks: [
      { kind: "header", title: { text: "收取材料清单", translation: "Materials" } },
      {
        kind: "table",
        columns: [
          { header: { text: "材料名称", translation: "Material" }, width: 3 },
          { header: { text: "份数", translation: "Copies" }, width: 1, align: "right" },
        ],
        rows: Array.from({ length: rows }, (_, i) => [`第${i + 1}行材料`, String(i + 1)]),
        total: ["合计", String((rows * (rows + 1)) / 2)],
      },
    ],
  };
}

describe("the document layer", () => {
  it.skipIf(popplerMissing)("flows a table over several pages, repeating its header row and numbering the pages", async () => {
    const pdf = await renderDocument(tableSpec(90));
    const { pages } = pdfInfo(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      const text = pdfPageText(pdf, page).replace(/\s+/g, "");
      expect(text).toContain("材料名称");
      expect(text).toContain(`第${page}页/共${pages}页`);
    }
    const all = pdfText(pdf);
    for (let i = 1; i <= 90; i++) expect(all).toContain(`第${i}行材料`);
    expect(all).toContain("4095");
  });

  it.skipIf(popplerMissing)("makes one 80 mm receipt-roll page as long as its content", async () => {
    const short = pdfInfo(await renderDocument(tableSpec(3, "roll80")));
    const long = pdfInfo(await renderDocument(tableSpec(60, "roll80")));
    expect(short.pages).toBe(1);
    expect(long.pages).toBe(1);
    expect(short.width).toBeCloseTo(80 * MM, 1);
    expect(long.height).toBeGreaterThan(short.height * 4);
  });

  it("sets body text of large-type documents at 14 pt or more", () => {
    const spec: DocumentSpec = { page: "A4", type: "large", info, blocks: [{ kind: "paragraph", text: "正文内容" }, { kind: "bullets", items: ["要点一"] }] };
    const sizes = layoutDocument(spec).flatMap((page) => page.ops.flatMap((op) => (op.op === "text" ? [op.size] : [])));
    const body = layoutDocument({ ...spec, type: "normal" }).flatMap((page) => page.ops.flatMap((op) => (op.op === "text" ? [op.size] : [])));
    expect(Math.min(...sizes.slice(0, 2))).toBeGreaterThanOrEqual(14);
    expect(Math.max(...body.slice(0, 2))).toBeLessThan(14);
  });

  it.skipIf(popplerMissing)("takes the last line along rather than leave a closing block alone on a page", async () => {
    const spec = (lines: number, keepWithPrevious: boolean): DocumentSpec => ({
      page: "A4",
      info,
      blocks: [
        { kind: "paragraph", text: Array.from({ length: lines }, (_, i) => `第${i + 1}段`).join("\n") },
        { kind: "seal", office: "武隆区卫生健康委员会", date: "2026年4月20日", seal: null, keepWithPrevious },
      ],
    });
    // As many lines as fill the first page, so that the seal block does not fit under them.
    let lines = 1;
    while (layoutDocument(spec(lines + 1, false)).length === 1) lines++;
    lines++;
    const loose = await renderDocument(spec(lines, false));
    const kept = await renderDocument(spec(lines, true));
    expect(pdfInfo(loose).pages).toBe(2);
    expect(pdfInfo(kept).pages).toBe(2);
    expect(pdfPageText(loose, 2)).not.toMatch(/第\d+段/);
    expect(pdfPageText(kept, 2)).toContain("武隆区卫生健康委员会");
    expect(pdfPageText(kept, 2)).toContain(`第${lines}段`);
    expect(pdfPageText(kept, 1)).not.toContain(`第${lines}段`);
  });

  it("wraps Chinese text without starting a line with closing punctuation, and indents first lines", () => {
    const text = "经审查，申请人提交的材料齐全、符合法定形式，决定予以受理。请于承诺办结日期后凭回执领取结果；如有疑问，请致电咨询。";
    for (let width = 60; width <= 200; width += 7) {
      const lines = wrapText(text, width, { size: 10, weight: "regular" });
      expect(lines.map((line) => line.runs.map((run) => run.text).join("")).join("")).toBe(text);
      for (const line of lines) {
        expect(line.width).toBeLessThanOrEqual(width + 0.01);
        expect(line.runs[0]?.text ?? "").not.toMatch(/^[，。、；：）」》]/);
      }
    }
    // A reference number is not split at its hyphens.
    const reference = wrapText("您的申请（申请编号：WL-JL-2026-000042）已受理，请凭编号查询。", 120, { size: 10, weight: "regular" }).map((line) => line.runs.map((run) => run.text).join(""));
    expect(reference.some((line) => line.includes("WL-JL-2026-000042"))).toBe(true);
    const indented = wrapText(`${text}\n第二段。`, 150, { size: 10, weight: "regular" }, { firstIndent: 20 });
    expect(indented[0].indent).toBe(20);
    expect(indented[1].indent).toBe(0);
    expect(indented[indented.length - 1].indent).toBe(20);
  });
});
