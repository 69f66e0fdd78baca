// The standard bodies of an administrative unit — province, district (until 30 June 2025) or commune
// (from 1 July 2025) — with their kinds, parents, validity, successors and the names documents use.
//
// A body's code is its unit's code, "-", and a key ("P51-UBND", "P51-TU-BTV", "P51-D522-HU"); its
// validity is its own (a board merged in 2025) clipped to its unit's. When a body ends, its successor
// is found by key: in the same unit if the unit goes on (Ban Tuyên giáo → Ban Tuyên giáo và Dân vận),
// else in each successor unit (Sở Tài chính of Kon Tum → Sở Tài chính of the new Quảng Ngãi), following
// the successor unit's own history (Ban Tuyên giáo of Thừa Thiên Huế → Ban Tuyên giáo of Thành ủy Huế).
// A district body's successor is the body of the new province that does the same work: the district
// level was abolished on 1 July 2025 and its work went to the new communes and the province; the
// communes are not in this data, so the province's counterpart is where open work goes by default.
import { provinceByCode, spellingsOf } from "./provinces.ts";
import { aliasesFor, nextDay, type OrgKind, type OrgSeed, validOn } from "./types.ts";

// Party side: the provincial propaganda and mass-mobilisation boards merged into the Ban Tuyên giáo và
// Dân vận, and the Party cadre committee of the People's Committee and the Party delegations of the
// People's Council and the Fatherland Front gave way to the Đảng ủy UBND tỉnh and the Đảng ủy các cơ
// quan Đảng tỉnh, following Kết luận 121-KL/TW (January 2025) on the review of Nghị quyết 18-NQ/TW.
// Provinces carried this out between February and March 2025 on different days; we take 1 March 2025
// everywhere. District committees merged their two boards the same way in the same months.
export const PARTY_REFORM_2025 = "2025-03-01";
// State side: the merged departments (Nghị định 45/2025/NĐ-CP on the specialised agencies of
// provincial People's Committees, in force from 1 March 2025); provinces set them up between late
// February and March 2025. We take 1 March 2025 everywhere.
export const DEPARTMENT_REFORM_2025 = "2025-03-01";
// Press: each province's newspaper and radio-television station merged into one "Báo và Phát thanh,
// Truyền hình" between spring and summer 2025; the day differed by province, and the merged provinces
// did it with the merger, so we take 1 July 2025 (Nghị quyết 202/2025/QH15) everywhere.
export const PRESS_REFORM_2025 = "2025-07-01";

const BEFORE_PARTY_REFORM = "2025-02-28";
const BEFORE_DEPARTMENT_REFORM = "2025-02-28";
const BEFORE_PRESS_REFORM = "2025-06-30";

/** How a unit's bodies are named: the words around its place name. */
export interface UnitProfile {
  level: "province" | "district" | "commune";
  /** The unit's name without its type word: "Quảng Ngãi", "Bình Sơn". */
  shortName: string;
  /** "tỉnh", "thành phố", "Thành phố" (Hồ Chí Minh), "huyện", "thị xã", "xã", "phường", "đặc khu". */
  levelWord: string;
  /** The level word with the name, in every form documents use; the first is the canonical one. */
  places: string[];
  /** What follows a committee word: "Tỉnh ủy Quảng Ngãi", "Thành ủy TP.HCM". */
  names: string[];
  /** "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Thị ủy", "Đảng ủy xã"… */
  committee: string;
  /** "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn", "Thị đoàn". */
  youth: string;
  /** "tu" for a Tỉnh ủy or Thành ủy of a province, else "": the compact codes BTGTU, VPTU… */
  compact: string;
  /** Province-level cities whose departments and press differ from the common set. */
  special: "hanoi" | "hcm" | null;
  /** Commune type, which decides its economic department. */
  communeType: "commune" | "ward" | "special_zone" | null;
}

interface BodyDef {
  key: string;
  /** Key of the parent body; null: the unit itself. */
  parent: string | null;
  kind: OrgKind;
  name: string;
  forms: string[];
  from?: string;
  to?: string;
  /** Keys, in the same unit, of the bodies that took over when this one ended. */
  successors?: string[];
}

