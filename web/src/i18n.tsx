// Simplified Chinese by default, English on request. Each page keeps its own strings beside it:
//   const t = useT({ zh: { title: '规划库' }, en: { title: 'Plan library' } });
import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => {} });

export function useLang() {
  return useContext(LangContext);
}

export function initialLang(): Lang {
  const q = new URLSearchParams(window.location.search).get('lang');
  if (q === 'en' || q === 'zh') {
    window.localStorage.setItem('planatlas.lang', q); // a shared ?lang= link keeps its language while browsing on
    return q;
  }
  return window.localStorage.getItem('planatlas.lang') === 'en' ? 'en' : 'zh';
}

export function useT<K extends string>(dict: { zh: Record<K, string>; en: Record<K, string> }): Record<K, string> {
  return dict[useLang().lang];
}

/** Numbers as Chinese planners write them: 6340, 12.5, 1,234,567 → 123.5万 where asked. */
export function formatNumber(n: number | null | undefined, lang: Lang = 'zh'): string {
  if (n == null || Number.isNaN(n)) return '—';
  const abs = Math.abs(n);
  const digits = Number.isInteger(n) ? 0 : abs < 10 ? 2 : 1;
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, useGrouping: abs >= 10000 });
}

export const LEVEL_NAMES: Record<string, { zh: string; en: string }> = {
  national: { zh: '国家级', en: 'National' },
  'cross-provincial': { zh: '跨省区域', en: 'Cross-provincial' },
  provincial: { zh: '省级', en: 'Provincial' },
  prefectural: { zh: '地市级', en: 'Prefectural' },
  county: { zh: '县级', en: 'County' },
  unknown: { zh: '未识别', en: 'Unknown' },
};
