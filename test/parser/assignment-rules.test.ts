// Who is assigned what, in the layouts and names real directives use: lettered items under a lead,
// names with commas and regions in them, reported facts and closing formulas that assign nothing.
import { describe, expect, it } from "vitest";
import { readBodies, splitBodies } from "../../src/parser/bodies.ts";
import { parseDocument } from "../../src/parser/parse.ts";

const source = { name: "t.txt", format: "txt" as const, sha256: "0".repeat(64) };
const parse = (text: string) => parseDocument(text, source);
const header =
  "ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÀO CAI                   Độc lập - Tự do - Hạnh phúc\nSố: 412/UBND-VX                Lào Cai, ngày 01 tháng 12 năm 2026\nV/v triển khai chương trình tiêm chủng\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\n";
const names = (text: string) => {
  const b = readBodies(text, 0);
  return b ? splitBodies(b.text) : null;
};
const brief = (text: string) =>
  parse(text).assignments.map((a) => ({
    lead: a.lead,
    cooperating: a.cooperating,
    due: a.deadline?.date ?? null,
  }));

describe("assignments: lettered items under a lead", () => {
  it("each lettered item is a task of the body (and co-operating bodies) its introduction names", () => {
    const tasks = brief(
      `${header}1. Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh Lào Cai:\na) Rà soát danh sách trẻ em chưa được tiêm đủ mũi, gửi Ủy ban nhân dân tỉnh trước ngày 15/12/2026.\nb) Tổ chức tiêm bù cho trẻ em tại các trạm y tế, hoàn thành trước ngày 31/3/2027.\n`,
    );
    expect(tasks).toEqual([
      { lead: ["Sở Y tế"], cooperating: ["Bảo hiểm xã hội tỉnh Lào Cai"], due: "2026-12-15" },
      { lead: ["Sở Y tế"], cooperating: ["Bảo hiểm xã hội tỉnh Lào Cai"], due: "2027-03-31" },
    ]);
  });

  it("under a heading that only names the body, or gives it the tasks, the items are its tasks", () => {
    for (const intro of [
      "1. Sở Giáo dục và Đào tạo:",
      "1. Giao Sở Giáo dục và Đào tạo thực hiện các nhiệm vụ sau:",
    ]) {
      const tasks = brief(
        `${header}${intro}\na) Hướng dẫn các trường học kiểm tra sổ tiêm chủng của học sinh lớp 1, hoàn thành trước ngày 30/01/2027.\nb) Phối hợp với ngành y tế tổ chức tiêm bù tại trường học trong quý I/2027.\n`,
      );
      expect(tasks.map((t) => [t.lead, t.due])).toEqual([
        [["Sở Giáo dục và Đào tạo"], "2027-01-30"],
        [["Sở Giáo dục và Đào tạo"], "2027-03-31"],
      ]);
    }
  });
});

