// Every text the web UI shows: Vietnamese first, English second; {name} placeholders are filled by
// t() (i18n.tsx). The server's catalogue (src/messages/catalog.ts) holds the texts of the API, the
// CLI and the parser; the API already answers in the caller's language (Accept-Language), so the
// browser needs only its own texts and does not carry the server's ~700 lines in its first load.
export const messages = {
  "app-name": { vi: "Triển khai", en: "Triển khai" },
  "app-tagline": {
    vi: "Theo dõi triển khai thực hiện văn bản chỉ đạo",
    en: "Tracking the implementation of directives",
  },
  "app-loading": { vi: "Đang tải…", en: "Loading…" },
  "app-error": { vi: "Đã có lỗi", en: "Something went wrong" },
  "app-skip": { vi: "Bỏ qua, đến nội dung chính", en: "Skip to the main content" },
  "network-error": {
    vi: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.",
    en: "The server cannot be reached. Check the network and try again.",
  },
  "session-ended": {
    vi: "Phiên làm việc đã hết, vui lòng đăng nhập lại",
    en: "Your session has ended; please sign in again",
  },

  // Sign-in
  "login-title": { vi: "Đăng nhập", en: "Sign in" },
  "login-username": { vi: "Tên đăng nhập", en: "Username" },
  "login-password": { vi: "Mật khẩu", en: "Password" },
  "login-submit": { vi: "Đăng nhập", en: "Sign in" },
  "login-username-required": { vi: "Nhập tên đăng nhập", en: "Enter your username" },
  "login-password-required": { vi: "Nhập mật khẩu", en: "Enter your password" },

  // Layout and user menu
  "menu-dashboard": { vi: "Tổng quan", en: "Overview" },
  "menu-documents": { vi: "Văn bản", en: "Documents" },
  "menu-tasks": { vi: "Nhiệm vụ", en: "Tasks" },
  "menu-indicators": { vi: "Chỉ tiêu", en: "Indicators" },
  "menu-reports": { vi: "Báo cáo định kỳ", en: "Periodic reports" },
  "menu-dissemination": { vi: "Quán triệt", en: "Dissemination" },
  "menu-inspections": { vi: "Kiểm tra, giám sát", en: "Inspections" },
  "menu-organisations": { vi: "Đơn vị", en: "Organisations" },
  "menu-users": { vi: "Người dùng", en: "Users" },
  "menu-audit": { vi: "Nhật ký", en: "Audit log" },
  "menu-main": { vi: "Chức năng chính", en: "Main menu" },
  "user-menu": { vi: "Tài khoản", en: "Account" },
  "user-role": { vi: "Vai trò: {role}", en: "Role: {role}" },
  "user-scope": { vi: "Phạm vi: {scope}", en: "Scope: {scope}" },
  "user-scope-all": { vi: "toàn hệ thống", en: "everything" },
  "user-logout": { vi: "Đăng xuất", en: "Sign out" },
  "user-language": { vi: "English", en: "Tiếng Việt" },
  "not-built-title": { vi: "Màn hình {screen} đang được xây dựng", en: "The {screen} screen is being built" },
  "not-built-text": {
    vi: "Chức năng này sẽ có trong bản tiếp theo. Trong lúc chờ, dữ liệu vẫn xem được qua API tại /api/docs.",
    en: "This screen comes in the next release. Meanwhile its data is available through the API at /api/docs.",
  },
  "not-built-back": { vi: "Về Tổng quan", en: "Back to the overview" },
  "page-not-found": { vi: "Không có trang này", en: "There is no such page" },

  // Roles
  "role-admin": { vi: "Quản trị", en: "Administrator" },
  "role-leader": { vi: "Lãnh đạo", en: "Leader" },
  "role-monitor": { vi: "Chuyên viên theo dõi", en: "Monitoring officer" },
  "role-unit_officer": { vi: "Cán bộ đơn vị", en: "Unit officer" },
  "role-viewer": { vi: "Người xem", en: "Viewer" },

  // Statuses in the official categories of reporting
  "status-done_on_time": { vi: "Hoàn thành đúng hạn", en: "Done on time" },
  "status-done_late": { vi: "Hoàn thành quá hạn", en: "Done late" },
  "status-in_progress": { vi: "Đang thực hiện trong hạn", en: "In progress" },
  "status-not_yet_due": { vi: "Chưa đến hạn", en: "Not yet due" },
  "status-overdue": { vi: "Quá hạn", en: "Overdue" },
  "status-continuous": { vi: "Thường xuyên", en: "Continuous" },

  // Indicator grades
  "grade-achieved": { vi: "Đã đạt", en: "Achieved" },
  "grade-on_track": { vi: "Đúng lộ trình", en: "On track" },
  "grade-at_risk": { vi: "Có nguy cơ chậm", en: "At risk" },
  "grade-off_track": { vi: "Chậm lộ trình", en: "Off track" },
  "grade-deteriorating": { vi: "Đi xuống", en: "Deteriorating" },
  "grade-insufficient_data": { vi: "Chưa đủ số liệu", en: "Not enough data" },

  // Report states
  "report-on_time": { vi: "Nộp đúng hạn", en: "On time" },
  "report-late": { vi: "Nộp muộn", en: "Late" },
  "report-missing": { vi: "Chưa nộp", en: "Missing" },
  "report-not_yet_due": { vi: "Chưa đến hạn", en: "Not yet due" },
  "report-not_expected": { vi: "Không phải nộp", en: "Not expected" },

  // Levels
  "level-any": { vi: "Mọi cấp", en: "All levels" },
  "level-central": { vi: "Trung ương", en: "Central" },
  "level-province": { vi: "Cấp tỉnh", en: "Province" },
  "level-district": { vi: "Cấp huyện", en: "District" },
  "level-commune": { vi: "Cấp xã", en: "Commune" },

  // Assignment roles and deadlines
  "assignment-lead": { vi: "Chủ trì", en: "Lead" },
  "assignment-cooperating": { vi: "Phối hợp", en: "Cooperating" },
  "recurrence-once": { vi: "Một lần", en: "Once" },
  "recurrence-monthly": { vi: "Hằng tháng", en: "Monthly" },
  "recurrence-quarterly": { vi: "Hằng quý", en: "Quarterly" },
  "recurrence-semiannual": { vi: "6 tháng", en: "Half-yearly" },
  "recurrence-annual": { vi: "Hằng năm", en: "Yearly" },
  "recurrence-periodic": { vi: "Định kỳ", en: "Periodic" },
  "recurrence-continuous": { vi: "Thường xuyên", en: "Continuous" },
  "days-left": { vi: "còn {days} ngày", en: "{days} days left" },
  "days-today": { vi: "hạn hôm nay", en: "due today" },
  "days-late": { vi: "quá {days} ngày", en: "{days} days late" },
  "no-deadline": { vi: "Không có hạn", en: "No deadline" },

  // Dashboard
  "dash-title": { vi: "Tổng quan", en: "Overview" },
  "dash-today": { vi: "Số liệu đến ngày {date}", en: "Figures as of {date}" },
  "dash-filter-document": { vi: "Văn bản", en: "Document" },
  "dash-filter-document-any": { vi: "Tất cả văn bản", en: "All documents" },
  "dash-filter-level": { vi: "Cấp", en: "Level" },
  "dash-save-view": { vi: "Lưu bộ lọc", en: "Save this view" },
  "dash-view-saved": { vi: "Đã lưu bộ lọc làm mặc định", en: "This view is now your default" },
  "dash-status": { vi: "Tình hình thực hiện nhiệm vụ", en: "Task implementation" },
  "dash-status-total": { vi: "{count} phân công", en: "{count} assignments" },
  "dash-completion": { vi: "Tỷ lệ hoàn thành", en: "Completion" },
  "dash-completion-help": {
    vi: "Đã hoàn thành ÷ (đã hoàn thành + quá hạn)",
    en: "Done ÷ (done + overdue)",
  },
  "dash-on-time": { vi: "Hoàn thành đúng hạn", en: "Done on time" },
  "dash-overdue": { vi: "Nhiệm vụ quá hạn", en: "Overdue" },
  "dash-due-soon": { vi: "Sắp đến hạn ({days} ngày tới)", en: "Due in the next {days} days" },
  "dash-none-overdue": { vi: "Không có nhiệm vụ quá hạn", en: "Nothing is overdue" },
  "dash-none-due-soon": { vi: "Không có nhiệm vụ sắp đến hạn", en: "Nothing is due soon" },
  "dash-bodies": { vi: "Cơ quan, đơn vị theo tỷ lệ hoàn thành", en: "Bodies by completion" },
  "dash-see-all": { vi: "Xem tất cả {count}", en: "See all {count}" },
  "dash-bodies-more": { vi: "Xem cả {count} cơ quan", en: "See all {count} bodies" },
  "dash-indicators": { vi: "Chỉ tiêu", en: "Indicators" },
  "dash-indicators-outcome": { vi: "Đạt hoặc đúng lộ trình", en: "Achieved or on track" },
  "dash-completeness": { vi: "Báo cáo định kỳ: mức đầy đủ", en: "Periodic reports: completeness" },
  "dash-reporting-rate": { vi: "Tỷ lệ đã nộp", en: "Reported" },
  "dash-reporting-on-time": { vi: "Tỷ lệ nộp đúng hạn", en: "Reported on time" },
  "dash-coverage": { vi: "Quán triệt và cụ thể hóa", en: "Dissemination and concretization" },
  "dash-dissemination": { vi: "Đã quán triệt", en: "Disseminated" },
  "dash-concretization": { vi: "Đã cụ thể hóa", en: "Concretized" },
  "dash-task-coverage": { vi: "Nhiệm vụ cấp trên đã được triển khai", en: "Parent tasks taken up" },
  "dash-of": { vi: "{covered}/{required} cơ quan", en: "{covered} of {required} bodies" },
  "dash-of-tasks": { vi: "{covered}/{required} nhiệm vụ", en: "{covered} of {required} tasks" },
  "dash-empty": {
    vi: "Chưa có nhiệm vụ nào trong phạm vi này. Nhập văn bản chỉ đạo ở mục Văn bản để bắt đầu theo dõi.",
    en: "No tasks in this scope yet. Import a directive under Documents to start tracking.",
  },
  "dash-empty-section": { vi: "Chưa có số liệu", en: "No figures yet" },
  "dash-chart-label": { vi: "Biểu đồ: {title}", en: "Chart: {title}" },
  "dash-body": { vi: "Cơ quan, đơn vị", en: "Body" },
  "dash-not-applicable": { vi: "—", en: "—" },

  // Tasks
  "tasks-title": { vi: "Nhiệm vụ", en: "Tasks" },
  "tasks-search": { vi: "Tìm theo nội dung nhiệm vụ", en: "Search the task text" },
  "tasks-status": { vi: "Tình trạng", en: "Status" },
  "tasks-document": { vi: "Văn bản", en: "Document" },
  "tasks-key-only": { vi: "Chỉ nhiệm vụ trọng tâm", en: "Key tasks only" },
  "tasks-clear": { vi: "Bỏ lọc", en: "Clear filters" },
  "tasks-col-task": { vi: "Nhiệm vụ", en: "Task" },
  "tasks-col-body": { vi: "Cơ quan thực hiện", en: "Body" },
  "tasks-col-deadline": { vi: "Thời hạn", en: "Deadline" },
  "tasks-col-progress": { vi: "Tiến độ", en: "Progress" },
  "tasks-col-status": { vi: "Tình trạng", en: "Status" },
  "tasks-key": { vi: "Trọng tâm", en: "Key" },
  "tasks-total": { vi: "{count} phân công", en: "{count} assignments" },
  "tasks-empty": {
    vi: "Không có nhiệm vụ nào khớp bộ lọc. Bỏ bớt điều kiện lọc để xem thêm.",
    en: "No task matches these filters. Remove some to see more.",
  },
  "tasks-sort": { vi: "Sắp xếp", en: "Sort" },
  "sort-deadline": { vi: "Hạn gần nhất trước", en: "Nearest deadline first" },
  "sort--deadline": { vi: "Hạn xa nhất trước", en: "Latest deadline first" },
  "sort-updated": { vi: "Cập nhật cũ nhất trước", en: "Least recently updated" },
  "sort--updated": { vi: "Cập nhật mới nhất trước", en: "Most recently updated" },
  "sort-organisation": { vi: "Theo cơ quan", en: "By body" },
  "sort-percent": { vi: "Tiến độ thấp trước", en: "Lowest progress first" },
  "sort--percent": { vi: "Tiến độ cao trước", en: "Highest progress first" },
  "tasks-filtered-organisation": { vi: "Cơ quan: {name}", en: "Body: {name}" },

  // Assignment drawer
  "assignment-title": { vi: "Phân công", en: "Assignment" },
  "assignment-document": { vi: "Văn bản", en: "Document" },
  "assignment-body": { vi: "Cơ quan thực hiện", en: "Body" },
  "assignment-deadline": { vi: "Thời hạn", en: "Deadline" },
  "assignment-status": { vi: "Tình trạng", en: "Status" },
  "assignment-progress": { vi: "Tiến độ", en: "Progress" },
  "assignment-expected": { vi: "Sản phẩm", en: "Expected output" },
  "assignment-completed": { vi: "Ngày hoàn thành", en: "Completed on" },
  "assignment-transferred": {
    vi: "Phân công đã chuyển cho cơ quan kế nhiệm, không cập nhật tại đây",
    en: "Transferred to a successor body; it is not updated here",
  },
  "assignment-updates": { vi: "Các lần cập nhật ({count})", en: "Updates ({count})" },
  "assignment-no-updates": {
    vi: "Chưa có cập nhật tiến độ nào. Cán bộ đơn vị báo cáo tiến độ ở biểu mẫu dưới đây.",
    en: "No progress reported yet. The unit officer reports progress with the form below.",
  },
  "update-by": { vi: "{author}, {date}", en: "{author}, {date}" },
  "update-state-submitted": { vi: "Chờ duyệt", en: "Awaiting review" },
  "update-state-approved": { vi: "Đã duyệt", en: "Approved" },
  "update-state-returned": { vi: "Trả lại", en: "Returned" },
  "update-review-note": { vi: "Ý kiến: {note}", en: "Note: {note}" },
  "update-approve": { vi: "Duyệt", en: "Approve" },
  "update-return": { vi: "Trả lại", en: "Return" },
  "update-return-reason": { vi: "Lý do trả lại", en: "Why it is returned" },
  "update-return-reason-required": { vi: "Nhập lý do trả lại", en: "Give the reason" },
  "update-approved": { vi: "Đã duyệt cập nhật", en: "Update approved" },
  "update-returned": { vi: "Đã trả lại cập nhật", en: "Update returned" },

  // Progress form
  "progress-title": { vi: "Báo cáo tiến độ", en: "Report progress" },
  "progress-percent": { vi: "Mức hoàn thành (%)", en: "Done (%)" },
  "progress-narrative": { vi: "Kết quả thực hiện", en: "What was done" },
  "progress-narrative-required": { vi: "Nêu kết quả thực hiện", en: "Say what was done" },
  "progress-completed-at": { vi: "Ngày hoàn thành", en: "Completed on" },
  "progress-evidence": { vi: "Tài liệu minh chứng", en: "Evidence files" },
  "progress-evidence-hint": {
    vi: "PDF, DOCX, XLSX, JPG, PNG hoặc TXT; tải lên trước khi gửi",
    en: "PDF, DOCX, XLSX, JPG, PNG or TXT; uploaded before sending",
  },
  "progress-upload": { vi: "Chọn tệp", en: "Choose a file" },
  "progress-submit": { vi: "Gửi báo cáo", en: "Send the report" },
  "progress-saved": { vi: "Đã ghi nhận tiến độ", en: "Progress recorded" },
  "progress-uploaded": { vi: "Đã tải lên {name}", en: "{name} uploaded" },
  "progress-stale": {
    vi: "Phân công vừa được người khác cập nhật; đã tải lại số liệu mới, vui lòng kiểm tra rồi gửi lại.",
    en: "Someone else has just updated this assignment; the new figures are loaded: check and send again.",
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageKey = keyof typeof messages;
export type Lang = "vi" | "en";
export type MessageParams = Record<string, string | number>;

export function translate(key: MessageKey, lang: Lang, params: MessageParams = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
