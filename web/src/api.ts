import { useEffect, useRef, useState } from 'react';

// The only way the web app talks to the server: JSON over /api. Errors carry the server's message.
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public field?: string,
  ) {
    super(message);
  }
}

async function handle<T>(res: Response): Promise<T> {
  if (res.ok) return (await res.json()) as T;
  let code = 'http-' + res.status;
  let message = `${res.status} ${res.statusText}`;
  let field: string | undefined;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; field?: string } };
    if (body.error) ({ code = code, message = message, field } = body.error as { code: string; message: string; field?: string });
  } catch {
    /* not JSON */
  }
  throw new ApiError(res.status, code, message, field);
}

export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const getJSON = <T,>(url: string, init?: RequestInit) => fetch(url, init).then((r) => handle<T>(r));

export const sendJSON = <T,>(url: string, body: unknown, method = 'POST') =>
  fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => handle<T>(r));

/** Uploads one file with progress (fetch has no upload progress; XHR does). */
export function uploadFile<T>(url: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error: the server did not answer'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers: { 'content-type': 'application/json' } });
      handle<T>(res).then(resolve, reject);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Loads JSON for a component; re-runs when `url` changes. */
export function useApi<T>(url: string | null): { data: T | null; error: ApiError | null; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: !!url });
  const [n, setN] = useState(0);
  useEffect(() => {
    if (!url) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    getJSON<T>(url).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: ApiError) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [url, n]);
  return { ...state, reload: () => setN((x) => x + 1) };
}

/**
 * A list loaded one page at a time: `url` (its filters, without limit/offset) is asked for with
 * limit=pageSize and a growing offset; more() appends the next page, so each request costs one
 * page whatever has been shown. A changed url starts again from the first page. `items` picks the
 * list out of an answer, which carries the list's total.
 */
export function usePages<B extends { total: number }, T>(
  url: string | null,
  items: (body: B) => T[],
  pageSize: number,
): { items: T[]; total: number; loaded: boolean; error: ApiError | null; loading: boolean; more: () => void; reload: () => void } {
  const [at, setAt] = useState({ url, offset: 0, n: 0 });
  const offset = at.url === url ? at.offset : 0;
  const [state, setState] = useState<{ url: string | null; items: T[]; total: number; loaded: boolean; error: ApiError | null; loading: boolean }>({
    url,
    items: [],
    total: 0,
    loaded: false,
    error: null,
    loading: !!url,
  });
  const pick = useRef(items);
  pick.current = items;
  useEffect(() => {
    if (!url) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    const sep = url.includes('?') ? '&' : '?';
    getJSON<B>(`${url}${sep}limit=${pageSize}&offset=${offset}`).then(
      (body) =>
        live &&
        setState((s) => ({
          url,
          items: offset > 0 && s.url === url ? [...s.items.slice(0, offset), ...pick.current(body)] : pick.current(body),
          total: body.total,
          loaded: true,
          error: null,
          loading: false,
        })),
      (error: ApiError) => live && setState((s) => ({ ...s, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [url, offset, pageSize, at.n]);
  const current = state.url === url;
  return {
    items: current ? state.items : [],
    total: current ? state.total : 0,
    loaded: current && state.loaded,
    error: state.error,
    loading: state.loading,
    more: () => setAt({ url, offset: state.items.length, n: at.n }),
    reload: () => setAt({ url, offset: 0, n: at.n + 1 }),
  };
}
