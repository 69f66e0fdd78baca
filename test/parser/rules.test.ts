// The parser's rules one at a time, on short texts written for these tests.
import { describe, expect, it } from "vitest";
import { readBodies, splitBodies } from "../../src/parser/bodies.ts";
import { readDeadline } from "../../src/parser/deadlines.ts";
import { readSymbolAt } from "../../src/parser/header.ts";
import { readLabel } from "../../src/parser/lines.ts";
import { parseNumeral, romanToInt } from "../../src/parser/numbers.ts";
import { parseDocument } from "../../src/parser/parse.ts";
import { readAuthority } from "../../src/parser/signature.ts";
import { fold } from "../../src/parser/text.ts";

const source = { name: "t.txt", format: "txt" as const, sha256: "0".repeat(64) };
const parse = (text: string) => parseDocument(text, source);

describe("numbers and text", () => {
  it("reads Vietnamese numerals", () => {
    expect(parseNumeral("0,7")).toBe(0.7);
    expect(parseNumeral("58.000")).toBe(58000);
    expect(parseNumeral("1.250,5")).toBe(1250.5);
    expect(parseNumeral("03")).toBe(3);
    expect(parseNumeral("1.000.000")).toBe(1_000_000);
    expect(parseNumeral("abc")).toBeNull();
  });
  it("reads Roman numerals strictly", () => {
    expect(romanToInt("IV")).toBe(4);
    expect(romanToInt("XIV")).toBe(14);
    expect(romanToInt("IIII")).toBeNull();
  });
  it("folds old and new tone placement at the end of a syllable only", () => {
    expect(fold("Uỷ ban HOÀ BÌNH")).toBe(fold("Ủy ban hòa bình"));
    expect(fold("KẾ HOẠCH")).toBe("kế hoạch");
    expect(fold("hoàn thành")).toBe("hoàn thành");
  });
});

describe("symbols and labels", () => {
  const sym = (s: string) => readSymbolAt(s, s.indexOf("S"), s.length);
  it("reads Party, State and blank-number symbols", () => {
    expect(sym("Số 205-CV/TU")).toMatchObject({ symbol: "205-CV/TU", number: "205" });
    expect(sym("Số: 1842/KH-UBND")).toMatchObject({ symbol: "1842/KH-UBND", number: "1842" });
    expect(sym("Số: 15/2025/QĐ-UBND")).toMatchObject({ symbol: "15/2025/QĐ-UBND", number: "15" });
    expect(sym("Số:        /UBND-VP")).toMatchObject({ symbol: "/UBND-VP", number: null });
    expect(sym("Số: ......./KH-UBND")).toMatchObject({ symbol: "/KH-UBND", number: null });
    expect(sym("Số lượng cán bộ")).toBeNull();
  });
  it("recognises the numbering schemes of sections", () => {
    expect(readLabel("II - NHIỆM VỤ")).toMatchObject({ scheme: "roman", label: "II" });
    expect(readLabel("2.3. Tuyên truyền")).toMatchObject({ scheme: "dotted2", label: "2.3" });
    expect(readLabel("đ) Sở Y tế")).toMatchObject({ scheme: "letter)", value: 5 });
    expect(readLabel("Điều 2. Hiệu lực")).toMatchObject({ scheme: "article", label: "Điều 2" });
    expect(readLabel("58.000 tỷ đồng")).toBeNull();
    expect(readLabel("V/v triển khai")).toBeNull();
    expect(readLabel("2020 là năm")).toBeNull();
    // Party documents write "I-", "1-" and "a-"
    expect(readLabel("b- Phấn đấu 100% hộ nghèo")).toMatchObject({ scheme: "letter.", value: 2 });
    expect(readLabel("a-xít hữu cơ")).toBeNull();
  });
});

