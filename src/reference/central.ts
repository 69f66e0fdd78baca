// The central bodies documents name: the Party's Central Committee and its organs, the National
// Assembly, the Government and its ministries, the Fatherland Front, the socio-political
// organisations and the main Party press, with the 2025 changes.
import { aliasesFor, type OrgKind, type OrgSeed } from "./types.ts";

// The central Party boards merged, and the Party cadre committee of the Government and the Party
// delegations of the National Assembly and the Fatherland Front gave way to Party committees, by
// Politburo decisions announced in late January 2025 (after Kết luận 121-KL/TW). The day of each
// decision is not recorded here: we take 1 February 2025 for all of them.
export const CENTRAL_PARTY_REFORM_2025 = "2025-02-01";
const BEFORE_CENTRAL_PARTY_REFORM = "2025-01-31";
// The Government's new structure, 14 ministries and 3 ministry-level agencies (Nghị quyết
// 176/2025/QH15 of 18 February 2025), in force with the ministries' decrees from 1 March 2025.
export const MINISTRY_REFORM_2025 = "2025-03-01";
const BEFORE_MINISTRY_REFORM = "2025-02-28";

type Row = readonly [
  code: string,
  name: string,
  kind: OrgKind,
  parentCode: string | null,
  forms: readonly string[],
  validity?: { from?: string; to?: string; successors?: readonly string[] },
];

const PARTY_UNTIL = (...successors: string[]) => ({ to: BEFORE_CENTRAL_PARTY_REFORM, successors });
const PARTY_FROM = { from: CENTRAL_PARTY_REFORM_2025 };
const MINISTRY_UNTIL = (...successors: string[]) => ({ to: BEFORE_MINISTRY_REFORM, successors });
const MINISTRY_FROM = { from: MINISTRY_REFORM_2025 };