const PREFIXES: readonly (readonly [string, UnitProfile["level"], string])[] = [
  ["Tỉnh ", "province", "tỉnh"],
  ["Thành phố ", "province", "thành phố"],
  ["Huyện ", "district", "huyện"],
  ["Thị xã ", "district", "thị xã"],
  ["Thành phố ", "district", "thành phố"],
  ["Xã ", "commune", "xã"],
  ["Phường ", "commune", "phường"],
  ["Đặc khu ", "commune", "đặc khu"],
];

/** How the bodies of `unit` are named, from its level and name ("Tỉnh Quảng Ngãi", "Thị xã Đức Phổ"). */
export function profileOf(unit: OrgSeed): UnitProfile {
  const hit = PREFIXES.find(([prefix, level]) => level === unit.level && unit.name.startsWith(prefix));
  if (!hit) throw new Error(`cannot tell the type of unit ${unit.code} "${unit.name}"`);
  const [prefix, level, word] = hit;
  const shortName = unit.name.slice(prefix.length);
  const base = { level, shortName, levelWord: word, special: null, communeType: null, compact: "" };
  if (level === "province") {
    const city = word === "thành phố";
    if (shortName === "Hồ Chí Minh") {
      const places = [
        "Thành phố Hồ Chí Minh",
        "TP.HCM",
        "TP. Hồ Chí Minh",
        "TP Hồ Chí Minh",
        "TP. HCM",
        "TPHCM",
      ];
      return {
        ...base,
        levelWord: "Thành phố",
        places,
        names: places,
        committee: "Thành ủy",
        youth: "Thành đoàn",
        compact: "tu",
        special: "hcm",
      };
    }
    const names = spellingsOf(shortName);
    return {
      ...base,
      places: names.flatMap((n) => (city ? [`thành phố ${n}`, `TP ${n}`, `TP. ${n}`] : [`tỉnh ${n}`])),
      names,
      committee: city ? "Thành ủy" : "Tỉnh ủy",
      youth: city ? "Thành đoàn" : "Tỉnh đoàn",
      compact: "tu",
      special: shortName === "Hà Nội" ? "hanoi" : null,
    };
  }
  if (level === "district") {
    const places =
      word === "thành phố"
        ? [`thành phố ${shortName}`, `TP ${shortName}`, `TP. ${shortName}`]
        : word === "thị xã"
          ? [`thị xã ${shortName}`, `TX ${shortName}`, `TX. ${shortName}`]
          : [`huyện ${shortName}`];
    const head = word === "thành phố" ? "Thành" : word === "thị xã" ? "Thị" : "Huyện";
    return { ...base, places, names: [shortName], committee: `${head} ủy`, youth: `${head} đoàn` };
  }
  return {
    ...base,
    places: [`${word} ${shortName}`],
    names: [shortName],
    committee: `Đảng ủy ${word}`,
    youth: `Đoàn ${word}`,
    communeType: word === "phường" ? "ward" : word === "đặc khu" ? "special_zone" : "commune",
  };
}

// --- name builders -------------------------------------------------------------------------------

/** Bodies named by level word: "UBND" → "UBND tỉnh", "UBND tỉnh Quảng Ngãi". */
function atLevel(p: UnitProfile, ...stems: string[]): string[] {
  return stems.flatMap((s) => [`${s} ${p.levelWord}`, ...p.places.map((pl) => `${s} ${pl}`)]);
}

/** Bodies of the Party committee: "Ban Tổ chức" → "Ban Tổ chức Tỉnh ủy", "Ban Tổ chức Tỉnh ủy Quảng Ngãi". */
function ofCommittee(p: UnitProfile, ...stems: string[]): string[] {
  return stems.flatMap((s) => {
    const head = s ? `${s} ${p.committee}` : p.committee;
    return [head, ...p.names.map((n) => `${head} ${n}`)];
  });
}

/** A department: bare, with the level word, with the place ("Sở KH&CN", "Sở KH&CN tỉnh Quảng Ngãi"). */
function department(p: UnitProfile, ...stems: string[]): string[] {
  return stems.flatMap((s) => [
    s,
    ...atLevel(p, s),
    // "Sở Tài chính Quảng Ngãi"; a district's bare name can be ambiguous (Long Mỹ), so not there
    ...(p.level === "province" && p.special !== "hcm" ? p.names.map((n) => `${s} ${n}`) : []),
  ]);
}