describe("signers", () => {
  it("normalises the authority forms, OCR damage included", () => {
    expect(readAuthority("T/M BAN THƯỜNG VỤ")).toMatchObject({ kind: "TM", onBehalfOf: "BAN THƯỜNG VỤ" });
    expect(readAuthority("TM. ỦY BAN NHÂN DÂN")).toMatchObject({ kind: "TM" });
    expect(readAuthority("K/T CHỦ TỊCH")).toMatchObject({ kind: "KT", onBehalfOf: "CHỦ TỊCH" });
    expect(readAuthority("T/Ł BAN THƯỜNG VỤ")).toMatchObject({ kind: "TL" });
    expect(readAuthority("TL. CHỦ TỊCH")).toMatchObject({ kind: "TL" });
    expect(readAuthority("TUQ. CHỦ TỊCH")).toMatchObject({ kind: "TUQ" });
    expect(readAuthority("Q. GIÁM ĐỐC")).toMatchObject({ kind: "Q" });
    expect(readAuthority("QUẢNG NGÃI")).toBeNull();
    expect(readAuthority("Tổ chức thực hiện")).toBeNull();
  });
  it("a head who signs in his own name beside the distribution list is the signer, not a recipient", () => {
    const d = parse(
      [
        "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH KHÁNH HÒA                        Độc lập - Tự do - Hạnh phúc",
        "Số: 3105/QĐ-UBND                Khánh Hòa, ngày 20 tháng 11 năm 2026",
        "",
        "QUYẾT ĐỊNH",
        "Về việc thành lập Tổ công tác",
        "",
        "Điều 1. Thành lập Tổ công tác tháo gỡ khó khăn cho các dự án đầu tư.",
        "",
        "Nơi nhận:                                           CHỦ TỊCH",
        "- Như Điều 3;",
        "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);                      (Đã ký)",
        "- Lưu: VT, KT.                                    Trần Phong",
      ].join("\n"),
    );
    expect(d.signer).toEqual({ authority: null, onBehalfOf: null, role: "CHỦ TỊCH", name: "Trần Phong" });
    // a note where the seal is, in brackets, is neither
    const sealed = parse(
      [
        "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ EA KAR                             Độc lập - Tự do - Hạnh phúc",
        "Số: 146/BC-UBND                 Ea Kar, ngày 20 tháng 11 năm 2026",
        "",
        "BÁO CÁO",
        "Kết quả thực hiện nhiệm vụ năm 2026",
        "",
        "1. Tình hình chung.",
        "",
        "Nơi nhận:                                             TM. ỦY BAN NHÂN DÂN",
        "- UBND tỉnh Đắk Lắk (b/c);                                 CHỦ TỊCH",
        "- TT Đảng ủy, TT HĐND xã;                          [DẤU ĐỎ: ỦY BAN NHÂN DÂN XÃ EA KAR]",
        "- Lưu: VT, VP.                                             Y Thuột Niê",
      ].join("\n"),
    );
    expect(sealed.distribution).toEqual(["UBND tỉnh Đắk Lắk (b/c)", "TT Đảng ủy, TT HĐND xã", "Lưu: VT, VP"]);
    expect(d.distribution).toEqual(["Như Điều 3", "TT Tỉnh ủy, TT HĐND tỉnh (b/c)", "Lưu: VT, KT"]);
  });
});

describe("deadlines", () => {
  const ctx = { year: 2025 };
  it.each([
    ["hoàn thành trước ngày 30/6/2025", "2025-06-30", "once"],
    ["chậm nhất đến ngày 01 tháng 7 năm 2028", "2028-07-01", "once"],
    ["tổ chức trong quý III/2025", "2025-09-30", "once"],
    ["trong tháng 5/2026", "2026-05-31", "once"],
    ["hoàn thành trong năm 2026", "2026-12-31", "once"],
    ["báo cáo trước ngày 15/12", "2025-12-15", "once"],
    ["báo cáo kết quả hằng năm", null, "annual"],
    ["tổng hợp hàng năm", null, "annual"],
    ["định kỳ 6 tháng báo cáo", null, "semiannual"],
    ["báo cáo hằng quý", null, "quarterly"],
    ["cập nhật hằng tháng", null, "monthly"],
    ["định kỳ báo cáo Ban Thường vụ", null, "periodic"],
    ["thường xuyên theo dõi, đôn đốc", null, "continuous"],
    ["thường xuyên kiểm tra và định kỳ báo cáo", null, "periodic"],
  ])("%s", (text, date, recurrence) => {
    expect(readDeadline(text, ctx)).toMatchObject({ date, recurrence });
  });
  it("a date that only names another document is no deadline", () => {
    expect(readDeadline("thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị", ctx)).toBeNull();
  });
  it("a table cell is read leniently", () => {
    expect(readDeadline("Quý IV/2025", ctx, true)).toMatchObject({ date: "2025-12-31" });
    expect(readDeadline("Năm 2026", ctx, true)).toMatchObject({ date: "2026-12-31" });
    expect(readDeadline("15/8/2025", ctx, true)).toMatchObject({ date: "2025-08-15" });
    expect(readDeadline("Thường xuyên", ctx, true)).toMatchObject({ date: null, recurrence: "continuous" });
  });
});