describe("assignments: what assigns nothing", () => {
  it("what a body has done, or is acknowledged for, is reported, not assigned", () => {
    const tasks = brief(
      `${header}1. Sở Y tế đã tổ chức 12 lớp tập huấn cho cán bộ y tế cơ sở.\n2. Công an tỉnh chưa hoàn thành việc cập nhật dữ liệu dân cư.\n3. Sở Tài chính bố trí kinh phí tiêm chủng năm 2027 trước ngày 31/01/2027.\n`,
    );
    expect(tasks).toEqual([{ lead: ["Sở Tài chính"], cooperating: [], due: "2027-01-31" }]);
  });

  it("a section on results is not read for tasks", () => {
    const tasks = brief(
      `${header}I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Sở Giáo dục và Đào tạo phối hợp với Tỉnh đoàn triển khai mô hình tại 86 trường, hoàn thành trước ngày 30/9/2026.\n\nII. NHIỆM VỤ NĂM 2027\n1. Sở Y tế mở rộng mô hình, hoàn thành trong quý II/2027.\n`,
    );
    expect(tasks).toEqual([{ lead: ["Sở Y tế"], cooperating: [], due: "2027-06-30" }]);
  });

  it("closing formulas are not tasks", () => {
    const tasks = brief(
      `${header}1. Sở Y tế chủ trì triển khai chương trình.\n\nKế hoạch này được phổ biến đến các cơ quan, đơn vị.\nVăn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện.\n`,
    );
    expect(tasks.map((t) => t.lead)).toEqual([["Sở Y tế"]]);
  });

  it("the closing call to carry the document out is no task of its own", () => {
    const tasks = brief(
      `${header}1. Sở Y tế chủ trì triển khai chương trình tiêm chủng, hoàn thành trước ngày 31/3/2027.\n\nYêu cầu Sở Y tế và các cơ quan, đơn vị liên quan khẩn trương triển khai thực hiện./.\nChương trình hành động này được phổ biến đến chi bộ.\n`,
    );
    expect(tasks).toEqual([{ lead: ["Sở Y tế"], cooperating: [], due: "2027-03-31" }]);
    for (const closing of [
      "Nhận được công văn này, đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.",
      "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị khẩn trương triển khai./.",
      "Yêu cầu Giám đốc các sở, Thủ trưởng các cơ quan, đơn vị và Chủ tịch Ủy ban nhân dân các xã, phường nghiêm túc thực hiện Chỉ thị này./.",
    ])
      expect(
        brief(`${header}1. Sở Y tế chủ trì triển khai chương trình tiêm chủng.\n\n${closing}\n`),
      ).toEqual([{ lead: ["Sở Y tế"], cooperating: [], due: null }]);
  });

  it("a task that only mentions a request or ends with 'khẩn trương thực hiện' is still a task", () => {
    for (const [text, lead] of [
      ["Sở Y tế chủ trì triển khai theo yêu cầu của Bộ Y tế và nghiêm túc thực hiện.", "Sở Y tế"],
      ["UBND các xã rà soát hồ sơ theo đề nghị của Sở Tư pháp và khẩn trương thực hiện.", "UBND các xã"],
      ["Sở Tài chính đề nghị Bộ Tài chính bổ sung vốn và khẩn trương triển khai.", "Bộ Tài chính"],
    ])
      expect(
        brief(`${header}1. Sở Nội vụ chủ trì rà soát biên chế.\n2. ${text}\n`).map((t) => t.lead),
      ).toEqual([["Sở Nội vụ"], [lead]]);
    // the closing "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc …" is none
    expect(
      brief(
        `${header}1. Sở Y tế chủ trì triển khai chương trình.\nTrong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Sở Y tế để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n`,
      ).map((t) => t.lead),
    ).toEqual([["Sở Y tế"]]);
  });

  it("a duty verb that ends the sentence still ends the body's name", () => {
    expect(brief(`${header}1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì.\n`)).toEqual([
      { lead: ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], cooperating: [], due: null },
    ]);
  });
});

describe("assignments: who is given the task", () => {
  it("under a section addressed to a body, what it is to direct ('Chỉ đạo …') is its own task", () => {
    expect(
      brief(
        `${header}1. Sở Y tế:\n- Tổ chức tiêm chủng tại các trạm y tế xã.\n2. Sở Văn hóa, Thể thao và Du lịch:\n- Chỉ đạo các cơ quan báo chí, hệ thống thông tin cơ sở tuyên truyền các biện pháp phòng bệnh.\n`,
      ),
    ).toEqual([
      { lead: ["Sở Y tế"], cooperating: [], due: null },
      { lead: ["Sở Văn hóa, Thể thao và Du lịch"], cooperating: [], due: null },
    ]);
    // a clause that gives a task to a body of its own, after ";", is a task of its own
    expect(
      brief(
        `${header}1. Sở Y tế:\n- Xây dựng kế hoạch tiêm chủng, hoàn thành trước ngày 31/3/2027; chỉ đạo Trung tâm Y tế tỉnh chủ trì, phối hợp với các trạm y tế xã tổ chức tiêm, hoàn thành trong quý II/2027; chỉ đạo các cơ sở y tế tuyên truyền.\n`,
      ),
    ).toEqual([
      { lead: ["Sở Y tế"], cooperating: [], due: "2027-03-31" },
      { lead: ["Trung tâm Y tế tỉnh"], cooperating: ["các trạm y tế xã"], due: "2027-06-30" },
    ]);
    // with no body over it, the body directed carries it out
    expect(
      brief(`${header}Chỉ đạo các cơ quan báo chí tuyên truyền các biện pháp phòng bệnh.\n`).map(
        (t) => t.lead,
      ),
    ).toEqual([["các cơ quan báo chí"]]);
  });

  it("a numbered item that opens with a phrase before its body ('Theo chỉ đạo của …, Sở Y tế …') is its task", () => {
    for (const [text, lead] of [
      [
        "Theo chỉ đạo của Bộ Y tế, Sở Y tế chủ trì tổ chức tiêm bù, hoàn thành trước ngày 31/3/2027.",
        "Sở Y tế",
      ],
      ["Nhận được Kế hoạch, Sở Tư pháp tổ chức rà soát văn bản.", "Sở Tư pháp"],
      ["Để bảo đảm tiến độ, Sở Tài chính bố trí kinh phí.", "Sở Tài chính"],
    ])
      expect(
        brief(`${header}1. Sở Nội vụ chủ trì rà soát biên chế.\n2. ${text}\n`).map((t) => t.lead),
      ).toEqual([["Sở Nội vụ"], [lead]]);
  });

  it("the body after 'giao' leads, not the body that gives it", () => {
    const tasks = brief(
      `${header}1. Ban Thường vụ Tỉnh ủy giao Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện, báo cáo trước ngày 15/12/2026.\n`,
    );
    expect(tasks).toEqual([{ lead: ["Văn phòng Tỉnh ủy"], cooperating: [], due: "2026-12-15" }]);
  });

  it("who chaired the meeting a notice reports on is given nothing", () => {
    const d = parse(
      `${header}Ngày 28/11/2026, đồng chí Trần Văn Phong, Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp về tiêm chủng mở rộng. Sau khi nghe báo cáo, Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:\n\n1. Giao Sở Y tế rà soát số trẻ em chưa tiêm đủ mũi, báo cáo trước ngày 10/12/2026.\n`,
    );
    expect(d.assignments.map((a) => a.lead)).toEqual([["Sở Y tế"]]);
  });

  it("a commune's civil servant is a body; a contest named 'Hội thi …' is not", () => {
    expect(names("Công chức Văn hóa - Xã hội tham mưu tổ chức hội thi")).toEqual([
      "Công chức Văn hóa - Xã hội",
    ]);
    expect(names("Hội thi văn nghệ quần chúng tổ chức ngày 30/01/2027")).toBeNull();
    expect(names("Hội Nông dân tỉnh tuyên truyền")).toEqual(["Hội Nông dân tỉnh"]);
  });
});