/** "BTGTU", "VPTU": the compact board codes of a provincial committee, as in document symbols. */
function compact(p: UnitProfile, ...codes: string[]): string[] {
  return p.compact ? codes.map((c) => `${c}${p.compact.toUpperCase()}`) : [];
}

const canonical = {
  level: (p: UnitProfile, stem: string) => `${stem} ${p.places[0]}`,
  committee: (p: UnitProfile, stem: string) => `${stem ? `${stem} ` : ""}${p.committee} ${p.names[0]}`,
};

function def(
  key: string,
  parent: string | null,
  kind: OrgKind,
  name: string,
  forms: string[],
  extra: Partial<Pick<BodyDef, "from" | "to" | "successors">> = {},
): BodyDef {
  return { key, parent, kind, name, forms, ...extra };
}

// --- the bodies ----------------------------------------------------------------------------------

/** The Party committee, its standing board and standing office, and its boards; `k` is the key prefix. */
function partyCommittee(p: UnitProfile, k: string, boards: "province" | "district"): BodyDef[] {
  const cm = (stem: string) => canonical.committee(p, stem);
  const merged = { from: PARTY_REFORM_2025 };
  const mergedAway = { to: BEFORE_PARTY_REFORM, successors: [`${k}-BTGDV`] };
  const out = [
    def(k, null, "party_committee", cm(""), [
      ...ofCommittee(p, ""),
      ...atLevel(p, "Ban Chấp hành Đảng bộ", "BCH Đảng bộ", "Đảng bộ"),
    ]),
    def(`${k}-BTV`, k, "party_standing_board", cm("Ban Thường vụ"), ofCommittee(p, "Ban Thường vụ", "BTV")),
    def(`${k}-TT`, k, "party_standing_office", cm("Thường trực"), ofCommittee(p, "Thường trực")),
    def(`${k}-BTC`, k, "party_board", cm("Ban Tổ chức"), [
      ...ofCommittee(p, "Ban Tổ chức", "BTC", "Ban TC"),
      ...compact(p, "BTC"),
    ]),
    def(
      `${k}-BTG`,
      k,
      "party_board",
      cm("Ban Tuyên giáo"),
      [...ofCommittee(p, "Ban Tuyên giáo", "BTG", "Ban TG"), ...compact(p, "BTG")],
      mergedAway,
    ),
    def(
      `${k}-BDV`,
      k,
      "party_board",
      cm("Ban Dân vận"),
      [...ofCommittee(p, "Ban Dân vận", "BDV", "Ban DV"), ...compact(p, "BDV")],
      mergedAway,
    ),
    def(
      `${k}-BTGDV`,
      k,
      "party_board",
      cm("Ban Tuyên giáo và Dân vận"),
      [
        ...ofCommittee(
          p,
          "Ban Tuyên giáo và Dân vận",
          "Ban Tuyên giáo - Dân vận",
          "Ban TG&DV",
          "Ban TGDV",
          "BTGDV",
        ),
        ...compact(p, "BTGDV"),
      ],
      merged,
    ),
    def(`${k}-UBKT`, k, "party_inspection", cm("Ủy ban Kiểm tra"), [
      ...ofCommittee(p, "Ủy ban Kiểm tra", "UBKT"),
      ...compact(p, "UBKT"),
    ]),
  ];
  if (boards === "province")
    out.push(
      def(`${k}-BNC`, k, "party_board", cm("Ban Nội chính"), [
        ...ofCommittee(p, "Ban Nội chính", "BNC"),
        ...compact(p, "BNC"),
      ]),
    );
  out.push(
    def(`${k}-VP`, k, "party_office", cm("Văn phòng"), [
      ...ofCommittee(p, "Văn phòng", "VP"),
      ...compact(p, "VP"),
    ]),
  );
  return out;
}