describe("bodies in sentences", () => {
  const lead = (s: string) => readBodies(s, 0)?.text ?? null;
  it("stops a name at the verb", () => {
    expect(lead("Sở Tài chính chủ trì, phối hợp với Sở Nội vụ")).toBe("Sở Tài chính");
    expect(lead("Ủy ban nhân dân các xã, phường tổ chức quán triệt")).toBe("Ủy ban nhân dân các xã, phường");
    expect(lead("Sở Giáo dục và Đào tạo hướng dẫn các trường")).toBe("Sở Giáo dục và Đào tạo");
    expect(lead("các cơ quan, đơn vị có liên quan triển khai")).toBe("các cơ quan, đơn vị có liên quan");
    // "công lập" is public, not the verb "lập"
    expect(lead("Các đơn vị sự nghiệp công lập báo cáo số lượng người làm việc")).toBe(
      "Các đơn vị sự nghiệp công lập",
    );
    expect(lead("Hiệp hội Doanh nghiệp tỉnh xây dựng chương trình kết nối")).toBe(
      "Hiệp hội Doanh nghiệp tỉnh",
    );
    expect(lead("Các chủ đầu tư chủ trì hoàn thiện hồ sơ")).toBe("Các chủ đầu tư");
    expect(lead("Ban Nội chính Tỉnh ủy kiểm tra việc thực hiện")).toBe("Ban Nội chính Tỉnh ủy");
    expect(lead("Ủy ban Kiểm tra Tỉnh ủy chủ trì")).toBe("Ủy ban Kiểm tra Tỉnh ủy");
    expect(lead("Ban thường vụ đảng ủy các xã, phường tổ chức hội nghị quán triệt")).toBe(
      "Ban thường vụ đảng ủy các xã, phường",
    );
    expect(lead("các tổ chức hội quần chúng tuyên truyền")).toBe("các tổ chức hội quần chúng");
    expect(lead("các thôn, buôn, bản triển khai")).toBe("các thôn, buôn, bản");
    expect(lead("Ủy ban nhân dân các xã, bản đồ địa chính")).toBe("Ủy ban nhân dân các xã");
  });
  it("does not take common words for bodies", () => {
    expect(lead("báo cáo kết quả về Ban Thường vụ")).toBeNull();
    expect(lead("ban hành kế hoạch")).toBeNull();
    expect(lead("Tăng cường sự lãnh đạo của Đảng")).toBeNull();
  });
  it("splits lists of bodies but keeps groups of kinds together", () => {
    expect(splitBodies("Sở Tài chính, Sở Kế hoạch và Đầu tư, UBND các xã")).toEqual([
      "Sở Tài chính",
      "Sở Kế hoạch và Đầu tư",
      "UBND các xã",
    ]);
    expect(splitBodies("Ban thường vụ các huyện ủy, thị ủy, Đảng ủy trực thuộc Tỉnh ủy")).toEqual([
      "Ban thường vụ các huyện ủy, thị ủy, Đảng ủy trực thuộc Tỉnh ủy",
    ]);
    expect(splitBodies("Đài Phát thanh và Truyền hình tỉnh, Báo Gia Lai")).toEqual([
      "Đài Phát thanh và Truyền hình tỉnh",
      "Báo Gia Lai",
    ]);
  });
});

describe("targets", () => {
  const targetsOf = (line: string) =>
    parse(`KẾ HOẠCH\nphát triển\n\nI. MỤC TIÊU ĐẾN NĂM 2030\n\n${line}\n`).targets.map(
      ({ kind, value, low, high, unit, per, year, baseline }) => ({
        kind,
        value,
        low,
        high,
        unit,
        per,
        year,
        baseline,
      }),
    );
  it.each([
    ["- Tỷ lệ hộ dùng nước sạch đạt từ 95% trở lên.", { kind: "min", value: 95, unit: "%", year: 2030 }],
    ["- Tỷ lệ hộ nghèo đa chiều giảm xuống dưới 1,5%.", { kind: "max", value: 1.5, unit: "%" }],
    ["- Duy trì 12 trung tâm học tập cộng đồng.", { kind: "exact", value: 12, unit: "trung tâm" }],
    ["- Tỷ lệ lao động qua đào tạo đạt 70% - 75%.", { kind: "range", low: 70, high: 75 }],
    ["- Chỉ số PCI thuộc nhóm 15 tỉnh dẫn đầu cả nước.", { kind: "rank", value: 15 }],
    ["- Đạt 14 bác sĩ trên một vạn dân.", { kind: "rate", value: 14, per: 10000 }],
    ["- Thu ngân sách tăng bình quân 12%/năm.", { kind: "growth_per_year", value: 12, unit: "%" }],
    ["- Tỷ lệ đô thị hóa tăng 1,5 điểm phần trăm mỗi năm.", { kind: "increment_per_year", value: 1.5 }],
    [
      "- Số hợp tác xã tăng gấp đôi so với năm 2024 (năm 2024 có 120 hợp tác xã).",
      { kind: "multiple_of_baseline", value: 2, baseline: { value: 120, unit: "hợp tác xã", year: 2024 } },
    ],
    [
      "- Phấn đấu đến năm 2028 có 300 doanh nghiệp khởi nghiệp.",
      { kind: "exact", value: 300, unit: "doanh nghiệp", year: 2028 },
    ],
  ])("%s", (line, expected) => {
    expect(targetsOf(line)).toContainEqual(expect.objectContaining(expected));
  });
  it("figures in a results report are not targets", () => {
    const doc = parse(
      "BÁO CÁO\nkết quả năm 2025\n\nI. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU\n\n- Thu ngân sách đạt 1.250 tỷ đồng, tăng 8% so với cùng kỳ.\n- Đã hỗ trợ 45 hợp tác xã.\n",
    );
    expect(doc.targets).toEqual([]);
  });
});