describe("names of bodies", () => {
  it("a comma inside a department's name does not end it", () => {
    expect(names("Phòng Kinh tế, Hạ tầng và Đô thị chủ trì")).toEqual(["Phòng Kinh tế, Hạ tầng và Đô thị"]);
    expect(names("Sở Văn hóa, Thể thao và Du lịch chủ trì")).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
  });

  it("a regional office keeps its region", () => {
    expect(names("Kho bạc Nhà nước khu vực XVI chủ trì")).toEqual(["Kho bạc Nhà nước khu vực XVI"]);
    expect(names("Chi cục Thuế khu vực 3 thực hiện")).toEqual(["Chi cục Thuế khu vực 3"]);
  });

  it("the communes of a plural level are one group", () => {
    expect(names("Ủy ban nhân dân các xã Tân Phú, Định Quán, La Ngà rà soát")).toEqual([
      "Ủy ban nhân dân các xã Tân Phú, Định Quán, La Ngà",
    ]);
  });

  it("bodies listed by commas are split, a body of a level included", () => {
    expect(names("Sở Công Thương, Công an tỉnh, Hội Liên hiệp Phụ nữ tỉnh tuyên truyền")).toEqual([
      "Sở Công Thương",
      "Công an tỉnh",
      "Hội Liên hiệp Phụ nữ tỉnh",
    ]);
    expect(names("các huyện ủy, thị ủy, thành ủy, Đảng ủy trực thuộc Tỉnh ủy quán triệt")).toEqual([
      "các huyện ủy, thị ủy, thành ủy, Đảng ủy trực thuộc Tỉnh ủy",
    ]);
  });

  it("bodies named after 2025 and schools are bodies; the same words as common nouns are not", () => {
    expect(names("Bảo hiểm xã hội tỉnh Lào Cai thực hiện")).toEqual(["Bảo hiểm xã hội tỉnh Lào Cai"]);
    expect(names("Thuế tỉnh Lào Cai thực hiện")).toEqual(["Thuế tỉnh Lào Cai"]);
    expect(names("Chi nhánh Ngân hàng Chính sách xã hội tỉnh thực hiện")).toEqual([
      "Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
    ]);
    expect(names("Các trường trung học phổ thông thực hiện")).toEqual(["Các trường trung học phổ thông"]);
    expect(names("Đội ngũ cán bộ có bước phát triển")).toBeNull();
    expect(names("Thống kê, báo cáo số liệu hằng tháng")).toBeNull();
  });
});
