// The review report's model: which section says what, numbering, the template's say, long lists cut
// with a count, remarks gathered across bodies.
import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/domain/period.ts";
import { defaultTemplate } from "../../src/domain/report-template.ts";
import {
  type AppendixTask,
  buildReviewReport,
  type GradeCounts,
  gatherRemarks,
  NAMES_IN_TEXT,
  type ReviewData,
  ROWS_IN_TABLE,
  type StatusCounts,
  targetText,
  taskResult,
} from "../../src/domain/review-report.ts";
import { STATUSES } from "../../src/domain/status.ts";
import { ASSESSMENT_STATUSES } from "../../src/domain/trajectory.ts";

const statusCounts = (c: Partial<StatusCounts>): StatusCounts => {
  const out = { ...Object.fromEntries(STATUSES.map((s) => [s, 0])), ...c } as StatusCounts;
  out.total = STATUSES.reduce((s, k) => s + out[k], 0);
  return out;
};
const grades = (c: Partial<GradeCounts>): GradeCounts => {
  const out = { ...Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, 0])), ...c } as GradeCounts;
  out.total = ASSESSMENT_STATUSES.reduce((s, k) => s + out[k], 0);
  return out;
};

function data(over: Partial<ReviewData> = {}): ReviewData {
  const counts = statusCounts({ done_on_time: 3, done_late: 1, overdue: 2, in_progress: 4 });
  return {
    review: "interim",
    period: parsePeriod("2026") as NonNullable<ReturnType<typeof parsePeriod>>,
    asOf: "2026-11-24",
    issuedOn: "2026-11-24",
    system: "party",
    issuer: {
      name: "Ban Thường vụ Tỉnh ủy Quảng Ngãi",
      kind: "party_standing_board",
      parent: { name: "Tỉnh ủy Quảng Ngãi", kind: "party_committee" },
    },
    issuerCode: "TU",
    place: "Quảng Ngãi",
    document: {
      symbol: "215-CTr/TU",
      type: "chuong_trinh",
      date: "2025-08-12",
      title: null,
      issuer: "Ban Thường vụ Tỉnh ủy Quảng Ngãi",
    },
    scopeName: null,
    superior: "Bộ Chính trị",
    signer: null,
    dissemination: {
      counts: { required: 4, covered: 3, missing: 1, rate: 0.75, unrequired: 0 },
      sessions: [
        { organisation: "Sở Nội vụ", heldOn: "2025-09-02", form: "conference", attendance: 68 },
        { organisation: "Sở Tài chính", heldOn: "2025-09-03", form: "online", attendance: null },
      ],
      missing: ["Ủy ban nhân dân xã Bình Sơn"],
    },
    concretization: {
      counts: { required: 1, covered: 1, missing: 0, rate: 1, unrequired: 0 },
      plans: [
        { organisation: "Ủy ban nhân dân tỉnh", documents: [{ symbol: "726/KH-UBND", date: "2025-09-20" }] },
      ],
      missing: [],
      tasks: { parents: 6, covered: 2, uncovered: 4, rate: 2 / 6, unlinked: 0 },
    },
    status: {
      counts,
      completion: { value: 4 / 6, numerator: 4, denominator: 6 },
      onTime: { value: 3 / 6, numerator: 3, denominator: 6 },
      groups: [
        {
          label: "II",
          heading: "NHIỆM VỤ VÀ GIẢI PHÁP",
          counts: statusCounts({ done_on_time: 3, overdue: 2 }),
        },
        {
          label: "III",
          heading: "TỔ CHỨC THỰC HIỆN",
          counts: statusCounts({ done_late: 1, in_progress: 4 }),
        },
      ],
      lagging: [{ organisation: "Sở Nội vụ", overdue: 2, total: 3 }],
    },
    indicators: {
      counts: grades({ on_track: 1, at_risk: 1 }),
      outcome: { value: 0.5, numerator: 1, denominator: 2 },
      byIndicator: [{ name: "Tỷ lệ hồ sơ", unit: "%", counts: grades({ on_track: 1, at_risk: 1 }) }],
      rows: [
        {
          name: "Tỷ lệ hồ sơ",
          unit: "%",
          organisation: "UBND tỉnh",
          kind: "min",
          target: { value: 98, low: null, high: null, year: 2030 },
          baseline: null,
          latest: { period: "2026", value: 68.6 },
          expected: 71.44,
          status: "at_risk",
          forecast: { year: 2030, value: 83.8, meetsTarget: false },
        },
      ],
    },
    reporting: {
      expected: 4,
      onTime: 2,
      late: 1,
      missing: 1,
      notYetDue: 0,
      notExpected: 0,
      reportingRate: 0.75,
      onTimeRate: 0.5,
    },
    remarks: {
      difficulties: [{ text: "Kinh phí còn thiếu.", bodies: ["Sở Nội vụ", "Sở Tài chính"] }],
      proposals: [],
    },
    tasks: [
      {
        label: "II.1",
        text: "Xây dựng kho dữ liệu",
        deadline: "2026-12-31",
        recurrence: "once",
        leads: ["Sở Khoa học và Công nghệ"],
        counts: statusCounts({ in_progress: 1 }),
        percent: 40,
      },
    ],
    ...over,
  };
}