/** The Party cadre committee and delegations of a province until 2025, and the committees after them. */
function provincialPartyGroups(p: UnitProfile): BodyDef[] {
  const lv = (stem: string) => canonical.level(p, stem);
  const until = (successor: string) => ({ to: BEFORE_PARTY_REFORM, successors: [successor] });
  const from = { from: PARTY_REFORM_2025 };
  return [
    def(
      "BCSD-UBND",
      "TU",
      "party_cadre_committee",
      lv("Ban cán sự đảng Ủy ban nhân dân"),
      atLevel(p, "Ban cán sự đảng UBND", "BCS đảng UBND", "Ban cán sự đảng Ủy ban nhân dân"),
      until("DU-UBND"),
    ),
    def(
      "DD-HDND",
      "TU",
      "party_delegation",
      lv("Đảng đoàn Hội đồng nhân dân"),
      atLevel(p, "Đảng đoàn HĐND", "Đảng đoàn Hội đồng nhân dân"),
      until("DU-CQD"),
    ),
    def(
      "DD-MTTQ",
      "TU",
      "party_delegation",
      lv("Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam"),
      atLevel(p, "Đảng đoàn MTTQ", "Đảng đoàn Ủy ban MTTQ Việt Nam", "Đảng đoàn Mặt trận Tổ quốc Việt Nam"),
      until("DU-CQD"),
    ),
    def(
      "DU-UBND",
      "TU",
      "party_committee",
      lv("Đảng ủy Ủy ban nhân dân"),
      atLevel(p, "Đảng ủy UBND", "Đảng ủy Ủy ban nhân dân", "Đảng bộ UBND"),
      from,
    ),
    def(
      "DU-CQD",
      "TU",
      "party_committee",
      lv("Đảng ủy các cơ quan Đảng"),
      atLevel(p, "Đảng ủy các cơ quan Đảng", "Đảng bộ các cơ quan Đảng"),
      from,
    ),
  ];
}

/** People's Council, its standing office, People's Committee. */
function government(p: UnitProfile): BodyDef[] {
  const lv = (stem: string) => canonical.level(p, stem);
  return [
    def("HDND", null, "peoples_council", lv("Hội đồng nhân dân"), atLevel(p, "Hội đồng nhân dân", "HĐND")),
    def(
      "HDND-TT",
      "HDND",
      "peoples_council",
      lv("Thường trực Hội đồng nhân dân"),
      atLevel(p, "Thường trực HĐND", "Thường trực Hội đồng nhân dân", "TT HĐND"),
    ),
    def("UBND", null, "peoples_committee", lv("Ủy ban nhân dân"), atLevel(p, "Ủy ban nhân dân", "UBND")),
  ];
}

/** Fatherland Front and the socio-political organisations (youth union, women, farmers, veterans, labour). */
function massOrganisations(p: UnitProfile): BodyDef[] {
  const lv = (stem: string) => canonical.level(p, stem);
  // "Tỉnh đoàn" and "Tỉnh Đoàn" are both common
  const youthWords = [p.youth, p.youth.replace(" đoàn", " Đoàn")];
  const youth = [
    ...youthWords.flatMap((y) => [
      y,
      ...p.names.map((n) => `${y} ${n}`),
      `BTV ${y}`,
      `Ban Thường vụ ${y}`,
      ...p.names.map((n) => `Ban Thường vụ ${y} ${n}`),
    ]),
    ...atLevel(p, "Đoàn TNCS Hồ Chí Minh", "Đoàn Thanh niên", "Ban Chấp hành Đoàn TNCS Hồ Chí Minh"),
  ];
  return [
    def(
      "MTTQ",
      null,
      "fatherland_front",
      lv("Ủy ban Mặt trận Tổ quốc Việt Nam"),
      atLevel(
        p,
        "Ủy ban Mặt trận Tổ quốc Việt Nam",
        "Ủy ban MTTQ Việt Nam",
        "Ủy ban MTTQVN",
        "Ủy ban MTTQ",
        "UBMTTQ Việt Nam",
        "UBMTTQ",
        "Mặt trận Tổ quốc Việt Nam",
        "Mặt trận Tổ quốc",
        "MTTQ Việt Nam",
        "MTTQ",
      ),
    ),
    def("DTN", null, "socio_political", `${p.youth} ${p.names[0]}`, youth),
    def(
      "HLHPN",
      null,
      "socio_political",
      lv("Hội Liên hiệp Phụ nữ"),
      atLevel(p, "Hội Liên hiệp Phụ nữ", "Hội LHPN", "Hội Phụ nữ"),
    ),
    def("HND", null, "socio_political", lv("Hội Nông dân"), atLevel(p, "Hội Nông dân", "Hội ND")),
    def(
      "HCCB",
      null,
      "socio_political",
      lv("Hội Cựu chiến binh"),
      atLevel(p, "Hội Cựu chiến binh", "Hội CCB"),
    ),
    def("LDLD", null, "socio_political", lv("Liên đoàn Lao động"), atLevel(p, "Liên đoàn Lao động", "LĐLĐ")),
  ];
}

