// The cascade duty a task lays on its lead bodies, read from its wording: concretizing the document
// into one of their own (xây dựng / ban hành chương trình, kế hoạch; cụ thể hóa). Coverage
// (src/domain/coverage.ts) counts the bodies that owe it; this rule says which bodies owe it.
//
// The rule reads a task's search key (src/domain/names.ts `searchKey`: lower case, no diacritics,
// punctuation as spaces), so "Xây dựng chương trình, kế hoạch" and "xay dung chuong trinh ke hoach"
// read alike: "cu the hoa", or "xay dung" / "ban hanh" followed within four words by "chuong trinh"
// or "ke hoach".

const CONCRETIZE = /(^|\s)(cu the hoa|(xay dung|ban hanh)(\s\S+){0,4}?\s(chuong trinh|ke hoach))(\s|$)/;

/** The task calls on its lead bodies to issue their own programme or plan. */
export function callsForConcretization(searchKey: string): boolean {
  return CONCRETIZE.test(searchKey);
}
