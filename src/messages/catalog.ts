// Every text a user reads comes from this catalogue: Vietnamese first, English second.
// Placeholders are written {name} and filled by `message()`.
export const catalog = {
  // Reading files (src/readers, CLI)
  "file-missing": { vi: "Không tìm thấy tệp {name}", en: "File not found: {name}" },
  "file-empty": { vi: "Tệp {name} rỗng, không có nội dung", en: "File {name} is empty" },
  "file-unreadable": { vi: "Không đọc được tệp {name}", en: "Cannot read file {name}" },
  "file-encrypted": {
    vi: "Tệp {name} được bảo vệ bằng mật khẩu, không thể đọc",
    en: "File {name} is password-protected and cannot be read",
  },
  "file-corrupt": {
    vi: "Tệp {name} bị hỏng hoặc không đúng định dạng {format}",
    en: "File {name} is damaged or not a valid {format} file",
  },
  "format-unknown": {
    vi: "Định dạng tệp {name} không được hỗ trợ (chỉ nhận .txt, .md, .docx, .pdf, .png, .jpg)",
    en: "Unsupported file format for {name} (accepted: .txt, .md, .docx, .pdf, .png, .jpg)",
  },
  "no-text": {
    vi: "Tệp {name} không chứa chữ đọc được",
    en: "File {name} contains no readable text",
  },
  "file-too-large": {
    vi: "Tệp {name} quá lớn hoặc quá phức tạp để đọc ({detail})",
    en: "File {name} is too large or too complex to read ({detail})",
  },
  // CLI
  "cli-usage": {
    vi: "Cách dùng: trienkhai LỆNH [tùy chọn] (trienkhai --help liệt kê các lệnh)",
    en: "Usage: trienkhai COMMAND [options] (trienkhai --help lists the commands)",
  },
  "cli-parse-usage": {
    vi: "Cách dùng: trienkhai parse [--json | --pretty] TỆP (hoặc - để đọc từ đầu vào chuẩn)",
    en: "Usage: trienkhai parse [--json | --pretty] FILE (or - for standard input)",
  },
  "cli-unknown-command": { vi: "Lệnh không hợp lệ: {command}", en: "Unknown command: {command}" },
  "cli-unknown-option": { vi: "Tùy chọn không hợp lệ: {option}", en: "Unknown option: {option}" },
  "cli-internal-error": {
    vi: "Lỗi không mong muốn khi xử lý {name}: {detail}",
    en: "Unexpected error while processing {name}: {detail}",
  },
  "ocr-progress": {
    vi: "Nhận dạng chữ (OCR) trang {page}/{pages}",
    en: "Recognising text (OCR) page {page}/{pages}",
  },
  "cli-help": {
    vi: [
      "trienkhai — theo dõi triển khai văn bản chỉ đạo",
      "",
      "Cách dùng: trienkhai LỆNH [tùy chọn]",
      "",
      "Lệnh:",
      "  start [--no-serve]                 cập nhật cơ sở dữ liệu, nạp dữ liệu mẫu nếu còn trống, in tổng quan, chạy máy chủ",
      "  serve                              chạy máy chủ (API và giao diện web, cổng PORT, mặc định 3000)",
      "  parse [--json | --pretty] TỆP      đọc và bóc tách một văn bản (.txt, .md, .docx, .pdf, .png, .jpg; - là đầu vào chuẩn)",
      "  import TỆP [--publish] [--json]    nhập một văn bản vào cơ sở dữ liệu (bản nháp; --publish: ban hành luôn)",
      "  show SỐ_KÝ_HIỆU [--json]           xem một văn bản đã nhập cùng nhiệm vụ và chỉ tiêu",
      "  tree [SỐ_KÝ_HIỆU] [--json]         cây văn bản triển khai",
      "  transfers [--json]                 phân công chưa xong của cơ quan đã giải thể, chờ chuyển cho cơ quan kế nhiệm",
      "  transfers apply --to MÃ SỐ...      chuyển các phân công đó sang cơ quan kế nhiệm có mã MÃ",
      "  report VĂN_BẢN --period KỲ --out TỆP [--format docx|xlsx|csv] [--table BẢNG] [--organisation MÃ] [--final]",
      "                                     báo cáo sơ kết (--final: tổng kết) của một văn bản trong kỳ (2025, 2025-H1, 2025-Q3),",
      "                                     hoặc các bảng của nó (XLSX; CSV một bảng: tasks, indicators, indicator-values,",
      "                                     completeness, dissemination, concretization, organisations, remarks)",
      "  demo                               tạo dữ liệu mẫu (nếu chưa có) và in tài khoản mẫu",
      "  db migrate                         cập nhật cấu trúc cơ sở dữ liệu",
      "  backup --out TỆP                   sao lưu toàn bộ dữ liệu vào TỆP (PGlite hay PostgreSQL, cùng một định dạng)",
      "  restore TỆP [--force]              khôi phục bản sao lưu vào cơ sở dữ liệu trống (--force: xóa dữ liệu hiện có)",
      "",
      "Tùy chọn chung:",
      "  --help       hiện hướng dẫn này",
      "  --version    hiện phiên bản",
      "",
      "Xem thêm: trienkhai parse --help",
    ].join("\n"),
    en: [
      "trienkhai — tracks the implementation of directives",
      "",
      "Usage: trienkhai COMMAND [options]",
      "",
      "Commands:",
      "  start [--no-serve]                 migrate the database, load the demo if it is empty, print an overview, serve",
      "  serve                              run the server (API and web UI on PORT, default 3000)",
      "  parse [--json | --pretty] FILE     read and extract one document (.txt, .md, .docx, .pdf, .png, .jpg; - is standard input)",
      "  import FILE [--publish] [--json]   import one document into the database (a draft; --publish: publish it too)",
      "  show SYMBOL [--json]               one imported document with its tasks and targets",
      "  tree [SYMBOL] [--json]             the cascade of documents",
      "  transfers [--json]                 open assignments of dissolved bodies, offered to their successors",
      "  transfers apply --to CODE ID...    move those assignments to the successor with code CODE",
      "  report DOCUMENT --period PERIOD --out FILE [--format docx|xlsx|csv] [--table TABLE] [--organisation CODE] [--final]",
      "                                     the interim (--final: final) review report of a document over a period (2025, 2025-H1,",
      "                                     2025-Q3), or its tables (XLSX; CSV one table: tasks, indicators, indicator-values,",
      "                                     completeness, dissemination, concretization, organisations, remarks)",
      "  demo                               create the demo data (unless present) and list the demo accounts",
      "  db migrate                         apply the database migrations",
      "  backup --out FILE                  back up all the data to FILE (PGlite or PostgreSQL, one format)",
      "  restore FILE [--force]             restore a backup into an empty database (--force: erase what is there)",
      "",
      "Global options:",
      "  --help       show this help",
      "  --version    show the version",
      "",
      "See also: trienkhai parse --help",
    ].join("\n"),
  },
  "cli-parse-help": {
    vi: [
      "Cách dùng: trienkhai parse [--json | --pretty] TỆP",
      "",
      "Đọc một văn bản và in kết quả bóc tách theo lược đồ parsed-document/1.",
      "TỆP là .txt, .md, .docx, .pdf (có lớp chữ hoặc bản scan) hoặc ảnh .png, .jpg; - đọc từ đầu vào chuẩn.",
      "Bản scan và ảnh được nhận dạng chữ (OCR) tiếng Việt; tiến độ in ra luồng lỗi chuẩn.",
      "",
      "  --json       in đối tượng JSON (mặc định)",
      "  --pretty     in bản tóm tắt dễ đọc bằng tiếng Việt",
      "",
      "Mã thoát: 0 thành công, 2 tệp hoặc cách dùng không hợp lệ, 1 lỗi nội bộ.",
    ].join("\n"),
    en: [
      "Usage: trienkhai parse [--json | --pretty] FILE",
      "",
      "Reads one document and prints what was extracted, as parsed-document/1.",
      "FILE is .txt, .md, .docx, .pdf (with a text layer or scanned) or a .png, .jpg image; - reads standard input.",
      "Scans and images go through Vietnamese OCR; progress is printed on standard error.",
      "",
      "  --json       print the JSON object (default)",
      "  --pretty     print a readable summary in Vietnamese",
      "",
      "Exit status: 0 success, 2 bad file or usage, 1 internal error.",
    ].join("\n"),
  },
  "cli-import-usage": {
    vi: "Cách dùng: trienkhai import TỆP [--publish] [--json]",
    en: "Usage: trienkhai import FILE [--publish] [--json]",
  },
  "cli-transfers-usage": {
    vi: "Cách dùng: trienkhai transfers [--json] hoặc trienkhai transfers apply --to MÃ_CƠ_QUAN SỐ_PHÂN_CÔNG...",
    en: "Usage: trienkhai transfers [--json] or trienkhai transfers apply --to ORGANISATION_CODE ASSIGNMENT_ID...",
  },
  "cli-see-document": { vi: "xem: trienkhai show {id}", en: "see: trienkhai show {id}" },
  // trienkhai import
  "import-done": {
    vi: "Đã nhập văn bản {symbol} (mã {id}): {status}",
    en: "Imported {symbol} (id {id}): {status}",
  },
  "import-reference-loaded": {
    vi: "Cơ sở dữ liệu chưa có danh mục cơ quan: đã nạp {count} cơ quan tham chiếu",
    en: "The database had no organisations: loaded {count} reference organisations",
  },
  "import-counts": {
    vi: "{sections} mục · {tasks} nhiệm vụ · {assignments} phân công · {indicators} chỉ tiêu",
    en: "{sections} sections · {tasks} tasks · {assignments} assignments · {indicators} targets",
  },
  "import-unresolved": {
    vi: "Cần rà soát — chưa xác định được cơ quan ({count}), giữ nguyên cụm từ:",
    en: "For review — no organisation matched ({count}), kept as written:",
  },
  "import-groups": {
    vi: "Nhóm cơ quan chờ bổ sung thành viên ({count}):",
    en: "Organisation groups waiting for their members ({count}):",
  },
  "import-links": { vi: "Văn bản viện dẫn:", en: "Referenced documents:" },
  "import-link-found": { vi: "đã có, mã {id}", en: "present, id {id}" },
  "import-link-missing": { vi: "chưa nhập", en: "not imported yet" },
  "import-relinked": {
    vi: "{count} liên kết từ văn bản đã nhập trước đây được nối vào văn bản này",
    en: "{count} links from documents imported earlier now point at this one",
  },
  "import-suggestions": {
    vi: "{count} gợi ý nhiệm vụ cấp trên chờ rà soát",
    en: "{count} suggested parent tasks await review",
  },
  "status-imported": { vi: "bản nháp, chờ rà soát", en: "draft, awaiting review" },
  "status-reviewed": { vi: "đã rà soát", en: "reviewed" },
  "status-published": { vi: "đã ban hành", en: "published" },
  "status-rejected": { vi: "đã loại", en: "rejected" },
  "role-lead": { vi: "chủ trì", en: "lead" },
  "role-cooperating": { vi: "phối hợp", en: "cooperating" },
  "deadline-on": { vi: "hạn {date}", en: "due {date}" },
  "no-symbol": { vi: "(không số)", en: "(no symbol)" },
  "show-usage": {
    vi: "Cách dùng: trienkhai show SỐ_KÝ_HIỆU|MÃ_SỐ [--json]",
    en: "Usage: trienkhai show SYMBOL|ID [--json]",
  },
  "show-heading": {
    vi: "{symbol} — {issuer}, {date} [{status}]",
    en: "{symbol} — {issuer}, {date} [{status}]",
  },
  "show-unresolved": { vi: "{phrase} [chưa xác định cơ quan]", en: "{phrase} [body not resolved]" },
  "show-indicator": {
    vi: "{name}: {kind} {value}{unit} (năm {year})",
    en: "{name}: {kind} {value}{unit} (year {year})",
  },
  "tree-not-imported": { vi: "[chưa nhập]", en: "[not imported]" },
  "tree-empty": {
    vi: "Chưa có văn bản nào: nhập bằng trienkhai import TỆP",
    en: "No documents yet: import one with trienkhai import FILE",
  },
  "show-transferred": {
    vi: "đã chuyển cho cơ quan kế nhiệm → #{to}",
    en: "transferred to the successor → #{to}",
  },
  // trienkhai demo
  "demo-created": {
    vi: "Đã tạo dữ liệu mẫu: {documents} văn bản, {progressUpdates} lần cập nhật tiến độ, {indicatorValues} giá trị chỉ tiêu, {reports} báo cáo, {sessions} hội nghị quán triệt",
    en: "Demo data created: {documents} documents, {progressUpdates} progress updates, {indicatorValues} indicator values, {reports} reports, {sessions} dissemination sessions",
  },
  "demo-exists": {
    vi: "Dữ liệu mẫu đã có trong cơ sở dữ liệu, không tạo lại",
    en: "The demo data is already in the database; nothing was created",
  },
  "demo-users": {
    vi: "Tài khoản mẫu (mật khẩu chung: {password}):",
    en: "Demo accounts (shared password: {password}):",
  },
  "role-admin": { vi: "quản trị", en: "administrator" },
  "role-leader": { vi: "lãnh đạo", en: "leader" },
  "role-monitor": { vi: "chuyên viên theo dõi", en: "monitoring officer" },
  "role-unit_officer": { vi: "cán bộ đơn vị", en: "unit officer" },
  "role-viewer": { vi: "người xem", en: "viewer" },
  // trienkhai start
  "start-seeding": {
    vi: "Cơ sở dữ liệu còn trống: nạp danh mục cơ quan và dữ liệu mẫu (chỉ lần đầu)…",
    en: "The database is empty: loading the reference organisations and the demo (first run only)…",
  },
  "start-database": { vi: "Cơ sở dữ liệu: {kind} — {location}", en: "Database: {kind} — {location}" },
  "db-kind-pglite": { vi: "PostgreSQL nhúng (PGlite)", en: "embedded PostgreSQL (PGlite)" },
  "db-kind-postgres": { vi: "máy chủ PostgreSQL", en: "PostgreSQL server" },
  "start-counts": {
    vi: "{organisations} cơ quan · {documents} văn bản · {tasks} nhiệm vụ · {assignments} phân công",
    en: "{organisations} organisations · {documents} documents · {tasks} tasks · {assignments} assignments",
  },
  "start-tree": { vi: "Cây văn bản triển khai:", en: "The cascade of documents:" },
  "start-tree-more": {
    vi: "… và {count} văn bản khác: trienkhai tree",
    en: "… and {count} more documents: trienkhai tree",
  },
  "start-no-documents": {
    vi: "Chưa có văn bản nào: trienkhai import TỆP",
    en: "No documents yet: trienkhai import FILE",
  },
  "start-transfers": {
    vi: "{count} phân công của cơ quan đã giải thể chờ chuyển cho cơ quan kế nhiệm: trienkhai transfers",
    en: "{count} assignments of dissolved bodies await transfer to their successors: trienkhai transfers",
  },
  "start-serving": {
    vi: "trienkhai đang chạy tại {url} — giao diện web tại /, API tại /api (tài liệu: /api/docs). Dừng bằng Ctrl+C.",
    en: "trienkhai is running at {url} — web UI at /, API at /api (reference: /api/docs). Stop with Ctrl+C.",
  },
  "start-no-serve": {
    vi: "Không khởi động máy chủ (--no-serve). Chạy máy chủ: trienkhai serve",
    en: "Server not started (--no-serve). To serve: trienkhai serve",
  },
  // trienkhai transfers
  "transfers-none": {
    vi: "Không có phân công nào của cơ quan đã giải thể cần chuyển giao",
    en: "No assignment of a dissolved body awaits transfer",
  },
  "transfers-heading": {
    vi: "Phân công chưa hoàn thành của cơ quan đã giải thể, đề nghị chuyển cho cơ quan kế nhiệm ({count}):",
    en: "Open assignments of dissolved bodies, offered to their successors ({count}):",
  },
  "transfers-from": {
    vi: "{name} — hoạt động đến hết ngày {validTo}; kế nhiệm: {successors}",
    en: "{name} — in force until {validTo}; successors: {successors}",
  },
  "transfers-hint": {
    vi: "Chuyển giao: trienkhai transfers apply --to MÃ_CƠ_QUAN SỐ_PHÂN_CÔNG...",
    en: "To transfer: trienkhai transfers apply --to ORGANISATION_CODE ASSIGNMENT_ID...",
  },
  "transfers-applied": {
    vi: "Đã chuyển {count} phân công sang {name}",
    en: "Moved {count} assignments to {name}",
  },
  "transfers-moved": { vi: "phân công {from} → {to}", en: "assignment {from} → {to}" },
  "transfers-merged": {
    vi: "phân công {from} → {to} (cơ quan kế nhiệm đã có nhiệm vụ này)",
    en: "assignment {from} → {to} (the successor already had this duty)",
  },
  // Pretty summary (trienkhai parse --pretty)
  "pretty-type": { vi: "Loại văn bản", en: "Document type" },
  "pretty-system": { vi: "Hệ thống", en: "System" },
  "pretty-symbol": { vi: "Số, ký hiệu", en: "Symbol" },
  "pretty-issuer": { vi: "Cơ quan ban hành", en: "Issuer" },
  "pretty-parent": { vi: "Cơ quan cấp trên", en: "Parent body" },
  "pretty-place-date": { vi: "Địa danh, ngày", en: "Place and date" },
  "pretty-title": { vi: "Trích yếu", en: "Title" },
  "pretty-recipients": { vi: "Kính gửi", en: "Recipients" },
  "pretty-distribution": { vi: "Nơi nhận", en: "Distribution" },
  "pretty-signer": { vi: "Người ký", en: "Signer" },
  "pretty-sections": { vi: "Bố cục", en: "Sections" },
  "pretty-assignments": { vi: "Nhiệm vụ ({count})", en: "Assignments ({count})" },
  "pretty-lead": { vi: "Chủ trì", en: "Lead" },
  "pretty-cooperating": { vi: "Phối hợp", en: "Cooperating" },
  "pretty-deadline": { vi: "Thời hạn", en: "Deadline" },
  "pretty-output": { vi: "Sản phẩm", en: "Output" },
  "pretty-targets": { vi: "Chỉ tiêu ({count})", en: "Targets ({count})" },
  "pretty-target-year": { vi: "năm {year}", en: "by {year}" },
  "pretty-baseline": { vi: "gốc", en: "baseline" },
  "pretty-appendices": { vi: "Phụ lục", en: "Appendices" },
  "pretty-references": { vi: "Văn bản viện dẫn", en: "References" },
  "pretty-implements": { vi: "thực hiện", en: "implements" },
  "pretty-cites": { vi: "căn cứ, dẫn chiếu", en: "cites" },
  "pretty-warnings": { vi: "Cảnh báo", en: "Warnings" },
  "pretty-none": { vi: "(không có)", en: "(none)" },
  "pretty-unknown": { vi: "(chưa xác định)", en: "(unknown)" },
  "system-party": { vi: "Đảng", en: "Party" },
  "system-state": { vi: "Nhà nước", en: "State" },
  // Document types, recurrences and target kinds as users read them
  "type-nghi_quyet": { vi: "Nghị quyết", en: "Resolution" },
  "type-ket_luan": { vi: "Kết luận", en: "Conclusion" },
  "type-chi_thi": { vi: "Chỉ thị", en: "Directive" },
  "type-quy_dinh": { vi: "Quy định", en: "Regulation" },
  "type-quyet_dinh": { vi: "Quyết định", en: "Decision" },
  "type-chuong_trinh": { vi: "Chương trình", en: "Programme" },
  "type-ke_hoach": { vi: "Kế hoạch", en: "Plan" },
  "type-de_an": { vi: "Đề án", en: "Scheme" },
  "type-cong_van": { vi: "Công văn", en: "Official letter" },
  "type-thong_bao": { vi: "Thông báo", en: "Notice" },
  "type-huong_dan": { vi: "Hướng dẫn", en: "Guidance" },
  "type-bao_cao": { vi: "Báo cáo", en: "Report" },
  "type-to_trinh": { vi: "Tờ trình", en: "Submission" },
  "type-thong_tri": { vi: "Thông tri", en: "Circular (Party)" },
  "type-cong_dien": { vi: "Công điện", en: "Dispatch" },
  "type-other": { vi: "Văn bản khác", en: "Other document" },
  "recurrence-once": { vi: "một lần", en: "once" },
  "recurrence-monthly": { vi: "hằng tháng", en: "monthly" },
  "recurrence-quarterly": { vi: "hằng quý", en: "quarterly" },
  "recurrence-semiannual": { vi: "định kỳ 6 tháng", en: "every six months" },
  "recurrence-annual": { vi: "hằng năm", en: "yearly" },
  "recurrence-periodic": { vi: "định kỳ", en: "periodically" },
  "recurrence-continuous": { vi: "thường xuyên", en: "continuously" },
  "target-min": { vi: "tối thiểu", en: "at least" },
  "target-max": { vi: "tối đa", en: "at most" },
  "target-exact": { vi: "đạt", en: "exactly" },
  "target-range": { vi: "trong khoảng", en: "between" },
  "target-rank": { vi: "xếp hạng", en: "rank" },
  "target-rate": { vi: "tỷ lệ", en: "rate" },
  "target-growth_per_year": { vi: "tăng bình quân mỗi năm", en: "growth per year" },
  "target-increment_per_year": { vi: "tăng thêm mỗi năm", en: "increase per year" },
  "target-multiple_of_baseline": { vi: "gấp {value} lần so với gốc", en: "{value} times the baseline" },
  "target-per": { vi: "trên {per}", en: "per {per}" },
  // Services (import, review, edits)
  "not-found": { vi: "Không tìm thấy {entity} {id}", en: "{entity} {id} not found" },
  "stale-version": {
    vi: "Dữ liệu {entity} {id} đã được người khác cập nhật (phiên bản {actual}, bạn sửa phiên bản {expected}); hãy tải lại rồi sửa lại",
    en: "{entity} {id} was changed by someone else (version {actual}, you edited version {expected}); reload and edit again",
  },
  "invalid-input": { vi: "Dữ liệu không hợp lệ: {detail}", en: "Invalid input: {detail}" },
  "input-row": { vi: "dòng {row}: {detail}", en: "row {row}: {detail}" },
  "date-not-real": {
    vi: "{field}: ngày {date} không có trong lịch",
    en: "{field}: {date} is not a calendar date",
  },
  "date-after-today": { vi: "{field}: ngày {date} sau hôm nay", en: "{field}: {date} is after today" },
  "date-before-document": {
    vi: "{field}: ngày {date} trước ngày ban hành văn bản ({notBefore})",
    en: "{field}: {date} is before the document's date ({notBefore})",
  },
  "completion-needs-full": {
    vi: "completedAt: chỉ ghi ngày hoàn thành khi tiến độ đạt 100%",
    en: "completedAt: a completion date goes with progress at 100%",
  },
  "period-not-begun": { vi: "kỳ {period} chưa bắt đầu", en: "period {period} has not begun" },
  "deadline-before-inspection": {
    vi: "deadline: thời hạn {deadline} trước ngày kiểm tra {heldOn}",
    en: "deadline: {deadline} is before the inspection ({heldOn})",
  },
  "period-not-of-cycle": {
    vi: "period: kỳ {period} không khớp chu kỳ báo cáo {frequency}",
    en: "period: {period} is not a period of a {frequency} cycle",
  },
  "table-no-header": { vi: "tệp không có dòng tiêu đề", en: "the file has no header row" },
  "table-missing-column": { vi: "thiếu cột {column}", en: "column {column} is missing" },
  "table-no-rows": { vi: "tệp không có dòng dữ liệu nào", en: "the file has no data row" },
  "organisation-valid-range": {
    vi: "hiệu lực từ sau hiệu lực đến",
    en: "valid_from is after valid_to",
  },
  "organisation-code-repeated": {
    vi: "mã {code} lặp lại trong tệp",
    en: "code {code} appears twice in the file",
  },
  "organisation-codes-unknown": {
    vi: "không có cơ quan mã {codes}",
    en: "no organisation has the code {codes}",
  },
  "duplicate-document": {
    vi: "Văn bản {symbol} ngày {date} đã có trong hệ thống (mã {existingId})",
    en: "Document {symbol} of {date} is already in the system (id {existingId})",
  },
  "duplicate-document-undated": {
    vi: "Văn bản {symbol} (không ghi ngày) đã có trong hệ thống (mã {existingId})",
    en: "Document {symbol} (undated) is already in the system (id {existingId})",
  },
  "duplicate-file": {
    vi: "Tệp này đã được nhập trước đây (văn bản mã {existingId})",
    en: "This file was imported before (document id {existingId})",
  },
  "document-not-draft": {
    vi: "Văn bản {id} đã ban hành trong hệ thống, không thể sửa bản nháp",
    en: "Document {id} is already published; its draft cannot be changed",
  },
  "duplicate-user": { vi: "Tên đăng nhập {username} đã có", en: "Username {username} is taken" },
  "report-not-owed": {
    vi: "Đơn vị {organisationId} không thuộc diện phải báo cáo trong kỳ báo cáo này",
    en: "Organisation {organisationId} does not owe reports in this reporting cycle",
  },
  "duplicate-report": {
    vi: "Báo cáo kỳ {period} đã được gửi (mã {existingId})",
    en: "The report for {period} was already submitted (id {existingId})",
  },
  "duplicate-organisation": {
    vi: "Đã có cơ quan mang mã {codes}",
    en: "Organisations with codes {codes} exist already",
  },
  "organisation-code-unknown": {
    vi: "Không có cơ quan mã {code}",
    en: "No organisation has the code {code}",
  },
  "assignments-not-found": {
    vi: "Không có phân công số {ids}; không có gì thay đổi",
    en: "No assignment {ids}; nothing was changed",
  },
  "assignment-transferred": {
    vi: "Phân công {id} đã được chuyển cho cơ quan kế nhiệm, nay là phân công {to}",
    en: "Assignment {id} was transferred to the successor body; it is now assignment {to}",
  },
  "assignment-done": {
    vi: "Phân công {id} đã hoàn thành, không cần chuyển giao",
    en: "Assignment {id} is done; there is nothing to transfer",
  },
  "assignment-not-dissolved": {
    vi: "Phân công {id}: {name} không phải cơ quan đã giải thể, không chuyển giao được",
    en: "Assignment {id}: {name} is not a dissolved body; its work cannot be transferred",
  },
  "transfer-target-invalid": {
    vi: "{target} không phải cơ quan kế nhiệm đang hoạt động của {name} (phân công {id}); cơ quan kế nhiệm: {successors}",
    en: "{target} is not a successor in force of {name} (assignment {id}); successors: {successors}",
  },
  // API (src/server/http): titles of problem+json responses and sign-in
  "problem-400": { vi: "Yêu cầu không hợp lệ", en: "Bad request" },
  "problem-401": { vi: "Chưa đăng nhập", en: "Not signed in" },
  "problem-403": { vi: "Không có quyền", en: "Forbidden" },
  "problem-404": { vi: "Không tìm thấy", en: "Not found" },
  "problem-409": { vi: "Xung đột dữ liệu", en: "Conflict" },
  "problem-412": { vi: "Dữ liệu đã thay đổi", en: "Version changed" },
  "problem-413": { vi: "Dữ liệu quá lớn", en: "Too large" },
  "problem-415": { vi: "Kiểu dữ liệu không được hỗ trợ", en: "Unsupported media type" },
  "problem-422": { vi: "Dữ liệu không hợp lệ", en: "Invalid data" },
  "problem-423": { vi: "Tài khoản bị khóa", en: "Locked" },
  "problem-428": { vi: "Thiếu phiên bản dữ liệu", en: "Precondition required" },
  "problem-429": { vi: "Quá nhiều yêu cầu", en: "Too many requests" },
  "problem-500": { vi: "Lỗi hệ thống", en: "Server error" },
  "problem-503": { vi: "Tạm ngừng phục vụ", en: "Unavailable" },
  "api-description": {
    vi: "API của trienkhai: văn bản chỉ đạo, nhiệm vụ, phân công, tiến độ, chỉ tiêu, báo cáo định kỳ. Lỗi trả về dạng problem+json (RFC 9457).",
    en: "The trienkhai API: directives, tasks, assignments, progress, indicators, periodic reports. Errors are problem+json (RFC 9457).",
  },
  "web-not-built": {
    vi: "Giao diện web chưa được xây dựng (npm run build:web). API đang chạy tại /api.",
    en: "The web UI is not built (npm run build:web). The API runs at /api.",
  },
  "api-unauthenticated": {
    vi: "Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn; hãy đăng nhập lại",
    en: "You are not signed in or your session has expired; sign in again",
  },
  "api-forbidden": {
    vi: "Vai trò {role} không được phép thực hiện thao tác này",
    en: "The {role} role may not do this",
  },
  "api-out-of-scope": {
    vi: "{entity} {id} nằm ngoài phạm vi đơn vị bạn phụ trách",
    en: "{entity} {id} is outside the organisations you are responsible for",
  },
  "api-csrf": {
    vi: "Yêu cầu thiếu hoặc sai mã chống giả mạo (CSRF); hãy tải lại trang",
    en: "The request lacks a valid anti-forgery (CSRF) token; reload the page",
  },
  "api-login-failed": {
    vi: "Tên đăng nhập hoặc mật khẩu không đúng",
    en: "Wrong username or password",
  },
  "api-account-locked": {
    vi: "Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau {minutes} phút",
    en: "The account is locked after repeated failed sign-ins; try again in {minutes} minutes",
  },
  "api-account-disabled": {
    vi: "Tài khoản đã bị vô hiệu hóa; liên hệ quản trị viên",
    en: "The account is disabled; contact the administrator",
  },
  "api-wrong-password": {
    vi: "Mật khẩu hiện tại không đúng",
    en: "The current password is wrong",
  },
  "api-rate-limited": {
    vi: "Quá nhiều yêu cầu; hãy thử lại sau {seconds} giây",
    en: "Too many requests; try again in {seconds} seconds",
  },
  "api-address-rate-limited": {
    vi: "Quá nhiều yêu cầu từ cùng một địa chỉ mạng ({address}), kể cả từ các tài khoản khác nhau; hãy thử lại sau {seconds} giây",
    en: "Too many requests from one network address ({address}), whatever the accounts; try again in {seconds} seconds",
  },
  "api-payload-too-large": {
    vi: "Dữ liệu gửi lên quá lớn (tối đa {limit})",
    en: "The request is too large (at most {limit})",
  },
  "api-unsupported-media-type": {
    vi: "Kiểu dữ liệu {type} không được chấp nhận ở đây",
    en: "Content type {type} is not accepted here",
  },
  "api-bad-request": {
    vi: "Yêu cầu không đúng định dạng: {detail}",
    en: "Malformed request: {detail}",
  },
  "api-route-not-found": {
    vi: "Không có đường dẫn {method} {url}",
    en: "No route {method} {url}",
  },
  "api-precondition-required": {
    vi: "Thiếu tiêu đề If-Match (phiên bản dữ liệu bạn sửa); hãy tải lại rồi sửa",
    en: "The If-Match header (the version you edit) is missing; reload and edit again",
  },
  "api-conflict": {
    vi: "Dữ liệu trùng hoặc mâu thuẫn với dữ liệu đã có; không có gì thay đổi",
    en: "The data duplicates or contradicts what is stored; nothing was changed",
  },
  "api-invalid-value": {
    vi: "Có giá trị không hợp lệ trong yêu cầu; không có gì thay đổi",
    en: "The request holds an invalid value; nothing was changed",
  },
  "api-internal": {
    vi: "Lỗi hệ thống không mong muốn (mã yêu cầu {requestId}); dữ liệu không bị thay đổi",
    en: "Unexpected server error (request {requestId}); no data was changed",
  },
  "api-unavailable": {
    vi: "Máy chủ đang dừng; hãy thử lại sau ít phút",
    en: "The server is shutting down; try again in a few minutes",
  },
  // Progress review and evidence (src/server/progress)
  "evidence-missing": {
    vi: "Yêu cầu không kèm tệp minh chứng (gửi một tệp dạng multipart/form-data)",
    en: "No evidence file in the request (send one file as multipart/form-data)",
  },
  "evidence-one-file": {
    vi: "Mỗi lần chỉ tải lên một tệp minh chứng",
    en: "Upload one evidence file at a time",
  },
  "evidence-type": {
    vi: "Tệp {name} không được nhận làm minh chứng; chỉ nhận {extensions}",
    en: "File {name} is not accepted as evidence; accepted: {extensions}",
  },
  "evidence-content": {
    vi: "Nội dung tệp {name} không phải {format} như phần mở rộng của tên tệp",
    en: "The content of {name} is not {format} as its extension says",
  },
  "evidence-foreign": {
    vi: "Tệp minh chứng {fileId} không thuộc phân công {assignmentId}; hãy tải tệp lên cho chính phân công này",
    en: "Evidence file {fileId} does not belong to assignment {assignmentId}; upload it to this assignment",
  },
  "progress-already-approved": {
    vi: "Cập nhật tiến độ {id} đã được duyệt, không thể duyệt hoặc trả lại nữa",
    en: "Progress update {id} is already approved; it can no longer be approved or returned",
  },
  "progress-already-returned": {
    vi: "Cập nhật tiến độ {id} đã bị trả lại, không thể duyệt hoặc trả lại nữa",
    en: "Progress update {id} was already returned; it can no longer be approved or returned",
  },
  "progress-review-own": {
    vi: "Không thể tự duyệt hoặc trả lại cập nhật tiến độ do chính mình báo cáo",
    en: "You cannot approve or return a progress update you reported yourself",
  },
  "progress-return-note": {
    vi: "Hãy ghi rõ lý do trả lại cập nhật tiến độ",
    en: "Give the reason for returning the progress update",
  },
  // Organisations, users and audit (src/server/organisations, users, audit routes)
  "organisation-import-scoped": {
    vi: "Chỉ quản trị viên toàn hệ thống (không giới hạn phạm vi) được nhập thêm cơ quan, đơn vị",
    en: "Only an administrator of the whole system (with no scope) may import organisations",
  },
  "user-scope-outside": {
    vi: "Bạn chỉ được giao cho tài khoản phạm vi nằm trong phạm vi đơn vị mình phụ trách",
    en: "You may only give an account a scope inside your own",
  },
  "user-self-lockout": {
    vi: "Không thể tự vô hiệu hóa hay đổi vai trò của chính mình; hãy nhờ một quản trị viên khác",
    en: "You cannot disable yourself or change your own role; ask another administrator",
  },
  // Reminders (src/server/reminders): inbox notifications and the e-mail that carries them
  "reminder-due-soon-subject": {
    vi: "[Nhắc việc] Nhiệm vụ sắp đến hạn {deadline}: {taskShort}",
    en: "[Reminder] Task due on {deadline}: {taskShort}",
  },
  "reminder-due-soon-body": {
    vi: "Kính gửi {user},\n\nNhiệm vụ giao cho {body} sắp đến hạn.\n\nNhiệm vụ: {task}\nVăn bản: {document}\nThời hạn: {deadline}\n\nĐề nghị cập nhật tiến độ thực hiện tại: {link}\n\nThư gửi tự động từ hệ thống trienkhai.",
    en: "Dear {user},\n\nA task assigned to {body} is due soon.\n\nTask: {task}\nDocument: {document}\nDeadline: {deadline}\n\nPlease report its progress at: {link}\n\nSent automatically by trienkhai.",
  },
  "reminder-overdue-subject": {
    vi: "[Quá hạn] Nhiệm vụ quá hạn từ {deadline}: {taskShort}",
    en: "[Overdue] Task overdue since {deadline}: {taskShort}",
  },
  "reminder-overdue-body": {
    vi: "Kính gửi {user},\n\nNhiệm vụ giao cho {body} đã quá thời hạn mà chưa hoàn thành.\n\nNhiệm vụ: {task}\nVăn bản: {document}\nThời hạn: {deadline}\n\nĐề nghị khẩn trương thực hiện và cập nhật tiến độ tại: {link}\n\nThư gửi tự động từ hệ thống trienkhai.",
    en: "Dear {user},\n\nA task assigned to {body} is past its deadline and not done.\n\nTask: {task}\nDocument: {document}\nDeadline: {deadline}\n\nPlease carry it out and report its progress at: {link}\n\nSent automatically by trienkhai.",
  },
  "reminder-report-due-subject": {
    vi: "[Nhắc báo cáo] Báo cáo {period} của {body}, hạn {deadline}",
    en: "[Reminder] Report for {period} from {body}, due {deadline}",
  },
  "reminder-report-due-body": {
    vi: "Kính gửi {user},\n\n{body} cần gửi báo cáo định kỳ {period}.\n\nNhiệm vụ báo cáo: {task}\nVăn bản: {document}\nHạn gửi báo cáo: {deadline}\n\nGửi báo cáo tại: {link}\n\nThư gửi tự động từ hệ thống trienkhai.",
    en: "Dear {user},\n\n{body} is to send its periodic report for {period}.\n\nReporting duty: {task}\nDocument: {document}\nDue: {deadline}\n\nSend the report at: {link}\n\nSent automatically by trienkhai.",
  },
  "reminder-report-overdue-subject": {
    vi: "[Quá hạn báo cáo] {body} chưa gửi báo cáo {period} (hạn {deadline})",
    en: "[Overdue] {body} has not sent its report for {period} (due {deadline})",
  },
  "reminder-report-overdue-body": {
    vi: "Kính gửi {user},\n\n{body} chưa gửi báo cáo định kỳ {period} dù đã quá hạn.\n\nNhiệm vụ báo cáo: {task}\nVăn bản: {document}\nHạn gửi báo cáo: {deadline}\n\nĐề nghị gửi báo cáo ngay tại: {link}\n\nThư gửi tự động từ hệ thống trienkhai.",
    en: "Dear {user},\n\n{body} has not sent its periodic report for {period}, which is overdue.\n\nReporting duty: {task}\nDocument: {document}\nDue: {deadline}\n\nPlease send the report now at: {link}\n\nSent automatically by trienkhai.",
  },
  "reminder-period-month": { vi: "tháng {month}/{year}", en: "{year}-{month}" },
  "reminder-period-quarter": { vi: "quý {quarter} năm {year}", en: "Q{quarterNumber} {year}" },
  "reminder-period-h1": { vi: "6 tháng đầu năm {year}", en: "the first half of {year}" },
  "reminder-period-h2": { vi: "6 tháng cuối năm {year}", en: "the second half of {year}" },
  "reminder-period-year": { vi: "năm {year}", en: "{year}" },
  "reminder-no-document": { vi: "(chưa có số, ký hiệu)", en: "(no number)" },
  // Documents (src/server/documents): upload, import, review
  "document-import-no-file": {
    vi: "Yêu cầu không kèm tệp văn bản nào (trường file của multipart/form-data)",
    en: "The request carries no document file (field file of multipart/form-data)",
  },
  "document-import-type": {
    vi: "Không nhận tệp {name}: chỉ nhận văn bản .txt, .md, .docx, .pdf hoặc ảnh chụp .png, .jpg",
    en: "File {name} is not accepted: only .txt, .md, .docx, .pdf documents or .png, .jpg scans",
  },
  "document-import-failed": {
    vi: "Nhập tệp {name} không thành công do lỗi hệ thống; không có dữ liệu nào được lưu",
    en: "Importing {name} failed on a server error; nothing was stored",
  },
  "document-import-interrupted": {
    vi: "Việc nhập tệp {name} bị gián đoạn vì máy chủ dừng; không có dữ liệu nào được lưu, hãy tải tệp lên lại",
    en: "Importing {name} was interrupted when the server stopped; nothing was stored, upload the file again",
  },
  "document-rejected": {
    vi: "Văn bản {id} đã bị loại, không thể sửa hay ban hành",
    en: "Document {id} was rejected; it cannot be edited or published",
  },
  "document-date-invalid": {
    vi: "Ngày {date} không có trong lịch",
    en: "There is no such day as {date}",
  },
  "document-review-repeated": {
    vi: "{entity} {id} được nêu nhiều lần trong cùng một lần rà soát",
    en: "{entity} {id} appears more than once in one review",
  },
  "document-mapping-not-in-force": {
    vi: "{name} không hoạt động vào ngày {date}, không thể giao nhiệm vụ",
    en: "{name} is not in force on {date}; it cannot be given work",
  },
  "document-mapping-taken": {
    vi: "{name} đã được giao nhiệm vụ này với cùng vai trò (phân công {existingId}); không thể gán thêm phân công {id}",
    en: "{name} already has this task in the same role (assignment {existingId}); assignment {id} cannot go to it too",
  },
  // Indicator values entered in bulk or imported from CSV/XLSX (src/server/indicators)
  "indicator-import-missing-file": {
    vi: "Yêu cầu không kèm tệp số liệu (gửi một tệp CSV hoặc XLSX dạng multipart/form-data)",
    en: "No data file in the request (send one CSV or XLSX file as multipart/form-data)",
  },
  "indicator-import-format": {
    vi: "Tệp {name} không phải CSV hoặc XLSX",
    en: "File {name} is neither CSV nor XLSX",
  },
  "indicator-import-empty": {
    vi: "Tệp {name} không có dòng số liệu nào dưới dòng tiêu đề",
    en: "File {name} has no data row under its header",
  },
  "indicator-import-columns": {
    vi: "Tệp {name} thiếu cột {missing}; các cột cần có: {expected}",
    en: "File {name} lacks the column(s) {missing}; the columns are: {expected}",
  },
  "indicator-import-too-many": {
    vi: "Tệp {name} có {rows} dòng, vượt giới hạn {max} dòng mỗi lần nhập",
    en: "File {name} has {rows} rows, over the limit of {max} rows per import",
  },
  "indicator-import-invalid": {
    vi: "Tệp có {count} lỗi, chưa lưu dòng nào: {detail}",
    en: "The file has {count} error(s); no row was stored: {detail}",
  },
  "indicator-import-row": { vi: "dòng {row}: {reason}", en: "row {row}: {reason}" },
  "indicator-import-row-indicator": {
    vi: "không có chỉ tiêu mã “{value}”",
    en: "no indicator has the id “{value}”",
  },
  "indicator-import-row-organisation": {
    vi: "không có đơn vị mã “{value}”",
    en: "no organisation has the code “{value}”",
  },
  "indicator-import-row-period": {
    vi: "kỳ “{value}” không hợp lệ (dạng 2025, 2025-H1, 2025-Q3 hoặc 2025-07)",
    en: "period “{value}” is not valid (write 2025, 2025-H1, 2025-Q3 or 2025-07)",
  },
  "indicator-import-row-future": {
    vi: "kỳ {value} chưa bắt đầu, chưa thể có số liệu",
    en: "period {value} has not begun; it cannot have a value yet",
  },
  "indicator-import-row-value": {
    vi: "giá trị “{value}” không phải là số",
    en: "value “{value}” is not a number",
  },
  "indicator-import-row-note": {
    vi: "ghi chú dài quá {max} ký tự",
    en: "the note is longer than {max} characters",
  },
  "indicator-import-row-duplicate": {
    vi: "trùng chỉ tiêu, đơn vị và kỳ với dòng {first}",
    en: "same indicator, organisation and period as row {first}",
  },
  // Operations: backup and restore (src/db/backup.ts, trienkhai backup / restore)
  "cli-backup-usage": {
    vi: "Cách dùng: trienkhai backup --out TỆP",
    en: "Usage: trienkhai backup --out FILE",
  },
  "cli-restore-usage": {
    vi: "Cách dùng: trienkhai restore TỆP [--force]",
    en: "Usage: trienkhai restore FILE [--force]",
  },
  "backup-done": {
    vi: "Đã sao lưu {tables} bảng, {rows} dòng từ {database} vào {file} ({size})",
    en: "Backed up {tables} tables, {rows} rows from {database} to {file} ({size})",
  },
  "restore-done": {
    vi: "Đã khôi phục {tables} bảng, {rows} dòng từ {file} vào {database}",
    en: "Restored {tables} tables, {rows} rows from {file} into {database}",
  },
  "restore-foreign": {
    vi: "Tệp {name} không phải bản sao lưu của trienkhai; không thay đổi gì",
    en: "{name} is not a trienkhai backup; nothing was changed",
  },
  "restore-corrupt": {
    vi: "Bản sao lưu {name} bị hỏng ({detail}); không thay đổi gì",
    en: "The backup {name} is damaged ({detail}); nothing was changed",
  },
  "restore-format-version": {
    vi: "Bản sao lưu {name} có định dạng phiên bản {version}, phiên bản này không đọc được; không thay đổi gì",
    en: "The backup {name} has format version {version}, which this version cannot read; nothing was changed",
  },
  "restore-newer": {
    vi: "Bản sao lưu {name} được tạo bởi phiên bản mới hơn ({app}, đang dùng {version}); hãy nâng cấp trienkhai trước",
    en: "The backup {name} comes from a newer version ({app}, this is {version}); upgrade trienkhai first",
  },
  "restore-target-newer": {
    vi: "Cơ sở dữ liệu đích đã có cấu trúc mới hơn bản sao lưu {name} ({app}); hãy khôi phục vào cơ sở dữ liệu mới tạo",
    en: "The target database has a newer structure than the backup {name} ({app}); restore into a newly created database",
  },
  "restore-not-empty": {
    vi: "Cơ sở dữ liệu đích đã có dữ liệu (bảng {tables}); chỉ khôi phục vào cơ sở dữ liệu trống, hoặc thêm --force để xóa dữ liệu đó",
    en: "The target database holds data (tables {tables}); restore only into an empty database, or add --force to erase it",
  },
  "restore-permission": {
    vi: "Tài khoản cơ sở dữ liệu không được đặt session_replication_role (cần quyền superuser hoặc GRANT SET ON PARAMETER); không thay đổi gì",
    en: "The database account may not set session_replication_role (superuser or GRANT SET ON PARAMETER needed); nothing was changed",
  },
  "database-in-use": {
    vi: "Cơ sở dữ liệu nhúng {dir} đang được tiến trình {pid} sử dụng; hãy dừng máy chủ trước",
    en: "The embedded database {dir} is in use by process {pid}; stop the server first",
  },
  // Operations: readiness, metrics
  "api-not-ready-database": {
    vi: "Máy chủ chưa sẵn sàng phục vụ: cơ sở dữ liệu không trả lời",
    en: "The server is not ready to serve: the database does not answer",
  },
  "api-not-ready-queue": {
    vi: "Máy chủ chưa sẵn sàng phục vụ: hàng đợi công việc nền không trả lời",
    en: "The server is not ready to serve: the background job queue does not answer",
  },
  "api-metrics-token": {
    vi: "Cần mã truy cập số liệu giám sát (Authorization: Bearer …)",
    en: "The metrics token is required (Authorization: Bearer …)",
  },
  // Review reports and exports (src/domain/review-report.ts, src/server/report-exports, trienkhai report)
  "report-place-date": {
    vi: "{place}, ngày {day} tháng {month} năm {year}",
    en: "{place}, {day}/{month}/{year}",
  },
  "report-period-annual": { vi: "năm {year}", en: "of {year}" },
  "report-period-h1": { vi: "6 tháng đầu năm {year}", en: "of the first half of {year}" },
  "report-period-h2": { vi: "6 tháng cuối năm {year}", en: "of the second half of {year}" },
  "report-period-quarter": { vi: "quý {quarter} năm {year}", en: "of quarter {quarter} {year}" },
  "report-period-month": { vi: "tháng {month} năm {year}", en: "of {month}/{year}" },
  "report-review-interim": { vi: "sơ kết", en: "interim review" },
  "report-review-final": { vi: "tổng kết", en: "final review" },
  "report-type-name": { vi: "BÁO CÁO", en: "REPORT" },
  "report-title": { vi: "{review} {period} {subject}", en: "{review} {period}: {subject}" },
  "report-subject-document": { vi: "thực hiện {document}", en: "implementation of {document}" },
  "report-subject-scope": { vi: "tình hình triển khai {scope}", en: "implementation of {scope}" },
  "report-document-phrase": {
    vi: "{type} số {symbol} {date} {issuer}",
    en: "{type} {symbol} {date} {issuer}",
  },
  "report-document-date": { vi: "ngày {date}", en: "of {date}" },
  "report-document-issuer": { vi: "của {issuer}", en: "by {issuer}" },
  "report-scope-phrase": {
    vi: "các văn bản chỉ đạo trong phạm vi {scope}",
    en: "the directives within {scope}",
  },
  "report-motto-party": { vi: "ĐẢNG CỘNG SẢN VIỆT NAM", en: "COMMUNIST PARTY OF VIETNAM" },
  "report-motto-state": {
    vi: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    en: "SOCIALIST REPUBLIC OF VIETNAM",
  },
  "report-motto-state-2": { vi: "Độc lập - Tự do - Hạnh phúc", en: "Independence - Freedom - Happiness" },
  "report-recipients": { vi: "Nơi nhận:", en: "Recipients:" },
  "report-heading-dissemination": {
    vi: "Công tác quán triệt, tuyên truyền",
    en: "Dissemination",
  },
  "report-heading-concretization": {
    vi: "Công tác cụ thể hóa, ban hành văn bản triển khai",
    en: "Concretization: the bodies' own plans",
  },
  "report-heading-results": { vi: "Kết quả thực hiện nhiệm vụ", en: "Results of the tasks" },
  "report-heading-indicators": { vi: "Kết quả thực hiện các chỉ tiêu", en: "Results against the targets" },
  "report-heading-remarks": {
    vi: "Chế độ báo cáo, khó khăn, vướng mắc và kiến nghị, đề xuất",
    en: "Reporting, difficulties and proposals",
  },
  "report-heading-directions": {
    vi: "Phương hướng, nhiệm vụ thời gian tới",
    en: "Directions for the time ahead",
  },
  "report-heading-appendix": {
    vi: "Danh mục nhiệm vụ và kết quả thực hiện",
    en: "The tasks and their results",
  },
  "report-intro": {
    vi: "Thực hiện {document}, báo cáo {review} {period} như sau (số liệu tổng hợp đến ngày {asOf}):",
    en: "Carrying out {document}, this is the {review} {period} (figures as of {asOf}):",
  },
  "report-direction-1": {
    vi: "Tiếp tục quán triệt, tuyên truyền sâu rộng nội dung văn bản đến cán bộ, đảng viên và nhân dân.",
    en: "Keep disseminating the document to officials, Party members and the public.",
  },
  "report-direction-2": {
    vi: "Các cơ quan, đơn vị được giao nhiệm vụ chủ động rà soát, cập nhật tiến độ và báo cáo đúng hạn.",
    en: "The bodies given tasks review and update their progress and report on time.",
  },
  "report-direction-3": {
    vi: "Tăng cường kiểm tra, giám sát, đôn đốc việc thực hiện; kịp thời tháo gỡ khó khăn, vướng mắc.",
    en: "Step up inspection, supervision and follow-up; clear difficulties as they arise.",
  },
  "report-direction-overdue": {
    vi: "Tập trung chỉ đạo hoàn thành dứt điểm {count} lượt nhiệm vụ đã quá hạn.",
    en: "Finish the {count} overdue assignments.",
  },
  "report-direction-dissemination": {
    vi: "Đôn đốc {count} cơ quan, đơn vị chưa tổ chức quán triệt hoàn thành việc quán triệt.",
    en: "Press the {count} bodies that have not held a session to hold one.",
  },
  "report-direction-concretization": {
    vi: "Đôn đốc {count} cơ quan, đơn vị chưa ban hành văn bản cụ thể hóa khẩn trương ban hành.",
    en: "Press the {count} bodies without their own plan to issue one.",
  },
  "report-direction-indicators": {
    vi: "Có giải pháp cụ thể đối với {count} lượt chỉ tiêu có nguy cơ chậm, chậm lộ trình hoặc đi xuống.",
    en: "Take specific measures for the {count} indicator values at risk, off track or deteriorating.",
  },
  "report-recipient-superior": { vi: "{superior} (để báo cáo)", en: "{superior} (for information)" },
  "report-recipient-bodies": {
    vi: "Các cơ quan, đơn vị được giao nhiệm vụ",
    en: "The bodies given tasks",
  },
  "report-recipient-file-party": { vi: "Lưu Văn phòng", en: "Filed by the Office" },
  "report-recipient-file-state": { vi: "Lưu: VT", en: "Filed: clerical office" },
  "report-names-more": {
    vi: "{names} và {count} cơ quan, đơn vị khác",
    en: "{names} and {count} other bodies",
  },
  "report-status-done_on_time": { vi: "Hoàn thành đúng hạn", en: "Done on time" },
  "report-status-done_late": { vi: "Hoàn thành quá hạn", en: "Done late" },
  "report-status-in_progress": { vi: "Đang thực hiện trong hạn", en: "In progress within deadline" },
  "report-status-not_yet_due": { vi: "Chưa đến hạn", en: "Not yet due" },
  "report-status-overdue": { vi: "Chưa hoàn thành, quá hạn", en: "Not done, overdue" },
  "report-status-continuous": { vi: "Thường xuyên", en: "Continuous" },
  "report-grade-achieved": { vi: "Đã đạt", en: "Achieved" },
  "report-grade-on_track": { vi: "Đúng lộ trình", en: "On track" },
  "report-grade-at_risk": { vi: "Có nguy cơ chậm", en: "At risk" },
  "report-grade-off_track": { vi: "Chậm lộ trình", en: "Off track" },
  "report-grade-deteriorating": { vi: "Đi xuống", en: "Deteriorating" },
  "report-grade-insufficient_data": { vi: "Chưa đủ số liệu", en: "Not enough data" },
  "report-cell-on_time": { vi: "Đúng hạn", en: "On time" },
  "report-cell-late": { vi: "Muộn", en: "Late" },
  "report-cell-missing": { vi: "Chưa nộp", en: "Missing" },
  "report-cell-not_yet_due": { vi: "Chưa đến hạn", en: "Not yet due" },
  "report-cell-not_expected": { vi: "Không phải nộp", en: "Not expected" },
  "report-form-conference": { vi: "Hội nghị", en: "Conference" },
  "report-form-online": { vi: "Trực tuyến", en: "Online" },
  "report-form-integrated": { vi: "Lồng ghép", en: "Within another meeting" },
  "report-form-document": { vi: "Sao gửi văn bản", en: "Copies sent" },
  "report-results-counts": {
    vi: "Tổng số {total} lượt nhiệm vụ giao cho cơ quan, đơn vị: hoàn thành đúng hạn {done_on_time}, hoàn thành quá hạn {done_late}, đang thực hiện trong hạn {in_progress}, chưa đến hạn {not_yet_due}, chưa hoàn thành quá hạn {overdue}, thường xuyên {continuous}.",
    en: "{total} assignments to bodies: done on time {done_on_time}, done late {done_late}, in progress within deadline {in_progress}, not yet due {not_yet_due}, overdue {overdue}, continuous {continuous}.",
  },
  "report-results-shares": {
    vi: "Tỷ lệ hoàn thành (số đã hoàn thành trên số đã đến hạn) đạt {completion} ({done}/{due}); tỷ lệ hoàn thành đúng hạn đạt {onTime}.",
    en: "Completion (done ÷ due) {completion} ({done}/{due}); done on time {onTime}.",
  },
  "report-results-overall": { vi: "Kết quả chung", en: "Overall" },
  "report-results-groups": { vi: "Kết quả theo nhóm nhiệm vụ", en: "By task group" },
  "report-results-group": {
    vi: "{group}: {total} lượt nhiệm vụ ({counts}).",
    en: "{group}: {total} assignments ({counts}).",
  },
  "report-results-lagging": { vi: "Cơ quan, đơn vị có nhiệm vụ quá hạn", en: "Bodies with overdue work" },
  "report-results-none-overdue": {
    vi: "Không có cơ quan, đơn vị nào có nhiệm vụ quá hạn.",
    en: "No body has overdue work.",
  },
  "report-results-lagging-body": {
    vi: "{organisation}: {overdue}/{total} lượt nhiệm vụ quá hạn.",
    en: "{organisation}: {overdue} of {total} assignments overdue.",
  },
  "report-results-lagging-more": {
    vi: "Và {count} cơ quan, đơn vị khác (chi tiết tại bảng tính kèm theo).",
    en: "And {count} other bodies (see the spreadsheet).",
  },
  "report-dissemination-summary": {
    vi: "Tính đến ngày {asOf}, {covered}/{required} cơ quan, đơn vị được giao nhiệm vụ đã tổ chức quán triệt, đạt {rate}; đã tổ chức {sessions} hội nghị, buổi quán triệt với {attendance} lượt người tham dự.",
    en: "By {asOf}, {covered} of {required} bodies given tasks had held a session ({rate}): {sessions} sessions, {attendance} attendees.",
  },
  "report-dissemination-missing": {
    vi: "Còn {count} cơ quan, đơn vị chưa tổ chức quán triệt: {names}.",
    en: "{count} bodies have not held one: {names}.",
  },
  "report-dissemination-unrequired": {
    vi: "Ngoài ra, {count} cơ quan, đơn vị không được giao nhiệm vụ trực tiếp cũng đã tổ chức quán triệt.",
    en: "{count} bodies not given tasks held sessions too.",
  },
  "report-concretization-summary": {
    vi: "Có {covered}/{required} cơ quan, đơn vị có trách nhiệm đã ban hành văn bản cụ thể hóa, đạt {rate}.",
    en: "{covered} of {required} bodies that had to issue their own plan did so ({rate}).",
  },
  "report-concretization-plan": { vi: "{organisation}: {documents}.", en: "{organisation}: {documents}." },
  "report-plan-with-date": { vi: "{symbol} ngày {date}", en: "{symbol} of {date}" },
  "report-concretization-more": {
    vi: "Và {count} cơ quan, đơn vị khác (chi tiết tại bảng tính kèm theo).",
    en: "And {count} other bodies (see the spreadsheet).",
  },
  "report-concretization-missing": {
    vi: "Còn {count} cơ quan, đơn vị chưa ban hành văn bản cụ thể hóa: {names}.",
    en: "{count} bodies have not issued their plan: {names}.",
  },
  "report-concretization-tasks": {
    vi: "Có {covered}/{parents} nhiệm vụ của văn bản đã được cụ thể hóa trong văn bản của cấp dưới, đạt {rate}.",
    en: "{covered} of the document's {parents} tasks are taken up by lower-level documents ({rate}).",
  },
  "report-indicators-none": {
    vi: "Chưa có số liệu chỉ tiêu được cập nhật trong phạm vi báo cáo.",
    en: "No indicator values have been entered within the report's scope.",
  },
  "report-indicators-summary": {
    vi: "Có {indicators} chỉ tiêu có số liệu, {total} lượt đánh giá theo lộ trình đến năm mục tiêu: {grades}; tỷ lệ đạt hoặc đúng lộ trình {rate}.",
    en: "{indicators} indicators with values, {total} assessments against the path to the target year: {grades}; achieved or on track {rate}.",
  },
  "report-see-spreadsheet": {
    vi: "Chi tiết từng cơ quan, đơn vị tại bảng tính kèm theo.",
    en: "Each body's figures are in the spreadsheet.",
  },
  "report-remarks-reporting": { vi: "Tình hình thực hiện chế độ báo cáo", en: "Periodic reporting" },
  "report-reporting-none": {
    vi: "Chưa đến hạn kỳ báo cáo định kỳ nào trong phạm vi báo cáo.",
    en: "No periodic report has fallen due within the report's scope.",
  },
  "report-reporting-summary": {
    vi: "Có {expected} lượt báo cáo định kỳ đến hạn phải nộp; đã nộp {reported} ({rate}), trong đó đúng hạn {onTime} ({onTimeRate}); chưa nộp {missing}.",
    en: "{expected} periodic reports fell due; {reported} submitted ({rate}), {onTime} on time ({onTimeRate}); {missing} missing.",
  },
  "report-remarks-difficulties": { vi: "Khó khăn, vướng mắc", en: "Difficulties" },
  "report-remarks-proposals": { vi: "Kiến nghị, đề xuất", en: "Proposals" },
  "report-remarks-none": { vi: "Các cơ quan, đơn vị không nêu.", en: "None reported." },
  "report-remark": { vi: "{text} ({bodies}).", en: "{text} ({bodies})." },
  "report-remarks-more": {
    vi: "Và {count} ý kiến khác (chi tiết tại bảng tính kèm theo).",
    en: "And {count} more (see the spreadsheet).",
  },
  "report-appendix": { vi: "PHỤ LỤC", en: "APPENDIX" },
  "report-appendix-note": {
    vi: "(Kèm theo Báo cáo {review} {period} của {issuer})",
    en: "(Attached to the {review} {period} of {issuer})",
  },
  "report-leads-many": { vi: "{count} cơ quan, đơn vị", en: "{count} bodies" },
  "report-col-no": { vi: "STT", en: "No." },
  "report-col-organisation": { vi: "Cơ quan, đơn vị", en: "Body" },
  "report-col-held-on": { vi: "Ngày quán triệt", en: "Held on" },
  "report-col-form": { vi: "Hình thức", en: "Form" },
  "report-col-attendance": { vi: "Số người tham dự", en: "Attendance" },
  "report-col-group": { vi: "Nhóm nhiệm vụ", en: "Task group" },
  "report-col-total": { vi: "Tổng số", en: "Total" },
  "report-col-completion": { vi: "Tỷ lệ hoàn thành", en: "Completion" },
  "report-col-sum": { vi: "Tổng cộng", en: "Total" },
  "report-col-indicator": { vi: "Chỉ tiêu", en: "Indicator" },
  "report-col-baseline": { vi: "Giá trị gốc", en: "Baseline" },
  "report-col-target": { vi: "Mục tiêu", en: "Target" },
  "report-col-latest": { vi: "Giá trị mới nhất", en: "Latest value" },
  "report-col-expected": { vi: "Giá trị theo lộ trình", en: "Expected on the path" },
  "report-col-grade": { vi: "Đánh giá", en: "Assessment" },
  "report-col-forecast": { vi: "Dự báo năm mục tiêu", en: "Forecast for the target year" },
  "report-col-task": { vi: "Nhiệm vụ", en: "Task" },
  "report-col-lead": { vi: "Cơ quan chủ trì", en: "Lead body" },
  "report-col-deadline": { vi: "Thời hạn", en: "Deadline" },
  "report-col-result": { vi: "Kết quả thực hiện", en: "Result" },
  "report-group-other": { vi: "Nhiệm vụ khác", en: "Other tasks" },
  "export-yes": { vi: "Có", en: "Yes" },
  "export-no": { vi: "Không", en: "No" },
  "export-sheet-tasks": { vi: "Nhiệm vụ", en: "Tasks" },
  "export-sheet-indicators": { vi: "Chỉ tiêu", en: "Indicators" },
  "export-sheet-values": { vi: "Giá trị chỉ tiêu", en: "Indicator values" },
  "export-sheet-completeness": { vi: "Báo cáo định kỳ", en: "Periodic reports" },
  "export-sheet-dissemination": { vi: "Quán triệt", en: "Dissemination" },
  "export-sheet-concretization": { vi: "Cụ thể hóa", en: "Concretization" },
  "export-sheet-organisations": { vi: "Cơ quan, đơn vị", en: "Organisations" },
  "export-sheet-remarks": { vi: "Khó khăn, kiến nghị", en: "Difficulties, proposals" },
  "export-col-assignment-id": { vi: "Mã phân công", en: "Assignment id" },
  "export-col-task-id": { vi: "Mã nhiệm vụ", en: "Task id" },
  "export-col-document": { vi: "Văn bản", en: "Document" },
  "export-col-group": { vi: "Nhóm nhiệm vụ", en: "Task group" },
  "export-col-task": { vi: "Nhiệm vụ", en: "Task" },
  "export-col-organisation-code": { vi: "Mã đơn vị", en: "Organisation code" },
  "export-col-organisation": { vi: "Cơ quan, đơn vị", en: "Organisation" },
  "export-col-role": { vi: "Vai trò", en: "Role" },
  "export-col-deadline": { vi: "Thời hạn", en: "Deadline" },
  "export-col-recurrence": { vi: "Định kỳ", en: "Recurrence" },
  "export-col-status": { vi: "Tình trạng", en: "Status" },
  "export-col-percent": { vi: "Tiến độ (%)", en: "Progress (%)" },
  "export-col-completed": { vi: "Ngày hoàn thành", en: "Completed on" },
  "export-col-last-update": { vi: "Cập nhật lần cuối", en: "Last update" },
  "export-col-indicator-id": { vi: "Mã chỉ tiêu", en: "Indicator id" },
  "export-col-unit": { vi: "Đơn vị tính", en: "Unit" },
  "export-col-baseline-year": { vi: "Năm gốc", en: "Baseline year" },
  "export-col-target-year": { vi: "Năm mục tiêu", en: "Target year" },
  "export-col-latest-period": { vi: "Kỳ mới nhất", en: "Latest period" },
  "export-col-forecast-year": { vi: "Năm dự báo", en: "Forecast year" },
  "export-col-forecast": { vi: "Giá trị dự báo", en: "Forecast" },
  "export-col-meets-target": { vi: "Đạt mục tiêu theo dự báo", en: "Forecast meets the target" },
  "export-col-cycle": { vi: "Kỳ báo cáo", en: "Reporting cycle" },
  "export-col-expected": { vi: "Phải nộp", en: "Expected" },
  "export-col-reported": { vi: "Đã nộp", en: "Submitted" },
  "export-col-on-time": { vi: "Đúng hạn", en: "On time" },
  "export-col-reporting-rate": { vi: "Tỷ lệ đã nộp (%)", en: "Reporting rate (%)" },
  "export-col-must-disseminate": { vi: "Phải quán triệt", en: "Must disseminate" },
  "export-col-disseminated": { vi: "Đã quán triệt", en: "Disseminated" },
  "export-col-first-session": { vi: "Ngày quán triệt đầu tiên", en: "First session" },
  "export-col-sessions": { vi: "Số hội nghị", en: "Sessions" },
  "export-col-must-concretize": { vi: "Phải cụ thể hóa", en: "Must issue a plan" },
  "export-col-concretized": { vi: "Đã cụ thể hóa", en: "Plan issued" },
  "export-col-first-plan": { vi: "Ngày ban hành đầu tiên", en: "First plan issued" },
  "export-col-plans": { vi: "Số văn bản", en: "Plans" },
  "export-col-plan-symbols": { vi: "Văn bản cụ thể hóa", en: "Plans issued" },
  "export-col-remark-kind": { vi: "Loại", en: "Kind" },
  "export-col-remark": { vi: "Nội dung", en: "Text" },
  "export-col-period": { vi: "Kỳ", en: "Period" },
  "export-col-submitted": { vi: "Ngày nộp", en: "Submitted on" },
  "report-export-period": {
    vi: "Kỳ báo cáo {period} không hợp lệ: ghi năm (2026), nửa năm (2026-H1), quý (2026-Q3) hoặc tháng (2026-07)",
    en: "Period {period} is not valid: a year (2026), a half (2026-H1), a quarter (2026-Q3) or a month (2026-07)",
  },
  "report-export-future": {
    vi: "Kỳ {period} chưa bắt đầu (hôm nay là {today}): chưa có số liệu để báo cáo",
    en: "Period {period} has not begun (today is {today}): there is nothing to report yet",
  },
  "report-export-subject": {
    vi: "Hãy chọn văn bản hoặc cơ quan, đơn vị mà báo cáo nói về",
    en: "Choose the document or the organisation the report is about",
  },
  "report-export-unpublished": {
    vi: "Văn bản {id} chưa ban hành trong hệ thống: chưa có số liệu theo dõi để báo cáo",
    en: "Document {id} is not published in the system: it has no figures to report",
  },
  "report-export-table-docx": {
    vi: "Báo cáo DOCX gồm mọi phần; chỉ chọn một bảng (table) khi xuất XLSX hoặc CSV",
    en: "A DOCX report holds every part; a table is chosen for XLSX or CSV only",
  },
  "report-export-not-ready": {
    vi: "Tệp xuất {id} chưa sẵn sàng (trạng thái: {state})",
    en: "Export {id} is not ready (state: {state})",
  },
  "report-export-interrupted": {
    vi: "Việc tạo tệp xuất {id} bị gián đoạn vì máy chủ dừng giữa chừng; không có tệp nào được lưu, hãy yêu cầu xuất lại",
    en: "Writing export {id} was interrupted when the server stopped; no file was stored, ask for the export again",
  },
  "report-export-failed": {
    vi: "Không tạo được tệp xuất {id}; hãy thử lại hoặc báo quản trị hệ thống",
    en: "Export {id} could not be written; try again or tell the administrator",
  },
  "cli-report-usage": {
    vi: "Cách dùng: trienkhai report SỐ_KÝ_HIỆU|MÃ_SỐ --period KỲ --out TỆP [--format docx|xlsx|csv] [--table BẢNG] [--organisation MÃ_CƠ_QUAN] [--final]",
    en: "Usage: trienkhai report SYMBOL|ID --period PERIOD --out FILE [--format docx|xlsx|csv] [--table TABLE] [--organisation ORGANISATION_CODE] [--final]",
  },
  "cli-report-done": {
    vi: "Đã ghi {file}: {format}, {size}, trong {ms} ms",
    en: "Wrote {file}: {format}, {size}, in {ms} ms",
  },
  // Parser warnings
  "symbol-number-missing": {
    vi: "Số hiệu văn bản để trống phần số ({symbol})",
    en: "The document number is left blank ({symbol})",
  },
  "symbol-missing": { vi: "Không tìm thấy số, ký hiệu văn bản", en: "No document symbol found" },
  "date-incomplete": {
    vi: "Ngày ban hành để trống ngày hoặc tháng ({text})",
    en: "The signing date has a blank day or month ({text})",
  },
  "date-missing": { vi: "Không tìm thấy ngày ban hành", en: "No signing date found" },
  "date-invalid": { vi: "Ngày không hợp lệ: {text}", en: "Invalid date: {text}" },
  "past-target-year": {
    vi: "Năm mục tiêu {year} sớm hơn năm ban hành văn bản {docYear}: có thể gõ nhầm",
    en: "Target year {year} is earlier than the document's own year {docYear}: possibly a typo",
  },
  "deadline-before-document": {
    vi: "Thời hạn {date} sớm hơn ngày ban hành văn bản",
    en: "Deadline {date} is before the document's own date",
  },
  "header-out-of-place": {
    vi: "Phần đầu văn bản (quốc hiệu, tên cơ quan, số ký hiệu) nằm lẫn trong nội dung",
    en: "The document header (motto, issuer, symbol) appears in the middle of the text",
  },
  "stamp-removed": {
    vi: "Đã tách dấu văn bản đến khỏi nội dung",
    en: "An incoming-document stamp was separated from the text",
  },
  "page-furniture-removed": {
    vi: "Đã bỏ {count} dòng số trang hoặc tiêu đề trang lặp lại",
    en: "Removed {count} page-number or running-head lines",
  },
  "unknown-type": { vi: "Không xác định được loại văn bản", en: "Document type could not be determined" },
  "no-structure": {
    vi: "Không nhận ra cấu trúc văn bản hành chính",
    en: "No official-document structure recognised",
  },
  "parser-error": {
    vi: "Lỗi khi phân tích văn bản, chỉ giữ lại nội dung gốc: {detail}",
    en: "The parser failed; only the source text is kept: {detail}",
  },
  ocr: {
    vi: "Nội dung được nhận dạng từ ảnh (OCR), độ tin cậy trung bình {confidence}%",
    en: "Text recognised from an image (OCR), mean confidence {confidence}%",
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageCode = keyof typeof catalog;
export type Lang = "vi" | "en";
/** A message inside another's parameters (a row's reason, one of several problems), told in the same language. */
export interface MessageRef {
  code: MessageCode;
  params?: MessageParams;
}
export type MessageParams = { [key: string]: string | number | MessageRef | MessageRef[] };

export function message(code: MessageCode, params: MessageParams = {}, lang: Lang = "vi"): string {
  const text = (v: string | number | MessageRef | MessageRef[]): string =>
    Array.isArray(v)
      ? v.map(text).join("; ")
      : typeof v === "object"
        ? message(v.code, v.params ?? {}, lang)
        : String(v);
  return catalog[code][lang].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    return v === undefined ? whole : text(v);
  });
}

/** The Vietnamese text of a message: what the CLI prints. */
export function vi(code: MessageCode, params: MessageParams = {}): string {
  return message(code, params, "vi");
}

/** One line for a terminal: Vietnamese, then English. */
export function bilingual(code: MessageCode, params: MessageParams = {}): string {
  return `${message(code, params, "vi")} / ${message(code, params, "en")}`;
}
