// Keys for comparing names of bodies as documents write them: case, tone placement (Uỷ/Ủy),
// punctuation and the common abbreviations (UBND, HĐND, MTTQ, BTV) do not matter.
import { fold, unaccent } from "../parser/text.ts";

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubmttq\b/g, "ủy ban mặt trận tổ quốc"],
  [/\bubnd\b/g, "ủy ban nhân dân"],
  [/\bhđnd\b/g, "hội đồng nhân dân"],
  [/\bmttq\b/g, "mặt trận tổ quốc"],
  [/\bbtv\b/g, "ban thường vụ"],
  [/\bbch\b/g, "ban chấp hành"],
  [/\bbcs\b/g, "ban cán sự"],
  [/\bvptu\b/g, "văn phòng tỉnh ủy"],
  [/\bkh\s?&\s?cn\b/g, "khoa học và công nghệ"],
  [/\bkh\s?&\s?đt\b/g, "kế hoạch và đầu tư"],
  [/\bgd\s?&\s?đt\b/g, "giáo dục và đào tạo"],
  [/\btn\s?&\s?mt\b/g, "tài nguyên và môi trường"],
  [/\bnn\s?&\s?ptnt\b/g, "nông nghiệp và phát triển nông thôn"],
  [/\bvh\s?,?\s?tt\s?&\s?dl\b/g, "văn hóa thể thao và du lịch"],
  [/\btt\s?&\s?tt\b/g, "thông tin và truyền thông"],
  [/\blđ\s?-?\s?tb\s?&\s?xh\b/g, "lao động thương binh và xã hội"],
  [/\bpt\s?-?\s?th\b/g, "phát thanh và truyền hình"],
  [/\btp\.?(?=\s)/g, "thành phố"],
  [/\btx\.?(?=\s)/g, "thị xã"],
];

/** The comparison key of a name: "UBND tỉnh Quảng Ngãi" and "Uỷ ban nhân dân Tỉnh Quảng Ngãi" match. */
export function nameKey(name: string): string {
  let k = fold(name.normalize("NFC"));
  // \b is ASCII-only: mark word edges with spaces first
  k = ` ${k.replace(/[“”"'()[\]{}:;,.!?…/\\|*_#]+/g, " ").replace(/\s+-\s+|–|—/g, " ")} `;
  for (const [re, full] of ABBREVIATIONS) k = k.replace(re, full);
  return k.replace(/&/g, " và ").replace(/\s+/g, " ").trim();
}

/** The key without diacritics, for search typed without them. */
export function searchKey(text: string): string {
  return unaccent(nameKey(text));
}