/** A department of a People's Committee: key, official name, other written forms. */
function dept(p: UnitProfile, key: string, stem: string, others: string[], extra = {}): BodyDef {
  return def(key, "UBND", "department", canonical.level(p, stem), department(p, stem, ...others), extra);
}

/** The provincial departments of 2024 and the merged ones of March 2025. */
function provincialDepartments(p: UnitProfile): BodyDef[] {
  const until = (successor: string) => ({ to: BEFORE_DEPARTMENT_REFORM, successors: [successor] });
  const culture =
    p.special !== null
      ? // Hà Nội and Hồ Chí Minh City have a Sở Văn hóa và Thể thao and a separate Sở Du lịch
        [
          dept(p, "SVHTT", "Sở Văn hóa và Thể thao", ["Sở VH&TT", "Sở VHTT"]),
          dept(p, "SDL", "Sở Du lịch", []),
        ]
      : [dept(p, "SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", ["Sở VH,TT&DL", "Sở VH-TT&DL", "Sở VHTTDL"])];
  return [
    def(
      "VPUB",
      "UBND",
      "department",
      canonical.level(p, "Văn phòng Ủy ban nhân dân"),
      atLevel(p, "Văn phòng Ủy ban nhân dân", "Văn phòng UBND", "VP UBND", "VPUBND"),
    ),
    dept(p, "SNV", "Sở Nội vụ", []),
    dept(p, "STP", "Sở Tư pháp", []),
    dept(p, "SKHDT", "Sở Kế hoạch và Đầu tư", ["Sở KH&ĐT", "Sở KHĐT"], until("STC")),
    dept(p, "STC", "Sở Tài chính", []),
    dept(p, "SCT", "Sở Công Thương", []),
    dept(
      p,
      "SNNPTNT",
      "Sở Nông nghiệp và Phát triển nông thôn",
      ["Sở NN&PTNT", "Sở NN và PTNT", "Sở NNPTNT"],
      until("SNNMT"),
    ),
    dept(p, "STNMT", "Sở Tài nguyên và Môi trường", ["Sở TN&MT", "Sở TNMT"], until("SNNMT")),
    dept(p, "SNNMT", "Sở Nông nghiệp và Môi trường", ["Sở NN&MT", "Sở NNMT"], {
      from: DEPARTMENT_REFORM_2025,
    }),
    dept(p, "SGTVT", "Sở Giao thông vận tải", ["Sở GTVT"], until("SXD")),
    dept(p, "SXD", "Sở Xây dựng", []),
    dept(p, "STTTT", "Sở Thông tin và Truyền thông", ["Sở TT&TT", "Sở TTTT"], until("SKHCN")),
    dept(p, "SKHCN", "Sở Khoa học và Công nghệ", ["Sở KH&CN", "Sở KHCN"]),
    dept(
      p,
      "SLDTBXH",
      "Sở Lao động - Thương binh và Xã hội",
      ["Sở LĐ-TB&XH", "Sở LĐTBXH", "Sở Lao động, Thương binh và Xã hội"],
      until("SNV"),
    ),
    ...culture,
    dept(p, "SGDDT", "Sở Giáo dục và Đào tạo", ["Sở GD&ĐT", "Sở GDĐT"]),
    dept(p, "SYT", "Sở Y tế", []),
    def("TTR", "UBND", "department", canonical.level(p, "Thanh tra"), atLevel(p, "Thanh tra")),
  ];
}

