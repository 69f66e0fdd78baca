// Word's automatic numbering: "I.", "1.", "a)" that a DOCX does not store as text but computes from
// numbering.xml. Official documents number their sections this way, and the parser finds sections by
// those labels, so the reader writes them back in front of the paragraph.
import { walkXml } from "./xml.ts";

interface Level {
  start: number;
  format: string;
  text: string;
  /** Paragraph style bound to this level (heading numbering). */
  style: string | null;
}

interface Instance {
  levels: Map<number, Level>;
  counters: number[];
  started: boolean[];
}

export interface NumberingRef {
  numId: string;
  ilvl: number | null;
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  let out = "";
  let rest = n;
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb…
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "none":
      return "";
    default:
      return String(n);
  }
}

/** A bullet drawn from a symbol font (a private-use code point) prints as the dash officials type. */
function bullet(text: string): string {
  const t = text.trim();
  if (t === "" || /[\uE000-\uF8FF]/.test(t) || t === "•" || t === "·" || t === "o" || t === "§") return "-";
  return t;
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private readonly instances = new Map<string, Instance>();
  private readonly styles = new Map<
    string,
    { numId: string | null; ilvl: number | null; basedOn: string | null }
  >();

  constructor(numberingXml: string | null, stylesXml: string | null) {
    if (numberingXml) this.readNumbering(numberingXml);
    if (stylesXml) this.readStyles(stylesXml);
  }

  private readNumbering(xml: string): void {
    let abstract: Map<number, Level> | null = null;
    let level: Level | null = null;
    let num: { id: string; abstractId: string; starts: Map<number, number> } | null = null;
    let override: number | null = null;
    walkXml(xml, {
      open: (name, a) => {
        if (name === "abstractNum") {
          abstract = new Map();
          this.abstracts.set(a.abstractNumId ?? "", abstract);
        } else if (name === "lvl" && abstract) {
          level = { start: 1, format: "decimal", text: "", style: null };
          abstract.set(Number(a.ilvl ?? 0), level);
        } else if (level && name === "start") level.start = Number(a.val ?? 1);
        else if (level && name === "numFmt") level.format = a.val ?? "decimal";
        else if (level && name === "lvlText") level.text = a.val ?? "";
        else if (level && name === "pStyle") level.style = a.val ?? null;
        else if (name === "num") num = { id: a.numId ?? "", abstractId: "", starts: new Map() };
        else if (num && name === "abstractNumId") num.abstractId = a.val ?? "";
        else if (num && name === "lvlOverride") override = Number(a.ilvl ?? 0);
        else if (num && override !== null && name === "startOverride")
          num.starts.set(override, Number(a.val ?? 1));
      },
      close: (name) => {
        if (name === "lvl") level = null;
        else if (name === "abstractNum") abstract = null;
        else if (name === "lvlOverride") override = null;
        else if (name === "num" && num) {
          this.nums.set(num.id, { abstractId: num.abstractId, starts: num.starts });
          num = null;
        }
      },
    });
  }

  private readStyles(xml: string): void {
    let current: { numId: string | null; ilvl: number | null; basedOn: string | null } | null = null;
    let inParagraphProps = false;
    walkXml(xml, {
      open: (name, a, parent) => {
        if (name === "style" && (a.type ?? "paragraph") === "paragraph") {
          current = { numId: null, ilvl: null, basedOn: null };
          this.styles.set(a.styleId ?? "", current);
        } else if (current && name === "basedOn" && parent === "style") current.basedOn = a.val ?? null;
        else if (current && name === "pPr") inParagraphProps = true;
        else if (current && inParagraphProps && name === "numId") current.numId = a.val ?? null;
        else if (current && inParagraphProps && name === "ilvl") current.ilvl = Number(a.val ?? 0);
      },
      close: (name) => {
        if (name === "pPr") inParagraphProps = false;
        else if (name === "style") current = null;
      },
    });
  }

  /** The numbering a paragraph gets from its style, following basedOn. */
  fromStyle(styleId: string | null): NumberingRef | null {
    let id = styleId;
    for (let depth = 0; id && depth < 10; depth++) {
      const style = this.styles.get(id);
      if (!style) return null;
      if (style.numId) {
        const ilvl = style.ilvl ?? this.levelOfStyle(style.numId, styleId as string);
        return { numId: style.numId, ilvl };
      }
      id = style.basedOn;
    }
    return null;
  }

  private levelOfStyle(numId: string, styleId: string): number {
    const abstract = this.abstracts.get(this.nums.get(numId)?.abstractId ?? "");
    for (const [ilvl, level] of abstract ?? []) if (level.style === styleId) return ilvl;
    return 0;
  }

  /** Advances the list's counter and returns the label ("II.", "1.2.", "a)"), or "" for none. */
  next(ref: NumberingRef): string {
    const num = this.nums.get(ref.numId);
    const levels = num ? this.abstracts.get(num.abstractId) : undefined;
    if (!num || !levels) return "";
    let instance = this.instances.get(ref.numId);
    if (!instance) {
      instance = { levels, counters: [], started: [] };
      this.instances.set(ref.numId, instance);
    }
    const ilvl = ref.ilvl ?? 0;
    const level = levels.get(ilvl);
    if (!level) return "";
    const startOf = (i: number): number => num.starts.get(i) ?? levels.get(i)?.start ?? 1;
    instance.counters[ilvl] = instance.started[ilvl] ? (instance.counters[ilvl] ?? 0) + 1 : startOf(ilvl);
    instance.started[ilvl] = true;
    // A higher level restarts every level below it.
    for (let deeper = ilvl + 1; deeper < 9; deeper++) instance.started[deeper] = false;
    if (level.format === "bullet") return bullet(level.text);
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const format = levels.get(i)?.format ?? "decimal";
      return formatNumber(instance.started[i] ? (instance.counters[i] ?? startOf(i)) : startOf(i), format);
    });
  }
}