describe("whole documents", () => {
  const letter = [
    "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "TỈNH QUẢNG NGÃI                          Độc lập - Tự do - Hạnh phúc",
    "Số:      /UBND-VP                  Quảng Ngãi, ngày    tháng 3 năm 2025",
    "V/v rà soát hồ sơ chuyển đổi số",
    "",
    "Kính gửi:",
    "- Sở Khoa học và Công nghệ;",
    "- Ủy ban nhân dân các xã, phường.",
    "",
    "Thực hiện Kế hoạch số 88/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:",
    "",
    "1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ rà soát hồ sơ, báo cáo trước ngày 30/6/2025.",
    "",
    "2. Ủy ban nhân dân các xã, phường thường xuyên cập nhật dữ liệu./.",
    "",
    "Nơi nhận:                                  KT. CHỦ TỊCH",
    "- Như trên;                                 PHÓ CHỦ TỊCH",
    "- Lưu: VT, KGVX.",
    "                                            (Đã ký)",
    "                                            Lê Thị Mai",
  ].join("\n");

  it("reads a State dispatch with a blank number, a blank day and a two-column signature", () => {
    const d = parse(letter);
    expect(d).toMatchObject({
      system: "state",
      type: "cong_van",
      symbol: "/UBND-VP",
      number: null,
      date: "2025-03",
      place: "Quảng Ngãi",
      issuer: { name: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" },
      title: "rà soát hồ sơ chuyển đổi số",
      recipients: ["Sở Khoa học và Công nghệ", "Ủy ban nhân dân các xã, phường"],
      distribution: ["Như trên", "Lưu: VT, KGVX"],
      signer: { authority: "KT.", onBehalfOf: "CHỦ TỊCH", role: "PHÓ CHỦ TỊCH", name: "Lê Thị Mai" },
    });
    expect(d.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["symbol-number-missing", "date-incomplete"]),
    );
    expect(d.references).toEqual([
      expect.objectContaining({ symbol: "88/KH-UBND", date: "2025-01-10", relation: "implements" }),
    ]);
    expect(d.assignments).toEqual([
      expect.objectContaining({
        lead: ["Sở Khoa học và Công nghệ"],
        cooperating: ["Sở Nội vụ"],
        deadline: expect.objectContaining({ date: "2025-06-30", recurrence: "once" }),
      }),
      expect.objectContaining({
        lead: ["Ủy ban nhân dân các xã, phường"],
        deadline: expect.objectContaining({ recurrence: "continuous" }),
      }),
    ]);
    for (const a of d.assignments) expect(d.source.chars).toBeGreaterThanOrEqual(a.span[1]);
    const span = d.assignments[0]?.span as [number, number];
    expect(letter.normalize("NFC").slice(span[0], span[1])).toContain("Sở Nội vụ");
  });

  it("joins a wrapped distribution item printed at the margin, among dash-bulleted items", () => {
    const d = parse(
      letter.replace(
        "- Như trên;                                 PHÓ CHỦ TỊCH\n",
        "- Như trên;                                 PHÓ CHỦ TỊCH\n- Các sở: Tài chính, Xây dựng,\nNông nghiệp và Môi trường;\n",
      ),
    );
    expect(d.distribution).toEqual([
      "Như trên",
      "Các sở: Tài chính, Xây dựng, Nông nghiệp và Môi trường",
      "Lưu: VT, KGVX",
    ]);
  });

  it("takes no task from 'cơ quan chủ trì' as a noun", () => {
    const d = parse(
      letter.replace(
        "2. Ủy ban nhân dân các xã, phường thường xuyên cập nhật dữ liệu./.",
        "2. Nhiệm vụ phải có cơ quan chủ trì, thời hạn và sản phẩm cụ thể./.",
      ),
    );
    expect(d.assignments.map((a) => a.lead)).toEqual([["Sở Khoa học và Công nghệ"]]);
  });

  it("takes no task from the closing 'Trên đây là …', even under a section headed by a body", () => {
    const d = parse(
      letter.replace(
        "2. Ủy ban nhân dân các xã, phường thường xuyên cập nhật dữ liệu./.",
        [
          "2. Đối với Sở Nội vụ",
          "",
          "Tổ chức tập huấn cho cán bộ cấp xã trong quý III/2025.",
          "",
          "Trên đây là ý kiến của Ủy ban nhân dân tỉnh./.",
        ].join("\n"),
      ),
    );
    expect(d.assignments.map((a) => [a.lead, a.task])).toEqual([
      [["Sở Khoa học và Công nghệ"], expect.any(String)],
      [["Sở Nội vụ"], "Tổ chức tập huấn cho cán bộ cấp xã trong quý III/2025."],
    ]);
  });

  it('keeps a name broken across wrapped lines in one paragraph ("… Sở Công" / "Thương phối hợp …")', () => {
    const d = parse(
      [
        "ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH QUẢNG NGÃI                                 Độc lập - Tự do - Hạnh phúc",
        "Số: 12/KH-UBND                           Quảng Ngãi, ngày 10 tháng 3 năm 2025",
        "",
        "KẾ HOẠCH",
        "cung cấp điện cho đặc khu",
        "",
        "1. Ủy ban nhân dân các xã, phường tổ chức rà soát nhu cầu sử dụng điện của hộ gia",
        "đình, cơ sở sản xuất trên địa bàn, tổng hợp báo cáo kết quả trước ngày 30/6/2025.",
        "",
        "2. Giao Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh chỉ đạo Sở Công",
        "Thương phối hợp với Điện lực Quảng Ngãi bảo đảm cung cấp điện ổn định cho đặc khu,",
        "hoàn thành trong quý IV/2025.",
        "",
        "3. Sở Tài chính bố trí kinh phí thực hiện các nội dung của Kế hoạch này theo quy",
        "định hiện hành của pháp luật về ngân sách nhà nước, hoàn thành trong năm 2025.",
        "",
        "Nơi nhận:                                                 TM. ỦY BAN NHÂN DÂN",
        "- Như trên;                                                        CHỦ TỊCH",
        "- Lưu: VT.",
        "                                                              Trần Văn Bình",
      ].join("\n"),
    );
    expect(d.assignments.map((a) => a.lead)).toEqual([
      ["Ủy ban nhân dân các xã, phường"],
      ["Đảng ủy Ủy ban nhân dân tỉnh"],
      ["Sở Tài chính"],
    ]);
    expect(d.assignments[1]?.task).toContain("Sở Công Thương phối hợp với Điện lực Quảng Ngãi");
    expect(d.assignments[1]?.deadline).toMatchObject({ date: "2025-12-31" });
  });

  it("keeps a year wrapped alone under the title's last line, in a document with no signature yet", () => {
    const d = parse(
      [
        "BAN CHẤP HÀNH TRUNG ƯƠNG          ĐẢNG CỘNG SẢN VIỆT NAM",
        "BAN TUYÊN GIÁO VÀ DÂN VẬN",
        "*",
        "Số 12-HD/BTGDVTW                   Hà Nội, ngày 22 tháng 12 năm 2025",
        "",
        "HƯỚNG DẪN",
        "tuyên truyền các ngày lễ lớn, sự kiện lịch sử quan trọng và nhiệm vụ trọng tâm năm",
        "2026",
        "",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Tuyên truyền sâu rộng.",
      ].join("\n"),
    );
    expect(d.title).toBe(
      "tuyên truyền các ngày lễ lớn, sự kiện lịch sử quan trọng và nhiệm vụ trọng tâm năm 2026",
    );
    expect(d.sections.map((s) => s.label)).toEqual(["I"]);
  });

  /** A signed plan up to its appendix's title: the table follows. */
  const PLAN_WITH_APPENDIX = [
    "KẾ HOẠCH",
    "chuyển đổi số năm 2025",
    "",
    "I. MỤC ĐÍCH",
    "Bảo đảm tiến độ.",
    "",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Trần Văn Bình",
    "",
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ",
  ];

  it("keeps an appendix task table out of the sections and reads its rows", () => {
    const doc = parse(
      [
        ...PLAN_WITH_APPENDIX,
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |",
        "|---|---|---|---|---|---|",
        "| 1 | Xây dựng kho dữ liệu dùng chung | Sở Khoa học và Công nghệ | Sở Tài chính; Sở Nội vụ | Quý III/2025 | Kho dữ liệu |",
        "| 2 | Số hóa hồ sơ một cửa | UBND các xã, phường | Văn phòng UBND tỉnh | Thường xuyên | Hồ sơ điện tử |",
      ].join("\n"),
    );
    expect(doc.sections.map((s) => s.label)).toEqual(["I"]);
    expect(doc.appendices).toHaveLength(1);
    expect(doc.appendices[0]?.tables?.[0]).toHaveLength(3);
    expect(doc.assignments).toEqual([
      expect.objectContaining({
        lead: ["Sở Khoa học và Công nghệ"],
        cooperating: ["Sở Tài chính", "Sở Nội vụ"],
        output: "Kho dữ liệu",
        deadline: expect.objectContaining({ date: "2025-09-30" }),
      }),
      expect.objectContaining({
        lead: ["UBND các xã, phường"],
        deadline: expect.objectContaining({ recurrence: "continuous" }),
      }),
    ]);
  });

  it("reads a pipe table whose rows a converter wrapped over several lines", () => {
    const wrapped = [
      ...PLAN_WITH_APPENDIX,
      "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
      "Sản phẩm |",
      "|---|---|---|---|---|---|",
      "| 1 | Xây dựng kho dữ liệu dùng chung của tỉnh | Sở Khoa",
      "học và Công nghệ | Sở Tài chính; Sở Nội vụ | Quý III/2025 | Kho",
      "dữ liệu |",
      "| 2 | Số hóa hồ sơ một cửa của các xã, phường trên địa bàn tỉnh",
      "| UBND các xã, phường | Văn phòng UBND tỉnh | Thường xuyên | Hồ sơ điện tử |",
      "",
      "Ghi chú: các cơ quan báo cáo kết quả hằng quý.",
    ].join("\n");
    const doc = parse(wrapped);
    expect(doc.appendices[0]?.tables?.[0]).toEqual([
      ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"],
      [
        "1",
        "Xây dựng kho dữ liệu dùng chung của tỉnh",
        "Sở Khoa học và Công nghệ",
        "Sở Tài chính; Sở Nội vụ",
        "Quý III/2025",
        "Kho dữ liệu",
      ],
      [
        "2",
        "Số hóa hồ sơ một cửa của các xã, phường trên địa bàn tỉnh",
        "UBND các xã, phường",
        "Văn phòng UBND tỉnh",
        "Thường xuyên",
        "Hồ sơ điện tử",
      ],
    ]);
    expect(doc.assignments.map((a) => [a.lead, a.output])).toEqual([
      [["Sở Khoa học và Công nghệ"], "Kho dữ liệu"],
      [["UBND các xã, phường"], "Hồ sơ điện tử"],
    ]);
    const span = doc.assignments[0]?.span as [number, number];
    expect(wrapped.slice(span[0], span[1])).toContain("học và Công nghệ");
  });
});