/** The provincial Party newspaper and radio-television station, and the merged body of 2025. */
function provincialPress(p: UnitProfile): BodyDef[] {
  if (p.special === "hanoi")
    return [
      def("BAO", "TU", "press", "Báo Hà Nội Mới", ["Báo Hà Nội mới", "Báo HNM"]),
      def("PTTH", "UBND", "press", "Đài Phát thanh và Truyền hình Hà Nội", [
        "Đài PT-TH Hà Nội",
        "Đài PTTH Hà Nội",
        "Đài Phát thanh - Truyền hình Hà Nội",
      ]),
    ];
  if (p.special === "hcm")
    return [
      def("BAO", "TU", "press", "Báo Sài Gòn Giải Phóng", ["Báo SGGP", "Báo Sài Gòn Giải phóng"]),
      def("HTV", "UBND", "press", "Đài Truyền hình Thành phố Hồ Chí Minh", [
        "HTV",
        "Đài Truyền hình TP.HCM",
        "Đài Truyền hình TP. Hồ Chí Minh",
      ]),
      def("VOH", "UBND", "press", "Đài Tiếng nói Nhân dân Thành phố Hồ Chí Minh", [
        "VOH",
        "Đài Tiếng nói Nhân dân TP.HCM",
        "Đài Tiếng nói Nhân dân TP. Hồ Chí Minh",
      ]),
    ];
  const n0 = p.names[0] as string;
  const until = { to: BEFORE_PRESS_REFORM, successors: ["BAO-PTTH"] };
  return [
    def(
      "BAO",
      "TU",
      "press",
      `Báo ${n0}`,
      p.names.map((n) => `Báo ${n}`),
      until,
    ),
    def(
      "PTTH",
      "UBND",
      "press",
      `Đài Phát thanh và Truyền hình ${n0}`,
      [
        ...p.names.flatMap((n) => [
          `Đài Phát thanh và Truyền hình ${n}`,
          `Đài Phát thanh - Truyền hình ${n}`,
          `Đài PT-TH ${n}`,
          `Đài PTTH ${n}`,
        ]),
        ...atLevel(p, "Đài Phát thanh và Truyền hình", "Đài PT-TH"),
      ],
      until,
    ),
    def(
      "BAO-PTTH",
      "TU",
      "press",
      `Báo và Phát thanh, Truyền hình ${n0}`,
      p.names.flatMap((n) => [
        `Báo và Phát thanh, Truyền hình ${n}`,
        `Báo và Phát thanh - Truyền hình ${n}`,
        `Báo và PT-TH ${n}`,
      ]),
      { from: PRESS_REFORM_2025 },
    ),
  ];
}

/** The district-level specialised agencies of 2024 (Nghị định 37/2014/NĐ-CP as amended by 108/2020/NĐ-CP). */
function districtDepartments(p: UnitProfile): BodyDef[] {
  const rural = p.levelWord === "huyện";
  return [
    def(
      "VP",
      "UBND",
      "department",
      canonical.level(p, "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"),
      atLevel(
        p,
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
        "Văn phòng HĐND và UBND",
        "Văn phòng HĐND&UBND",
        "VP HĐND và UBND",
      ),
    ),
    dept(p, "P-NV", "Phòng Nội vụ", []),
    dept(p, "P-TP", "Phòng Tư pháp", []),
    dept(p, "P-TCKH", "Phòng Tài chính - Kế hoạch", [
      "Phòng Tài chính Kế hoạch",
      "Phòng TC-KH",
      "Phòng TCKH",
    ]),
    dept(p, "P-TNMT", "Phòng Tài nguyên và Môi trường", ["Phòng TN&MT", "Phòng TNMT"]),
    dept(p, "P-LDTBXH", "Phòng Lao động - Thương binh và Xã hội", ["Phòng LĐ-TB&XH", "Phòng LĐTBXH"]),
    dept(p, "P-VHTT", "Phòng Văn hóa và Thông tin", ["Phòng VH&TT", "Phòng VHTT"]),
    dept(p, "P-GDDT", "Phòng Giáo dục và Đào tạo", ["Phòng GD&ĐT", "Phòng GDĐT"]),
    dept(p, "P-YT", "Phòng Y tế", []),
    ...(rural
      ? [
          dept(p, "P-NNPTNT", "Phòng Nông nghiệp và Phát triển nông thôn", ["Phòng NN&PTNT", "Phòng NNPTNT"]),
          dept(p, "P-KTHT", "Phòng Kinh tế và Hạ tầng", [
            "Phòng KT&HT",
            "Phòng KTHT",
            "Phòng Kinh tế - Hạ tầng",
          ]),
        ]
      : [dept(p, "P-KT", "Phòng Kinh tế", []), dept(p, "P-QLDT", "Phòng Quản lý đô thị", ["Phòng QLĐT"])]),
    def("TTR", "UBND", "department", canonical.level(p, "Thanh tra"), atLevel(p, "Thanh tra")),
  ];
}

/**
 * The commune's Party committee and its bodies, council, committee and departments from 1 July 2025
 * (Nghị định 150/2025/NĐ-CP on commune-level specialised agencies: an office, an economic department
 * — Phòng Kinh tế, Hạ tầng và Đô thị in a ward — and a culture and society department).
 */
