import type { ApiError } from '../api';
import { useT } from '../i18n';

const strings = {
  zh: { loading: '加载中…', notFound: '没有这个页面', error: '出错了' },
  en: { loading: 'Loading…', notFound: 'No such page', error: 'Something went wrong' },
};

export function Loading() {
  return <p className="status">{useT(strings).loading}</p>;
}

export function ErrorBox({ error }: { error: ApiError | Error }) {
  const t = useT(strings);
  return (
    <div className="error" role="alert">
      <strong>{t.error}</strong>: {error.message}
    </div>
  );
}

export function NotFound() {
  return <p className="status">{useT(strings).notFound}</p>;
}