const texts = (m: ReturnType<typeof buildReviewReport>) =>
  m.body.flatMap((b) =>
    b.kind === "table" ? [] : [b.kind === "heading" ? `${b.number} ${b.text}` : b.text],
  );

describe("the review report's model", () => {
  it("heads the page as a Party body does and titles the report after the document and period", () => {
    const m = buildReviewReport(data(), defaultTemplate("party"));
    expect(m.issuerLines).toEqual(["TỈNH ỦY QUẢNG NGÃI"]);
    expect(m.motto).toEqual(["ĐẢNG CỘNG SẢN VIỆT NAM"]);
    expect(m.symbol).toMatch(/^Số\s+-BC\/TU$/);
    expect(m.placeDate).toBe("Quảng Ngãi, ngày 24 tháng 11 năm 2026");
    expect(m.typeName).toBe("BÁO CÁO");
    expect(m.title).toBe(
      "Sơ kết năm 2026 thực hiện Chương trình số 215-CTr/TU ngày 12/8/2025 của Ban Thường vụ Tỉnh ủy Quảng Ngãi",
    );
    expect(m.signer).toEqual({ authority: "T/M BAN THƯỜNG VỤ", role: "BÍ THƯ", name: "" });
    expect(m.recipients).toEqual([
      "Bộ Chính trị (để báo cáo)",
      "Các cơ quan, đơn vị được giao nhiệm vụ",
      "Lưu Văn phòng",
    ]);
  });

  it("numbers six sections I–VI, and the second level from 1 in each", () => {
    const m = buildReviewReport(data({ review: "final" }), defaultTemplate("party"));
    const headings = m.body.filter((b) => b.kind === "heading");
    expect(headings.filter((h) => h.level === 1).map((h) => h.number)).toEqual([
      "I.",
      "II.",
      "III.",
      "IV.",
      "V.",
      "VI.",
    ]);
    expect(headings.filter((h) => h.level === 1)[0]?.text).toBe("CÔNG TÁC QUÁN TRIỆT, TUYÊN TRUYỀN");
    const second = headings.map((h) => h.number);
    expect(second.slice(second.indexOf("III."), second.indexOf("IV."))).toEqual(["III.", "1.", "2.", "3."]);
    expect(second.slice(second.indexOf("V."), second.indexOf("VI."))).toEqual(["V.", "1.", "2.", "3."]);
    expect(m.title.startsWith("Tổng kết năm 2026")).toBe(true);
  });

  it("states the dashboard's counts in the official categories, with the shares' formulas", () => {
    const t = texts(buildReviewReport(data(), defaultTemplate("party")));
    expect(t).toContain(
      "Tổng số 10 lượt nhiệm vụ giao cho cơ quan, đơn vị: hoàn thành đúng hạn 3, hoàn thành quá hạn 1, đang thực hiện trong hạn 4, chưa đến hạn 0, chưa hoàn thành quá hạn 2, thường xuyên 0.",
    );
    expect(t).toContain(
      "Tỷ lệ hoàn thành (số đã hoàn thành trên số đã đến hạn) đạt 66,7% (4/6); tỷ lệ hoàn thành đúng hạn đạt 50%.",
    );
    expect(t.some((x) => x.startsWith("Tính đến ngày 24/11/2026, 3/4 cơ quan, đơn vị"))).toBe(true);
    expect(t).toContain("Còn 1 cơ quan, đơn vị chưa tổ chức quán triệt: Ủy ban nhân dân xã Bình Sơn.");
    expect(t).toContain("Ủy ban nhân dân tỉnh: 726/KH-UBND ngày 20/9/2025.");
    expect(t).toContain("Kinh phí còn thiếu (Sở Nội vụ; Sở Tài chính).");
    expect(t).toContain("Tập trung chỉ đạo hoàn thành dứt điểm 2 lượt nhiệm vụ đã quá hạn.");
  });

  it("tables the groups with a total row, and the indicators with path, grade and forecast", () => {
    const m = buildReviewReport(data(), defaultTemplate("party"));
    const tables = m.body.filter((b) => b.kind === "table");
    const groups = tables.find((t) => t.columns[0]?.title === "Nhóm nhiệm vụ");
    expect(groups?.rows.map((r) => r[0])).toEqual(["II. NHIỆM VỤ VÀ GIẢI PHÁP", "III. TỔ CHỨC THỰC HIỆN"]);
    expect(groups?.total?.slice(0, 2)).toEqual(["Tổng cộng", "10"]);
    const ind = tables.find((t) => t.columns[1]?.title === "Chỉ tiêu");
    expect(ind?.rows[0]).toEqual([
      "1",
      "Tỷ lệ hồ sơ",
      "UBND tỉnh",
      "–",
      "tối thiểu 98% (2030)",
      "68,6% (2026)",
      "71,44%",
      "Có nguy cơ chậm",
      "83,8% (2030)",
    ]);
    expect(m.appendix?.table.rows).toEqual([
      [
        "II.1",
        "Xây dựng kho dữ liệu",
        "Sở Khoa học và Công nghệ",
        "31/12/2026",
        "Đang thực hiện trong hạn (40%)",
      ],
    ]);
  });

  it("names at most NAMES_IN_TEXT bodies and counts the rest; long indicator lists give totals per indicator", () => {
    const many = Array.from({ length: NAMES_IN_TEXT + 5 }, (_, i) => `Xã ${i + 1}`);
    const base = data();
    const rows = Array.from(
      { length: ROWS_IN_TABLE + 1 },
      () => base.indicators.rows[0] as ReviewData["indicators"]["rows"][number],
    );
    const m = buildReviewReport(
      data({
        dissemination: { ...base.dissemination, missing: many },
        indicators: { ...base.indicators, rows },
      }),
      defaultTemplate("party"),
    );
    const line = texts(m).find((t) => t.startsWith("Còn 35 cơ quan"));
    expect(line).toContain("Xã 30 và 5 cơ quan, đơn vị khác");
    expect(line).not.toContain("Xã 31");
    const ind = m.body.filter((b) => b.kind === "table").find((t) => t.columns[0]?.title === "Chỉ tiêu");
    expect(ind?.rows).toEqual([["Tỷ lệ hồ sơ", "2", "0", "1", "1", "0", "0", "0"]]);
  });

  it("follows the template: headings, issuer, signer, recipients (a line naming no superior left out)", () => {
    const template = defaultTemplate("state");
    template.headings.results = "Kết quả triển khai";
    template.issuerLines = ["UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"];
    template.signer = { authority: "KT. GIÁM ĐỐC", role: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn B" };
    template.place = "Quảng Ngãi";
    const m = buildReviewReport(
      data({ system: "state", superior: null, issuerCode: "SKHCN", place: "" }),
      template,
    );
    expect(m.motto).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
    expect(m.symbol).toMatch(/^Số:\s+\/BC-SKHCN$/);
    expect(m.issuerLines).toEqual(template.issuerLines);
    expect(texts(m)).toContain("III. KẾT QUẢ TRIỂN KHAI");
    expect(m.signer).toEqual(template.signer);
    expect(m.recipients).toEqual(["Các cơ quan, đơn vị được giao nhiệm vụ", "Lưu: VT"]);
    expect(m.placeDate.startsWith("Quảng Ngãi, ngày")).toBe(true);
  });

  it("signs as the document did when the report's issuer is the document's, unless the template says", () => {
    const signer = { authority: "T/M BAN THƯỜNG VỤ", role: "BÍ THƯ", name: "Lê Minh Quang" };
    expect(buildReviewReport(data({ signer }), defaultTemplate("party")).signer).toEqual(signer);
    const template = defaultTemplate("party");
    template.signer.name = "Người ký khác";
    expect(buildReviewReport(data({ signer }), template).signer.name).toBe("Người ký khác");
  });
});

describe("pieces", () => {
  it("gathers one remark from several bodies, the most shared first", () => {
    expect(
      gatherRemarks([
        { text: "Kinh phí còn thiếu.", body: "B" },
        { text: "kinh phí  còn thiếu", body: "A" },
        { text: "Thiếu nhân lực", body: "C" },
        { text: "Kinh phí còn thiếu;", body: "A" },
        { text: " ", body: "D" },
      ]),
    ).toEqual([
      { text: "Kinh phí còn thiếu.", bodies: ["A", "B"] },
      { text: "Thiếu nhân lực", bodies: ["C"] },
    ]);
  });

  it("a task's result: its status alone, or its assignments counted by status", () => {
    const task = (c: Partial<StatusCounts>, percent: number | null): AppendixTask => ({
      label: "1",
      text: "",
      deadline: null,
      recurrence: null,
      leads: [],
      counts: statusCounts(c),
      percent,
    });
    expect(taskResult(task({ overdue: 1 }, 95))).toBe("Chưa hoàn thành, quá hạn (95%)");
    expect(taskResult(task({ done_on_time: 1 }, 100))).toBe("Hoàn thành đúng hạn");
    expect(taskResult(task({ done_on_time: 2, continuous: 1 }, null))).toBe(
      "Hoàn thành đúng hạn: 2; Thường xuyên: 1",
    );
    expect(taskResult(task({}, null))).toBe("–");
  });

  it("writes targets in words", () => {
    const t = (
      kind: string,
      target: Partial<{ value: number; low: number; high: number }>,
      unit: string | null,
    ) => targetText({ kind, unit, target: { value: null, low: null, high: null, year: 2030, ...target } });
    expect(t("min", { value: 85 }, "%")).toBe("tối thiểu 85% (2030)");
    expect(t("range", { low: 5, high: 7 }, "%")).toBe("trong khoảng 5–7% (2030)");
    expect(t("multiple_of_baseline", { value: 2 }, null)).toBe("gấp 2 lần so với gốc (2030)");
    expect(t("rank", { value: 20 }, null)).toBe("xếp hạng 20 (2030)");
    expect(t("max", { value: 1200 }, "người")).toBe("tối đa 1.200 người (2030)");
  });
});
