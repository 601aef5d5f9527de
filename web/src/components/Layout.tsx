import type { ReactNode } from 'react';
import { useLang, useT } from '../i18n';
import { Link } from '../router';

const strings = {
  zh: { brand: '规划图谱', library: '规划库', review: '审核', search: '检索', map: '地图', monitor: '监测', lang: 'English', api: 'API 文档' },
  en: { brand: 'PlanAtlas', library: 'Plans', review: 'Review', search: 'Search', map: 'Map', monitor: 'Monitoring', lang: '中文', api: 'API docs' },
};

export function Layout({ path, children }: { path: string; children: ReactNode }) {
  const t = useT(strings);
  const { lang, setLang } = useLang();
  const nav: Array<[string, string]> = [
    ['/', t.library],
    ['/review', t.review],
    ['/search', t.search],
    ['/map', t.map],
    ['/monitor', t.monitor],
  ];
  const active = (href: string) => (href === '/' ? path === '/' || (path.startsWith('/plans') && !/\/(monitor|tasks)$/.test(path)) : href === '/monitor' ? ['/monitor', '/observations', '/indicators', '/departments'].some((p) => path.startsWith(p)) || /^\/plans\/[^/]+\/(monitor|tasks)$/.test(path) : path.startsWith(href));
  return (
    <div className="app">
      <header className="topbar">
        <Link href="/" className="brand">
          {t.brand}
        </Link>
        <nav>
          {nav.map(([href, label]) => (
            <Link key={href} href={href} className={active(href) ? 'active' : undefined}>
              {label}
            </Link>
          ))}
        </nav>
        <button type="button" className="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">
          {t.lang}
        </button>
      </header>
      <main>{children}</main>
    </div>
  );
}
