import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { ro, type MessageKey } from './ro';

export type Lang = 'ro' | 'en';
export type { MessageKey };
/** A message to show later, so that it follows a language switch; `field` names a label to put in `{field}`. */
export type Message = { key: MessageKey; vars?: Record<string, string | number>; field?: MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'portal.lang';
const catalogs: Record<Lang, Record<MessageKey, string>> = { ro, en };

function storedLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ro';
  } catch {
    return 'ro'; // storage blocked (private mode, policies): Romanian is the default anyway
  }
}

type I18nValue = { lang: Lang; setLang: (lang: Lang) => void; t: Translate; tm: (m: Message) => string };
const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered across visits, still switched for this one
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const t: Translate = (key, vars) =>
      catalogs[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(vars?.[name] ?? whole));
    return { lang, setLang, t, tm: (m) => t(m.key, m.field ? { ...m.vars, field: t(m.field) } : m.vars) };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT outside I18nProvider');
  return value;
}
