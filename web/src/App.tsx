import { useState, type ReactNode } from 'react';
import { LangContext, initialLang, type Lang } from './i18n';
import { match, useLocation } from './router';
import { Layout } from './components/Layout';
import { LibraryPage } from './pages/Library';
import { ReaderPage } from './pages/Reader';
import { TargetsPage } from './pages/Targets';
import { ReviewPage } from './pages/Review';
import { SearchPage } from './pages/Search';
import { MapPage } from './pages/Map';
import { PlacePage } from './pages/Place';
import { MonitorPage } from './pages/Monitor';
import { MonitorIndexPage } from './pages/MonitorIndex';
import { ObservationsPage } from './pages/Observations';
import { IndicatorIndexPage, IndicatorPage } from './pages/Indicator';
import { TasksPage } from './pages/Tasks';
import { DepartmentPage } from './pages/Department';
import { NotFound } from './components/Status';
import { KindsProvider } from './kinds';

// Every page has its own URL; filters live in the query string so a view can be linked.
const routes: Array<[string, (p: Record<string, string>) => ReactNode]> = [
  ['/', () => <LibraryPage />],
  ['/plans/:slug', (p) => <ReaderPage slug={p.slug} />],
  ['/plans/:slug/targets', (p) => <TargetsPage slug={p.slug} />],
  ['/review', () => <ReviewPage />],
  ['/search', () => <SearchPage />],
  ['/map', () => <MapPage />],
  ['/places/:code', (p) => <PlacePage code={p.code} />],
  ['/plans/:slug/monitor', (p) => <MonitorPage slug={p.slug} />],
  ['/plans/:slug/tasks', (p) => <TasksPage slug={p.slug} />],
  ['/monitor', () => <MonitorIndexPage />],
  ['/observations', () => <ObservationsPage />],
  ['/indicators', () => <IndicatorIndexPage />],
  ['/indicators/:id', (p) => <IndicatorPage id={p.id} />],
  ['/departments/:unit', (p) => <DepartmentPage unit={p.unit} />],
];

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = (l: Lang) => {
    window.localStorage.setItem('planatlas.lang', l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    setLangState(l);
  };
  const loc = useLocation();
  let page: ReactNode = <NotFound />;
  for (const [pattern, render] of routes) {
    const params = match(pattern, loc.path);
    if (params) {
      page = render(params);
      break;
    }
  }
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <Layout path={loc.path}>
        <KindsProvider>{page}</KindsProvider>
      </Layout>
    </LangContext.Provider>
  );
}