describe("targets: periods, numbered items, baselines, units", () => {
  const targetsIn = (body: string) =>
    parse(`KẾ HOẠCH\nphát triển\n\nI. CHỈ TIÊU ĐẾN NĂM 2030\n${body}\n`).targets.map(
      ({ indicator, kind, value, low, high, unit, per, year, baseline }) => ({
        indicator,
        kind,
        value,
        low,
        high,
        unit,
        per,
        year,
        baseline,
      }),
    );
  it("a period is not a range, and the target after it keeps its indicator", () => {
    for (const period of ["giai đoạn 2027 - 2030", "giai đoạn 2026–2030", "thời kỳ 2021-2030"]) {
      const found = targetsIn(`- Số km đường giao thông nông thôn được cứng hóa ${period} đạt 1.200 km.`);
      expect(found).toEqual([
        expect.objectContaining({
          indicator: `Số km đường giao thông nông thôn được cứng hóa ${period}`,
          kind: "min",
          value: 1200,
          unit: "km",
          year: 2030,
        }),
      ]);
    }
  });
  it("a short numbered item of a target section that states a quantity is read for targets", () => {
    const found = targetsIn(
      "1. Tỷ lệ trường học đạt chuẩn quốc gia đạt 85%.\n2. Chỉ tiêu về môi trường\na) Tỷ lệ chất thải rắn được thu gom đạt 97%.\nb) Giai đoạn 2026 - 2030",
    );
    expect(found).toEqual([
      expect.objectContaining({
        indicator: "Tỷ lệ trường học đạt chuẩn quốc gia",
        kind: "min",
        value: 85,
        year: 2030,
      }),
      expect.objectContaining({
        indicator: "Tỷ lệ chất thải rắn được thu gom",
        kind: "min",
        value: 97,
        year: 2030,
      }),
    ]);
  });
  it("a figure after 'từ' and before 'lên' is the baseline, and its year is never the target year", () => {
    expect(
      targetsIn(
        "- Tỷ lệ hộ dùng nước sạch tăng từ 81% năm 2025 lên 96% năm 2030.\n- Tỷ lệ xã có thiết chế văn hóa tăng từ 70% (năm 2024) lên 90%.\n- Số hộ nghèo giảm từ 2.400 hộ năm 2025 xuống 900 hộ.",
      ),
    ).toEqual([
      expect.objectContaining({
        indicator: "Tỷ lệ hộ dùng nước sạch",
        value: 96,
        unit: "%",
        year: 2030,
        baseline: { value: 81, unit: "%", year: 2025 },
      }),
      expect.objectContaining({
        indicator: "Tỷ lệ xã có thiết chế văn hóa",
        value: 90,
        year: 2030,
        baseline: { value: 70, unit: "%", year: 2024 },
      }),
      expect.objectContaining({
        kind: "max",
        value: 900,
        unit: "hộ",
        baseline: { value: 2400, unit: "hộ", year: 2025 },
      }),
    ]);
    expect(targetsIn("- Số hợp tác xã đạt 450 hợp tác xã, gấp 1,5 lần năm 2024.")).toEqual([
      expect.objectContaining({ kind: "min", value: 450, year: 2030 }),
      expect.objectContaining({
        indicator: "Số hợp tác xã",
        kind: "multiple_of_baseline",
        value: 1.5,
        year: 2030,
        baseline: { year: 2024, unit: null },
      }),
    ]);
  });
  it.each([
    ["- Số giường bệnh đạt 38 giường/vạn dân.", { kind: "rate", value: 38, unit: "giường", per: 10000 }],
    ["- Số dược sĩ đạt 3 dược sĩ/vạn dân.", { kind: "rate", value: 3, per: 10000 }],
    [
      "- Số điều dưỡng đạt 2,5 điều dưỡng/1.000 dân.",
      { kind: "rate", value: 2.5, unit: "điều dưỡng", per: 1000 },
    ],
    ["- Tỷ suất chết mẹ giảm xuống dưới 9‰.", { kind: "max", value: 9, unit: "‰" }],
    ["- Tuổi thọ bình quân của người dân đạt 76,2 tuổi.", { kind: "min", value: 76.2, unit: "tuổi" }],
    [
      "- Mỗi năm giải quyết việc làm tăng thêm ít nhất 1.500 lao động.",
      { kind: "increment_per_year", value: 1500 },
    ],
    ["- Hằng năm đào tạo mới ít nhất 80 điều dưỡng.", { kind: "increment_per_year", value: 80 }],
  ])("%s", (line, expected) => {
    expect(targetsIn(line)).toEqual([expect.objectContaining(expected)]);
  });
  it("an age is not a target unless it is a life expectancy", () => {
    expect(
      targetsIn(
        "- Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 7%.\n- 95% người từ 60 tuổi trở lên được khám sức khỏe.",
      ),
    ).toEqual([
      expect.objectContaining({ kind: "max", value: 7, unit: "%" }),
      expect.objectContaining({ kind: "min", value: 95, unit: "%" }),
    ]);
  });
  it("a baseline in parentheses keeps its percent sign", () => {
    expect(
      targetsIn(
        "- Tỷ lệ hộ dùng nước sạch đạt trên 97% (năm 2025 đạt 88,6%).\n- Tỷ lệ lao động có việc làm đạt 70% (năm 2025: 61,2%).\n- Tỷ suất sinh thô dưới 14‰ (năm 2025 là 15,1‰).",
      ).map((t) => t.baseline),
    ).toEqual([
      { value: 88.6, unit: "%", year: 2025 },
      { value: 61.2, unit: "%", year: 2025 },
      { value: 15.1, unit: "‰", year: 2025 },
    ]);
  });
  it("a rate with nothing before it is named by its own words", () => {
    expect(
      targetsIn("- Đạt 30 giường bệnh/vạn dân và 12 bác sĩ trên một vạn dân.").map((t) => t.indicator),
    ).toEqual(["giường bệnh/vạn dân", "bác sĩ trên một vạn dân"]);
  });
  it("'trên 1 ha' is what a value is counted per, not a value", () => {
    expect(
      targetsIn("- Giá trị sản xuất bình quân trên 1 ha đất canh tác đạt từ 150 triệu đồng trở lên."),
    ).toEqual([expect.objectContaining({ kind: "min", value: 150, unit: "triệu đồng" })]);
  });
  it("'trên 95% dân số' is more than 95% of the population, not a count per head", () => {
    expect(targetsIn("- Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số.")).toEqual([
      expect.objectContaining({ kind: "min", value: 95, unit: "%", per: null }),
    ]);
  });
  it("a time is a target as a limit, not as a period or a deadline", () => {
    expect(
      targetsIn(
        "- Thời gian giải quyết thủ tục đăng ký doanh nghiệp không quá 02 ngày làm việc.\n- Trong 05 ngày làm việc, hoàn thành 100% hồ sơ.",
      ),
    ).toEqual([
      expect.objectContaining({ kind: "max", value: 2, unit: "ngày làm việc" }),
      expect.objectContaining({ kind: "min", value: 100, unit: "%" }),
    ]);
  });
  it("a table of indicators gives a target per row, with its unit, year and baseline from the columns", () => {
    const rows = [
      ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Mục tiêu năm 2030"],
      ["1", "Số doanh nghiệp đang hoạt động", "doanh nghiệp", "9.800", "20.000"],
      ["2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "92", "≥ 98"],
      ["3", "Tỷ lệ hộ nghèo", "%", "2,5", "1,0"],
      ["", "Nhóm chỉ tiêu xã hội", "", "", ""],
    ];
    const expected = [
      { indicator: "Số doanh nghiệp đang hoạt động", kind: "min", value: 20000, unit: "doanh nghiệp" },
      { indicator: "Tỷ lệ hồ sơ giải quyết đúng hạn", kind: "min", value: 98, unit: "%" },
      // set below the value reached: a ceiling
      { indicator: "Tỷ lệ hộ nghèo", kind: "max", value: 1, unit: "%" },
    ];
    const baselines = [9800, 92, 2.5];
    const asPipes = rows.map((r) => `| ${r.join(" | ")} |`).join("\n");
    const asTabs = rows.map((r) => r.join("\t")).join("\n");
    for (const table of [asPipes, asTabs]) {
      const found = targetsIn(`1. Một số chỉ tiêu chủ yếu\n${table}\n`);
      expect(found).toEqual(
        expected.map((e, i) =>
          expect.objectContaining({
            ...e,
            year: 2030,
            baseline: expect.objectContaining({ value: baselines[i], year: 2025 }),
          }),
        ),
      );
    }
  });
  it("a table's cells say their own bound, rank and period; only its header row makes it a table of results", () => {
    const found = targetsIn(
      [
        "| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Mục tiêu giai đoạn 2026 - 2030 |",
        "| 1 | Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) | hạng | 25 | Top 10 |",
        "| 2 | Tỷ lệ hồ sơ trực tuyến toàn trình | % | 96 | ≥ 95 |",
        "| 3 | Đánh giá, xếp loại chính quyền số | % | 60 | 80 |",
        "|   | trong đó: cấp xã | % | 50 | 75 |",
      ].join("\n"),
    );
    expect(found.map((t) => [t.kind, t.value, t.year])).toEqual([
      ["rank", 10, 2030],
      ["min", 95, 2030],
      ["min", 80, 2030],
      // a row of its own with no number: every cell filled
      ["min", 75, 2030],
    ]);
    // of one year, the value reached is the baseline, not the one planned
    expect(
      targetsIn(
        "| Chỉ tiêu | Kế hoạch năm 2025 | Thực hiện năm 2025 | Kế hoạch năm 2027 |\n| Tỷ lệ tiêm chủng đầy đủ (%) | 95 | 93,5 | 97 |",
      ).map((t) => t.baseline?.value),
    ).toEqual([93.5]);
  });
  it("a table of results, with its plan column, sets no target", () => {
    expect(
      targetsIn(
        "| Chỉ tiêu | Kế hoạch năm 2026 | Thực hiện năm 2026 | So sánh |\n| Số doanh nghiệp | 9.000 | 9.800 | 108% |\n",
      ),
    ).toEqual([]);
  });
  it("'tăng ít nhất 2,5 lần so với năm 2020' is a multiple of the baseline", () => {
    expect(
      targetsIn("- Thu nhập bình quân của cư dân nông thôn tăng ít nhất 2,5 lần so với năm 2020."),
    ).toEqual([
      expect.objectContaining({
        kind: "multiple_of_baseline",
        value: 2.5,
        baseline: expect.objectContaining({ year: 2020 }),
      }),
    ]);
  });
  it("an amount of money a year is the unit's; what is added each year is an increment", () => {
    expect(
      targetsIn(
        "- Thu nhập bình quân đầu người đạt 85 - 90 triệu đồng/năm.\n- Vốn đầu tư tăng bình quân 500 tỷ đồng/năm.",
      ),
    ).toEqual([
      expect.objectContaining({ kind: "range", low: 85, high: 90, unit: "triệu đồng/năm" }),
      expect.objectContaining({ kind: "increment_per_year", value: 500, unit: "tỷ đồng" }),
    ]);
  });
  it("an indicator that would be only the verb is named by what is counted after the value", () => {
    expect(
      targetsIn(
        "- Có từ 60 doanh nghiệp trở lên đang hoạt động trên địa bàn xã.\n- Hình thành 3 trung tâm đổi mới sáng tạo cấp tỉnh.\n- Bình quân có 3 hợp tác xã nông nghiệp kiểu mới trên một vạn dân.",
      ).map((t) => [t.indicator, t.kind, t.per]),
    ).toEqual([
      ["doanh nghiệp đang hoạt động trên địa bàn xã", "min", null],
      ["trung tâm đổi mới sáng tạo cấp tỉnh", "exact", null],
      ["hợp tác xã nông nghiệp kiểu mới trên một vạn dân", "rate", 10000],
    ]);
  });
  it("'thực hiện đạt 100%' is what is striven for, not where things stand", () => {
    expect(targetsIn("- Phấn đấu tỷ lệ giải ngân vốn đầu tư công thực hiện đạt 100% kế hoạch.")).toEqual([
      expect.objectContaining({ kind: "min", value: 100, unit: "%" }),
    ]);
  });
  it("what is measured when found ('Tỷ lệ phát hiện đạt') and a time limit on a task are read as they are", () => {
    expect(
      targetsIn(
        "- Tỷ lệ phát hiện đạt trên 80% số ca bệnh lao ước tính.\n- Trong thời hạn không quá 15 ngày kể từ ngày nhận hồ sơ, Sở Tư pháp thẩm định.\n- Thu nhập bình quân của người lao động tăng lên đạt 120 triệu đồng/năm.",
      ).map((t) => [t.kind, t.value, t.unit]),
    ).toEqual([
      ["min", 80, "%"],
      ["min", 120, "triệu đồng/năm"],
    ]);
  });
  it("a footnote's mark (<sup>3</sup>) is no figure", () => {
    expect(
      targetsIn("- Số doanh nghiệp thành lập mới<sup>3</sup> đạt 2.000 doanh nghiệp.").map((t) => [
        t.kind,
        t.value,
      ]),
    ).toEqual([["min", 2000]]);
  });
  it("where things stand in a year before the document's is no target", () => {
    const d = parse(
      "ĐẢNG BỘ TỈNH TUYÊN QUANG\nĐẢNG ỦY XÃ HÀM YÊN              ĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-CTr/ĐU                  Hàm Yên, ngày 05 tháng 12 năm 2025\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nphát triển lâm nghiệp\n\nI. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển kinh tế lâm nghiệp bền vững. Năm 2024, tỷ lệ che phủ rừng của xã đạt 63,2%, giá trị sản xuất lâm nghiệp đạt 412 tỷ đồng.\n2. Mục tiêu cụ thể đến năm 2030\n- Tỷ lệ che phủ rừng duy trì ổn định từ 65% trở lên.\n",
    );
    expect(d.targets.map((t) => [t.value, t.year])).toEqual([[65, 2030]]);
    expect(d.warnings.map((w) => w.code)).not.toContain("past-target-year");
  });
  it("a lettered item's own years are not its heading's: 'so với năm 2025' is a baseline", () => {
    expect(
      targetsIn(
        "a) Giảm tỷ lệ hộ nghèo đa chiều xuống dưới 3%.\nb) Phấn đấu 100% hộ nghèo có nhu cầu được vay vốn tín dụng chính sách; thu nhập bình quân của hộ nghèo tăng gấp 2 lần so với năm 2025.",
      ).map((t) => [t.kind, t.value, t.year]),
    ).toEqual([
      ["max", 3, 2030],
      ["min", 100, 2030],
      ["multiple_of_baseline", 2, 2030],
    ]);
  });
  it("the year after 'từ X' is the target's when no 'lên' follows", () => {
    expect(targetsIn("- Tỷ lệ xã đạt chuẩn văn hóa đạt từ 90% năm 2028 trở lên.")).toEqual([
      expect.objectContaining({ kind: "min", value: 90, year: 2028, baseline: null }),
    ]);
  });
});