const ROWS: readonly Row[] = [
  // Party
  [
    "TW-BCH",
    "Ban Chấp hành Trung ương Đảng",
    "party_committee",
    null,
    [
      "Ban Chấp hành Trung ương",
      "BCH Trung ương",
      "BCHTW",
      "Trung ương Đảng",
      "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam",
    ],
  ],
  ["TW-BCT", "Bộ Chính trị", "party_standing_board", "TW-BCH", ["BCT"]],
  ["TW-BBT", "Ban Bí thư", "party_standing_office", "TW-BCH", ["Ban Bí thư Trung ương Đảng", "BBT"]],
  ["TW-UBKT", "Ủy ban Kiểm tra Trung ương", "party_inspection", "TW-BCH", ["UBKT Trung ương", "UBKTTW"]],
  ["TW-BTC", "Ban Tổ chức Trung ương", "party_board", "TW-BCH", ["BTCTW"]],
  [
    "TW-BTG",
    "Ban Tuyên giáo Trung ương",
    "party_board",
    "TW-BCH",
    ["BTGTW", "Ban TGTW"],
    PARTY_UNTIL("TW-BTGDV"),
  ],
  [
    "TW-BDV",
    "Ban Dân vận Trung ương",
    "party_board",
    "TW-BCH",
    ["BDVTW", "Ban DVTW"],
    PARTY_UNTIL("TW-BTGDV"),
  ],
  [
    "TW-BTGDV",
    "Ban Tuyên giáo và Dân vận Trung ương",
    "party_board",
    "TW-BCH",
    ["Ban Tuyên giáo - Dân vận Trung ương", "Ban TG&DV Trung ương", "BTGDVTW"],
    PARTY_FROM,
  ],
  ["TW-BNC", "Ban Nội chính Trung ương", "party_board", "TW-BCH", ["BNCTW"]],
  ["TW-BKT", "Ban Kinh tế Trung ương", "party_board", "TW-BCH", ["BKTTW"], PARTY_UNTIL("TW-BCSCL")],
  [
    "TW-BCSCL",
    "Ban Chính sách, chiến lược Trung ương",
    "party_board",
    "TW-BCH",
    ["Ban Chính sách, Chiến lược Trung ương", "Ban Chính sách chiến lược Trung ương"],
    PARTY_FROM,
  ],
  // its work went to the Ministry of Foreign Affairs
  ["TW-BDN", "Ban Đối ngoại Trung ương", "party_board", "TW-BCH", ["BĐNTW"], PARTY_UNTIL("TW-BO-NG")],
  ["TW-VP", "Văn phòng Trung ương Đảng", "party_office", "TW-BCH", ["Văn phòng Trung ương", "VPTW"]],
  [
    "TW-DUK-CQ",
    "Đảng ủy Khối các cơ quan Trung ương",
    "party_committee",
    "TW-BCH",
    ["Đảng ủy Khối các cơ quan TW"],
    PARTY_UNTIL("TW-DU-CQD"),
  ],
  [
    "TW-DUK-DN",
    "Đảng ủy Khối Doanh nghiệp Trung ương",
    "party_committee",
    "TW-BCH",
    ["Đảng ủy Khối Doanh nghiệp TW"],
    PARTY_UNTIL("TW-DU-CP"),
  ],
  [
    "TW-DU-CQD",
    "Đảng ủy các cơ quan Đảng Trung ương",
    "party_committee",
    "TW-BCH",
    ["Đảng bộ các cơ quan Đảng Trung ương"],
    PARTY_FROM,
  ],
  ["TW-DD-QH", "Đảng đoàn Quốc hội", "party_delegation", "TW-BCH", [], PARTY_UNTIL("TW-DU-QH")],
  ["TW-DU-QH", "Đảng ủy Quốc hội", "party_committee", "TW-BCH", ["Đảng bộ Quốc hội"], PARTY_FROM],
  [
    "TW-BCSD-CP",
    "Ban cán sự đảng Chính phủ",
    "party_cadre_committee",
    "TW-BCH",
    ["BCS đảng Chính phủ"],
    PARTY_UNTIL("TW-DU-CP"),
  ],
  ["TW-DU-CP", "Đảng ủy Chính phủ", "party_committee", "TW-BCH", ["Đảng bộ Chính phủ"], PARTY_FROM],
  [
    "TW-DD-MTTQ",
    "Đảng đoàn Mặt trận Tổ quốc Việt Nam",
    "party_delegation",
    "TW-BCH",
    ["Đảng đoàn MTTQ Việt Nam", "Đảng đoàn Ủy ban Trung ương MTTQ Việt Nam"],
    PARTY_UNTIL("TW-DU-MTTQ"),
  ],
  [
    "TW-DU-MTTQ",
    "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương",
    "party_committee",
    "TW-BCH",
    ["Đảng ủy MTTQ, các đoàn thể Trung ương", "Đảng bộ Mặt trận Tổ quốc, các đoàn thể Trung ương"],
    PARTY_FROM,
  ],
  ["TW-QUT", "Quân ủy Trung ương", "party_committee", "TW-BCH", ["QUTW"]],
  ["TW-DU-CA", "Đảng ủy Công an Trung ương", "party_committee", "TW-BCH", ["ĐUCA Trung ương"]],
  // State
  ["TW-QH", "Quốc hội", "other", null, ["Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam"]],
  ["TW-QH-UBTV", "Ủy ban Thường vụ Quốc hội", "other", "TW-QH", ["UBTVQH"]],
  ["TW-CTN", "Chủ tịch nước", "other", null, ["Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam"]],
  ["TW-CP", "Chính phủ", "other", null, ["Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"]],
  ["TW-TTG", "Thủ tướng Chính phủ", "other", "TW-CP", ["Thủ tướng", "TTg"]],
  ["TW-VPCP", "Văn phòng Chính phủ", "department", "TW-CP", ["VPCP"]],
  ["TW-BO-QP", "Bộ Quốc phòng", "department", "TW-CP", []],
  ["TW-BO-CA", "Bộ Công an", "department", "TW-CP", []],
  ["TW-BO-NG", "Bộ Ngoại giao", "department", "TW-CP", []],
  ["TW-BO-NV", "Bộ Nội vụ", "department", "TW-CP", []],
  ["TW-BO-TP", "Bộ Tư pháp", "department", "TW-CP", []],
  [
    "TW-BO-KHDT",
    "Bộ Kế hoạch và Đầu tư",
    "department",
    "TW-CP",
    ["Bộ KH&ĐT", "Bộ KHĐT"],
    MINISTRY_UNTIL("TW-BO-TC"),
  ],
  ["TW-BO-TC", "Bộ Tài chính", "department", "TW-CP", []],
  ["TW-BO-CT", "Bộ Công Thương", "department", "TW-CP", []],
  [
    "TW-BO-NNPTNT",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "department",
    "TW-CP",
    ["Bộ NN&PTNT", "Bộ NNPTNT"],
    MINISTRY_UNTIL("TW-BO-NNMT"),
  ],
  [
    "TW-BO-TNMT",
    "Bộ Tài nguyên và Môi trường",
    "department",
    "TW-CP",
    ["Bộ TN&MT", "Bộ TNMT"],
    MINISTRY_UNTIL("TW-BO-NNMT"),
  ],
  [
    "TW-BO-NNMT",
    "Bộ Nông nghiệp và Môi trường",
    "department",
    "TW-CP",
    ["Bộ NN&MT", "Bộ NNMT"],
    MINISTRY_FROM,
  ],
  ["TW-BO-GTVT", "Bộ Giao thông vận tải", "department", "TW-CP", ["Bộ GTVT"], MINISTRY_UNTIL("TW-BO-XD")],
  ["TW-BO-XD", "Bộ Xây dựng", "department", "TW-CP", []],
  [
    "TW-BO-TTTT",
    "Bộ Thông tin và Truyền thông",
    "department",
    "TW-CP",
    ["Bộ TT&TT", "Bộ TTTT"],
    MINISTRY_UNTIL("TW-BO-KHCN"),
  ],
  ["TW-BO-KHCN", "Bộ Khoa học và Công nghệ", "department", "TW-CP", ["Bộ KH&CN", "Bộ KHCN"]],
  [
    "TW-BO-LDTBXH",
    "Bộ Lao động - Thương binh và Xã hội",
    "department",
    "TW-CP",
    ["Bộ LĐ-TB&XH", "Bộ LĐTBXH"],
    MINISTRY_UNTIL("TW-BO-NV"),
  ],
  ["TW-BO-VHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "department", "TW-CP", ["Bộ VH,TT&DL", "Bộ VHTTDL"]],
  ["TW-BO-GDDT", "Bộ Giáo dục và Đào tạo", "department", "TW-CP", ["Bộ GD&ĐT", "Bộ GDĐT"]],
  ["TW-BO-YT", "Bộ Y tế", "department", "TW-CP", []],
  ["TW-UBDT", "Ủy ban Dân tộc", "department", "TW-CP", ["UBDT"], MINISTRY_UNTIL("TW-BO-DTTG")],
  ["TW-BO-DTTG", "Bộ Dân tộc và Tôn giáo", "department", "TW-CP", ["Bộ DT&TG"], MINISTRY_FROM],
  ["TW-NHNN", "Ngân hàng Nhà nước Việt Nam", "department", "TW-CP", ["Ngân hàng Nhà nước", "NHNN"]],
  ["TW-TTCP", "Thanh tra Chính phủ", "department", "TW-CP", ["TTCP"]],
  ["TW-TANDTC", "Tòa án nhân dân tối cao", "other", null, ["TAND tối cao", "TANDTC"]],
  ["TW-VKSNDTC", "Viện kiểm sát nhân dân tối cao", "other", null, ["VKSND tối cao", "VKSNDTC"]],
  // Fatherland Front and socio-political organisations
  [
    "TW-MTTQ",
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "fatherland_front",
    null,
    [
      "Ủy ban Trung ương MTTQ Việt Nam",
      "UBTƯ MTTQ Việt Nam",
      "UBTW MTTQ Việt Nam",
      "Mặt trận Tổ quốc Việt Nam",
      "MTTQ Việt Nam",
    ],
  ],
  [
    "TW-DOAN",
    "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "socio_political",
    null,
    [
      "Trung ương Đoàn",
      "Trung ương Đoàn TNCS Hồ Chí Minh",
      "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh",
      "Ban Bí thư Trung ương Đoàn",
    ],
  ],
  [
    "TW-HLHPN",
    "Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
    "socio_political",
    null,
    ["Hội Liên hiệp Phụ nữ Việt Nam", "Hội LHPN Việt Nam", "Trung ương Hội LHPN Việt Nam"],
  ],
  [
    "TW-HND",
    "Trung ương Hội Nông dân Việt Nam",
    "socio_political",
    null,
    ["Hội Nông dân Việt Nam", "Trung ương Hội Nông dân"],
  ],
  [
    "TW-HCCB",
    "Trung ương Hội Cựu chiến binh Việt Nam",
    "socio_political",
    null,
    ["Hội Cựu chiến binh Việt Nam", "Hội CCB Việt Nam"],
  ],
  [
    "TW-TLD",
    "Tổng Liên đoàn Lao động Việt Nam",
    "socio_political",
    null,
    ["Tổng LĐLĐ Việt Nam", "Tổng Liên đoàn"],
  ],
  // Press of the Party and the State
  ["TW-BAO-ND", "Báo Nhân Dân", "press", "TW-BCH", ["Báo Nhân dân"]],
  ["TW-TCCS", "Tạp chí Cộng sản", "press", "TW-BCH", []],
  ["TW-VTV", "Đài Truyền hình Việt Nam", "press", "TW-CP", ["VTV"]],
  ["TW-VOV", "Đài Tiếng nói Việt Nam", "press", "TW-CP", ["VOV"]],
];

/** "Trung ương" is also written "TW" and "TƯ" ("Ban Tuyên giáo TW", "UBKT TƯ"). */
function centralSpellings(forms: readonly string[]): string[] {
  return forms.flatMap((f) =>
    f.includes("Trung ương") ? [f, f.replaceAll("Trung ương", "TW"), f.replaceAll("Trung ương", "TƯ")] : [f],
  );
}

/** The central bodies, Party first, each with its validity and the names documents use. */
export function centralBodies(): OrgSeed[] {
  return ROWS.map(([code, name, kind, parentCode, forms, validity]) => ({
    code,
    name,
    kind,
    level: "central",
    parentCode,
    validFrom: validity?.from ?? null,
    validTo: validity?.to ?? null,
    successorCodes: [...(validity?.successors ?? [])],
    aliases: aliasesFor(name, centralSpellings([name, ...forms])),
  }));
}
