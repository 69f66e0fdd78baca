// The source text as the parser read it, with one span marked and scrolled into view.
import { useEffect, useRef } from "react";
import { useI18n } from "../../../i18n.tsx";

/** A span of the source text to show; `key` changes on each click so the same span scrolls again. */
export interface Mark {
  start: number;
  end: number;
  key: number;
}

export function SourceText({ text, mark }: { text: string; mark: Mark | null }) {
  const { t } = useI18n();
  const marked = useRef<HTMLElement>(null);
  const pane = useRef<HTMLElement>(null);
  // only the pane scrolls: the extraction the officer clicked stays where it is
  useEffect(() => {
    const m = marked.current;
    const p = pane.current;
    if (!mark || !m || !p) return;
    const top = m.getBoundingClientRect().top - p.getBoundingClientRect().top + p.scrollTop;
    p.scrollTo({ top: Math.max(0, top - p.clientHeight / 3), behavior: "smooth" });
  }, [mark]);
  const valid = mark && mark.start >= 0 && mark.end <= text.length && mark.start < mark.end;
  return (
    <section
      ref={pane}
      aria-label={t("doc-source")}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
      style={{
        maxHeight: "75vh",
        overflow: "auto",
        padding: 16,
        background: "#fff",
        border: "1px solid #d9d9d9",
        borderRadius: 8,
      }}
    >
      <pre
        data-testid="source-text"
        style={{ whiteSpace: "pre-wrap", fontFamily: "inherit", fontSize: 14, lineHeight: 1.6, margin: 0 }}
      >
        {valid ? (
          <>
            {text.slice(0, mark.start)}
            <mark ref={marked} data-testid="source-mark" style={{ background: "#ffe58f", padding: 0 }}>
              {text.slice(mark.start, mark.end)}
            </mark>
            {text.slice(mark.end)}
          </>
        ) : (
          text
        )}
      </pre>
    </section>
  );
}