function communeDefs(p: UnitProfile): BodyDef[] {
  const cm = (stem: string) => canonical.committee(p, stem);
  const economy =
    p.communeType === "ward"
      ? dept(p, "P-KTHTDT", "Phòng Kinh tế, Hạ tầng và Đô thị", [
          "Phòng Kinh tế - Hạ tầng và Đô thị",
          "Phòng KT, HT&ĐT",
          "Phòng KTHTĐT",
        ])
      : dept(p, "P-KT", "Phòng Kinh tế", []);
  return [
    def("DU", null, "party_committee", cm(""), [
      ...ofCommittee(p, ""),
      ...atLevel(p, "Ban Chấp hành Đảng bộ", "Đảng bộ"),
    ]),
    def("DU-BTV", "DU", "party_standing_board", cm("Ban Thường vụ"), ofCommittee(p, "Ban Thường vụ", "BTV")),
    def(
      "DU-UBKT",
      "DU",
      "party_inspection",
      cm("Ủy ban Kiểm tra"),
      ofCommittee(p, "Ủy ban Kiểm tra", "UBKT"),
    ),
    def("DU-BXDD", "DU", "party_board", cm("Ban Xây dựng Đảng"), [
      ...ofCommittee(p, "Ban Xây dựng Đảng"),
      ...atLevel(p, "Ban Xây dựng Đảng"),
    ]),
    def("DU-VP", "DU", "party_office", cm("Văn phòng"), ofCommittee(p, "Văn phòng")),
    ...government(p),
    def(
      "VP",
      "UBND",
      "department",
      canonical.level(p, "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"),
      atLevel(
        p,
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
        "Văn phòng HĐND và UBND",
        "VP HĐND và UBND",
      ),
    ),
    economy,
    dept(p, "P-VHXH", "Phòng Văn hóa - Xã hội", ["Phòng Văn hóa Xã hội", "Phòng VH-XH", "Phòng VHXH"]),
    def(
      "TTHCC",
      "UBND",
      "other",
      canonical.level(p, "Trung tâm Phục vụ hành chính công"),
      atLevel(p, "Trung tâm Phục vụ hành chính công", "Trung tâm PVHCC"),
    ),
    def(
      "MTTQ",
      null,
      "fatherland_front",
      canonical.level(p, "Ủy ban Mặt trận Tổ quốc Việt Nam"),
      atLevel(p, "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban MTTQ Việt Nam", "Ủy ban MTTQ", "UBMTTQ", "MTTQ"),
    ),
  ];
}

// Definitions depend only on a unit's level and name; successor look-ups ask for them often.
const definitionCache = new Map<string, BodyDef[]>();

function definitionsOf(unit: OrgSeed): BodyDef[] {
  const key = `${unit.level}|${unit.name}`;
  let defs = definitionCache.get(key);
  if (!defs) {
    defs = definitions(profileOf(unit));
    definitionCache.set(key, defs);
  }
  return defs;
}

function definitions(p: UnitProfile): BodyDef[] {
  if (p.level === "province")
    return [
      ...partyCommittee(p, "TU", "province"),
      ...provincialPartyGroups(p),
      ...government(p),
      ...provincialDepartments(p),
      ...massOrganisations(p),
      ...provincialPress(p),
    ];
  if (p.level === "district")
    return [
      ...partyCommittee(p, "HU", "district"),
      ...government(p),
      ...districtDepartments(p),
      ...massOrganisations(p),
    ];
  return communeDefs(p);
}

// --- successors ----------------------------------------------------------------------------------

/** Where the work of a body goes in a unit that lacks the same key. */
const COUNTERPARTS: Record<string, readonly string[]> = {
  // a district body → the new province's body doing the same work
  HU: ["TU"],
  "HU-BTV": ["TU-BTV"],
  "HU-TT": ["TU-TT"],
  "HU-BTC": ["TU-BTC"],
  "HU-BTG": ["TU-BTG"],
  "HU-BDV": ["TU-BDV"],
  "HU-BTGDV": ["TU-BTGDV"],
  "HU-UBKT": ["TU-UBKT"],
  "HU-VP": ["TU-VP"],
  VP: ["VPUB"],
  "P-NV": ["SNV"],
  "P-TP": ["STP"],
  "P-TCKH": ["STC"],
  "P-TNMT": ["STNMT"],
  "P-LDTBXH": ["SLDTBXH"],
  "P-VHTT": ["SVHTTDL"],
  "P-GDDT": ["SGDDT"],
  "P-YT": ["SYT"],
  "P-NNPTNT": ["SNNPTNT"],
  "P-KTHT": ["SXD"],
  "P-KT": ["SCT"],
  "P-QLDT": ["SXD"],
  // the common set → Hà Nội and Hồ Chí Minh City, whose culture departments and press differ
  SVHTTDL: ["SVHTT", "SDL"],
  PTTH: ["HTV"],
  "BAO-PTTH": ["BAO"],
};

