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
  // CLI
  "cli-usage": {
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
  // Services (import, review, edits)
  "not-found": { vi: "Không tìm thấy {entity} {id}", en: "{entity} {id} not found" },
  "stale-version": {
    vi: "Dữ liệu {entity} {id} đã được người khác cập nhật (phiên bản {actual}, bạn sửa phiên bản {expected}); hãy tải lại rồi sửa lại",
    en: "{entity} {id} was changed by someone else (version {actual}, you edited version {expected}); reload and edit again",
  },
  "invalid-input": { vi: "Dữ liệu không hợp lệ: {detail}", en: "Invalid input: {detail}" },
  "duplicate-document": {
    vi: "Văn bản {symbol} ngày {date} đã có trong hệ thống (mã {existingId})",
    en: "Document {symbol} of {date} is already in the system (id {existingId})",
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
export type MessageParams = Record<string, string | number>;

export function message(code: MessageCode, params: MessageParams = {}, lang: Lang = "vi"): string {
  return catalog[code][lang].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** One line for a terminal: Vietnamese, then English. */
export function bilingual(code: MessageCode, params: MessageParams = {}): string {
  return `${message(code, params, "vi")} / ${message(code, params, "en")}`;
}
