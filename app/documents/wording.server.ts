/**
 * The fixed wording of the portal's documents. A document is Chinese whatever the
 * language of the page it was downloaded from, with English as a translation line, so
 * both languages are printed together and this is data, not a per-request translation.
 */
export const wording = {
  seal: {
    caption: { text: "电子印章", translation: "Electronic seal" },
    notConfigured: { text: "电子印章（未配置）", translation: "Electronic seal not configured" },
  },
  pageOf: (page: number, pages: number) => `第 ${page} 页 / 共 ${pages} 页`,
  reference: { text: "编号", translation: "No." },
  issuedAt: { text: "签发日期", translation: "Date of issue" },
  decidedAt: { text: "决定日期", translation: "Date of decision" },
  verificationCode: { text: "查验码", translation: "Verification code" },
  certificate: {
    office: { text: "登记机关", translation: "Registration office" },
    notes: { text: "持证须知", translation: "Notes for the holder" },
    verify: (verifyPage: string) =>
      `查验方法：扫描本凭证上的二维码，或访问 ${verifyPage} 输入查验码，即可核验本凭证真伪和状态（有效或已撤销）。Verify: scan the QR code, or enter the verification code at ${verifyPage}.`,
    recognition:
      "办理与本事项相关的公共服务时，可出示本凭证的电子文件或打印件，接收单位在线核验即可，无需另开纸质证明。Show this certificate, on screen or printed, where services related to it ask for proof; offices verify it online.",
    electronic: "本凭证为电子凭证，打印件与电子文件具有同等效力；凭证信息以查验结果为准。This electronic certificate and its printout are equally valid; the verification result prevails.",
  },
  letter: {
    applicant: { text: "申请人", translation: "Applicant" },
    service: { text: "申请事项", translation: "Application" },
    decision: { text: "审批结果", translation: "Decision" },
    legalBasis: { text: "依据", translation: "Legal basis" },
    appeal: { text: "救济途径", translation: "How to appeal" },
    verify: (verifyPage: string) => `扫描二维码或访问 ${verifyPage} 输入查验码，核验本通知书真伪。`,
  },
  award: {
    amounts: { text: "待遇标准", translation: "Amounts" },
    period: { text: "期间", translation: "Period" },
    amount: { text: "金额（元）", translation: "Amount (yuan)" },
    from: { text: "起始日期", translation: "From" },
    until: { text: "截止日期", translation: "Until" },
    beneficiaries: { text: "享受对象", translation: "Beneficiaries" },
    name: { text: "姓名", translation: "Name" },
    relation: { text: "关系", translation: "Relation" },
    account: { text: "收款账户", translation: "Paid into" },
    total: "合计",
  },
  receipt: {
    title: { text: "受理回执", translation: "Acknowledgement of receipt" },
    reference: { text: "办件编号", translation: "Reference" },
    service: { text: "申请事项", translation: "Service" },
    applicant: { text: "申请人", translation: "Applicant" },
    residentId: { text: "身份证号码", translation: "ID number" },
    phone: { text: "联系电话", translation: "Phone" },
    receivedAt: { text: "受理时间", translation: "Received" },
    promisedBy: { text: "承诺办结日期", translation: "To be completed by" },
    hall: { text: "受理地点", translation: "Service hall" },
    window: { text: "窗口", translation: "Window" },
    staff: { text: "经办人", translation: "Handled by" },
    materials: { text: "收取材料", translation: "Materials received" },
    materialNo: { text: "序号", translation: "No." },
    materialName: { text: "材料名称", translation: "Material" },
    materialForm: { text: "形式", translation: "Form" },
    materialCopies: { text: "份数", translation: "Copies" },
    track: "扫描二维码或凭办件编号查询办理进度。Scan the QR code, or use the reference, to follow the case.",
  },
  leaflet: {
    dataAsOf: (zh: string, en: string) => `数据更新日期：${zh}　Data as of ${en}`,
    scan: "扫码查看网页版、在线申请 Scan for the web page and to apply online",
  },
} as const;
