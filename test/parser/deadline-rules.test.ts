// Deadlines as urgent letters and recurring reports state them: an hour before the day, "đến hết
// năm", a day without its year (the next one after the document), and a recurring day that is no
// single date.
import { describe, expect, it } from "vitest";
import { readDeadline } from "../../src/parser/deadlines.ts";

const ctx = { year: 2026, date: "2026-12-01" };

describe("deadlines", () => {
  it.each([
    ["gửi báo cáo trước 17 giờ 00 ngày 10/12/2026", "2026-12-10", "once"],
    ["gửi báo cáo trước 10h30, ngày 15/12/2026", "2026-12-15", "once"],
    ["hoàn thành từ nay đến hết năm 2027", "2027-12-31", "once"],
    ["báo cáo trước ngày 20/12", "2026-12-20", "once"],
    ["báo cáo trước ngày 15/01", "2027-01-15", "once"],
    ["báo cáo trước ngày 15/01 hằng năm", null, "annual"],
    ["báo cáo định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12)", null, "semiannual"],
    ["báo cáo trước ngày 15/12/2026 và định kỳ hằng quý", "2026-12-15", "quarterly"],
  ])("%s", (text, date, recurrence) => {
    expect(readDeadline(text, ctx)).toMatchObject({ date, recurrence });
  });

  it("without the document's date a day without a year is in the document's year", () => {
    expect(readDeadline("báo cáo trước ngày 15/01", { year: 2026 })).toMatchObject({ date: "2026-01-15" });
  });
});