export interface BodyOptions {
  /** Looks up a successor unit by code; by default the province records. */
  unitByCode?: (code: string) => OrgSeed | undefined;
}

function later(a: string | null, b: string | undefined): string | null {
  if (b === undefined) return a;
  return a === null || b > a ? b : a;
}

function earlier(a: string | null, b: string | undefined): string | null {
  if (b === undefined) return a;
  return a === null || b < a ? b : a;
}

function interval(unit: OrgSeed, d: BodyDef): { validFrom: string | null; validTo: string | null } {
  return { validFrom: later(unit.validFrom, d.from), validTo: earlier(unit.validTo, d.to) };
}

/** The codes of the bodies in `unit` that do the work of `key` on `day`. */
function resolveIn(unit: OrgSeed, key: string, day: string, depth = 0): string[] {
  if (depth > 6) return [];
  const d = definitionsOf(unit).find((x) => x.key === key);
  if (!d) return (COUNTERPARTS[key] ?? []).flatMap((k) => resolveIn(unit, k, day, depth + 1));
  if (validOn(interval(unit, d), day)) return [`${unit.code}-${key}`];
  if (d.to !== undefined && d.to < day)
    return (d.successors ?? []).flatMap((k) => resolveIn(unit, k, day, depth + 1));
  return [];
}

function successorCodes(unit: OrgSeed, key: string, validTo: string | null, options: BodyOptions): string[] {
  if (validTo === null) return [];
  const day = nextDay(validTo);
  const lookup = options.unitByCode ?? provinceByCode;
  const units = validOn(unit, day) ? [unit] : unit.successorCodes.flatMap((c) => lookup(c) ?? []);
  return [...new Set(units.flatMap((u) => resolveIn(u, key, day)))];
}

/**
 * The standard bodies of `unit` (a province, a district-level unit until 2025, or a commune from
 * 2025), in a fixed order, each valid within the unit's validity.
 */
export function standardBodies(unit: OrgSeed, options: BodyOptions = {}): OrgSeed[] {
  const defs = definitionsOf(unit);
  const out: OrgSeed[] = [];
  for (const d of defs) {
    const { validFrom, validTo } = interval(unit, d);
    if (validFrom !== null && validTo !== null && validFrom > validTo) continue;
    out.push({
      code: `${unit.code}-${d.key}`,
      name: d.name,
      kind: d.kind,
      level: unit.level,
      parentCode: d.parent === null ? unit.code : `${unit.code}-${d.parent}`,
      validFrom,
      validTo,
      successorCodes: successorCodes(unit, d.key, validTo, options),
      aliases: aliasesFor(d.name, d.forms),
    });
  }
  return out;
}

function expectLevel(unit: OrgSeed, level: OrgSeed["level"]): void {
  if (unit.level !== level) throw new Error(`${unit.code} is a ${unit.level}-level unit, not a ${level}`);
}

/** The bodies of a province or centrally run city. */
export function provinceBodies(unit: OrgSeed, options: BodyOptions = {}): OrgSeed[] {
  expectLevel(unit, "province");
  return standardBodies(unit, options);
}

/** The bodies of a district-level unit (huyện, thị xã, thành phố thuộc tỉnh) until 30 June 2025. */
export function districtBodies(unit: OrgSeed, options: BodyOptions = {}): OrgSeed[] {
  expectLevel(unit, "district");
  return standardBodies(unit, options);
}

/** The bodies of a commune-level unit (xã, phường, đặc khu) from 1 July 2025. */
export function communeBodies(unit: OrgSeed, options: BodyOptions = {}): OrgSeed[] {
  expectLevel(unit, "commune");
  return standardBodies(unit, options);
}
