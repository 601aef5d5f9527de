// Upload area of the library: drop or pick one or many plan files; each gets its own row with a
// progress bar, then 成功 (with a link to the plan) or the server's own error message. One at a time.
import { useRef, useState, type DragEvent } from 'react';
import { ApiError, uploadFile } from '../api';
import { useT } from '../i18n';
import { Link } from '../router';

interface IngestResult {
  status: 'created' | 'new-version' | 'unchanged';
  slug: string;
  title: string;
  version: number;
  findings: Record<string, number>;
  warnings: string[];
}

interface Row {
  id: number;
  name: string;
  size: number;
  state: 'waiting' | 'uploading' | 'reading' | 'done' | 'error';
  progress: number;
  result?: IngestResult;
  error?: string;
}

const strings = {
  zh: {
    title: '上传规划',
    drop: '把规划文件拖到这里，或',
    pick: '选择文件',
    formats: '支持 TXT、Markdown、HTML、DOCX、PDF，可一次选多个文件',
    waiting: '等待上传',
    uploading: '上传中',
    reading: '解析中',
    done: '成功',
    failed: '失败',
    created: '新建规划',
    newVersion: '已存为第{n}版',
    unchanged: '文件未变，已有此版本',
    targets: '目标 {n} 项',
    clear: '清除记录',
  },
  en: {
    title: 'Upload plans',
    drop: 'Drop plan files here, or',
    pick: 'choose files',
    formats: 'TXT, Markdown, HTML, DOCX or PDF; several files at once are fine',
    waiting: 'Waiting',
    uploading: 'Uploading',
    reading: 'Reading',
    done: 'Done',
    failed: 'Failed',
    created: 'new plan',
    newVersion: 'stored as version {n}',
    unchanged: 'unchanged: this file is already stored',
    targets: '{n} targets',
    clear: 'Clear',
  },
};

function sizeText(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

export function LibraryUpload({ onUploaded }: { onUploaded: () => void }) {
  const t = useT(strings);
  const [rows, setRows] = useState<Row[]>([]);
  const [over, setOver] = useState(false);
  const queue = useRef<Array<{ id: number; file: File }>>([]);
  const running = useRef(false);
  const nextId = useRef(1);
  const input = useRef<HTMLInputElement>(null);

  const update = (id: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  const run = async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let job = queue.current.shift(); job; job = queue.current.shift()) {
        const { id, file } = job;
        update(id, { state: 'uploading', progress: 0 });
        try {
          const { result } = await uploadFile<{ result: IngestResult }>('/api/plans', file, (f) =>
            update(id, f >= 1 ? { progress: 1, state: 'reading' } : { progress: f }),
          );
          update(id, { state: 'done', progress: 1, result });
          onUploaded();
        } catch (e) {
          const message = e instanceof ApiError || e instanceof Error ? e.message : String(e);
          update(id, { state: 'error', error: message });
        }
      }
    } finally {
      running.current = false;
    }
  };

  const add = (files: FileList | File[] | null) => {
    if (!files) return;
    const list = Array.from(files);
    if (!list.length) return;
    const newRows = list.map((file) => ({ id: nextId.current++, file }));
    setRows((rs) => [...rs, ...newRows.map(({ id, file }) => ({ id, name: file.name, size: file.size, state: 'waiting' as const, progress: 0 }))]);
    queue.current.push(...newRows);
    void run();
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add(e.dataTransfer.files);
  };

  const resultText = (r: IngestResult) =>
    r.status === 'created' ? t.created : r.status === 'new-version' ? t.newVersion.replace('{n}', String(r.version)) : t.unchanged;

  return (
    <section className="library-upload" aria-label={t.title}>
      <div
        className={`library-drop${over ? ' over' : ''}`}
        data-testid="upload-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <strong>{t.title}</strong>
        <span>
          {t.drop}{' '}
          <button type="button" className="primary" onClick={() => input.current?.click()}>
            {t.pick}
          </button>
        </span>
        <span className="muted library-formats">{t.formats}</span>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="upload-input"
          accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => {
            add(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {rows.length ? (
        <ul className="library-uploads" data-testid="upload-rows">
          {rows.map((r) => (
            <li key={r.id} className={`library-upload-row up-${r.state}`} data-testid="upload-row" data-state={r.state} data-name={r.name}>
              <div className="library-upload-name">
                <span className="library-upload-file">{r.name}</span>
                <span className="muted">{sizeText(r.size)}</span>
              </div>
              {r.state === 'waiting' || r.state === 'uploading' || r.state === 'reading' ? (
                <div className="library-progress-wrap">
                  <progress max={1} value={r.state === 'reading' ? undefined : r.progress} aria-label={r.name} />
                  <span className="muted">{r.state === 'waiting' ? t.waiting : r.state === 'uploading' ? `${t.uploading} ${Math.round(r.progress * 100)}%` : t.reading}</span>
                </div>
              ) : r.state === 'done' && r.result ? (
                <div className="library-upload-ok" data-testid="upload-ok">
                  <span className="badge library-ok">{t.done}</span>{' '}
                  <Link href={`/plans/${encodeURIComponent(r.result.slug)}`}>{r.result.title}</Link>{' '}
                  <span className="muted">
                    {resultText(r.result)}
                    {r.result.findings.target ? ` · ${t.targets.replace('{n}', String(r.result.findings.target))}` : ''}
                  </span>
                  {r.result.warnings.length ? <div className="muted">{r.result.warnings.join('；')}</div> : null}
                </div>
              ) : (
                <div className="library-upload-error" role="alert" data-testid="upload-error">
                  <span className="badge library-fail">{t.failed}</span> {r.error}
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {rows.length && rows.every((r) => r.state === 'done' || r.state === 'error') ? (
        <button type="button" className="library-clear" onClick={() => setRows([])}>
          {t.clear}
        </button>
      ) : null}
    </section>
  );
}
