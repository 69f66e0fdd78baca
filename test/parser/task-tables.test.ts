// Task tables: which column holds the lead body, whatever the order of the columns.
import { describe, expect, it } from "vitest";
import { taskColumns } from "../../src/parser/tables.ts";

describe("task table columns", () => {
  it("a time column named 'Thời gian thực hiện' before the lead column is the deadline, not the lead", () => {
    const cols = taskColumns([
      "TT",
      "Nội dung công việc",
      "Thời gian thực hiện",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
    ]);
    expect(cols).toMatchObject({ task: 1, deadline: 2, lead: 3, cooperating: 4, number: 0 });
  });

  it("without 'chủ trì', the column of the bodies that carry it out leads", () => {
    expect(
      taskColumns(["STT", "Nội dung thực hiện", "Thời gian thực hiện", "Đơn vị thực hiện", "Sản phẩm"]),
    ).toMatchObject({
      task: 1,
      deadline: 2,
      lead: 3,
      output: 4,
    });
    expect(taskColumns(["STT", "Nhiệm vụ", "Trách nhiệm thực hiện", "Phối hợp", "Tiến độ"])).toMatchObject({
      task: 1,
      lead: 2,
      cooperating: 3,
      deadline: 4,
    });
  });

  it("a header with no lead column is not a task table", () => {
    expect(taskColumns(["STT", "Nội dung", "Thời gian thực hiện", "Ghi chú"])).toBeNull();
  });
});
