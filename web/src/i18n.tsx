// The language of the UI: Vietnamese unless the user switched to English (kept in localStorage).
// It sets antd's and dayjs's locale, the page's lang attribute and the API's Accept-Language, so
// that problem details come back in the same language.
import { ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { setApiLanguage } from "./api/client.ts";
import { type Lang, type MessageKey, type MessageParams, translate } from "./messages.ts";
import { theme } from "./theme.ts";

const STORAGE_KEY = "trienkhai.lang";

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: MessageParams): string;
}

const I18nContext = createContext<I18n | null>(null);

function apply(lang: Lang): void {
  document.documentElement.lang = lang;
  dayjs.locale(lang === "vi" ? "vi" : "en");
  setApiLanguage(lang);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = storedLang();
    apply(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // private windows may refuse storage: the switch still holds for this visit
    }
    apply(l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(key, lang, params) }),
    [lang, setLang],
  );
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={lang === "vi" ? viVN : enUS} theme={theme}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error("useI18n outside I18nProvider");
  return v;
}
