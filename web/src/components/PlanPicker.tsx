// Choosing one plan of any number: type part of its title (or its slug) and pick from what the
// server finds (GET /api/plans?q=, 20 at a time), instead of a drop-down of the first page of plans.
// The wrapper carries the chosen slug in data-value; an empty value is "none" (or "all plans").
import { useEffect, useRef, useState } from 'react';
import { getJSON, qs } from '../api';
import { useT } from '../i18n';
import './PlanPicker.css';

const strings = {
  zh: { placeholder: '输入规划名称查找', clear: '清除', none: '没有名称含“{q}”的规划', more: '共 {n} 部，请输入更多字缩小范围' },
  en: { placeholder: 'Type part of a plan title', clear: 'Clear', none: 'No plan title contains “{q}”', more: '{n} plans: type more to narrow them down' },
};

interface PlanHit {
  slug: string;
  title: string;
}

/** Plans asked for per search. */
const LIMIT = 20;

export function PlanPicker({
  value,
  onChange,
  emptyLabel,
  label,
  id,
  testid,
}: {
  /** The chosen plan's slug (or any reference the API takes), '' for none. */
  value: string;
  onChange: (slug: string) => void;
  /** What no choice means, shown when nothing is chosen (全部规划 / 选择规划). */
  emptyLabel: string;
  label: string;
  id?: string;
  testid: string;
}) {
  const t = useT(strings);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [hits, setHits] = useState<{ plans: PlanHit[]; total: number } | null>(null);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);

  // the title of the chosen plan (value may be a slug, an id or part of a title)
  useEffect(() => {
    if (!value) return setTitle('');
    let live = true;
    getJSON<{ plans: PlanHit[] }>(`/api/plans${qs({ q: value, limit: 5 })}`).then(
      (r) => live && setTitle((r.plans.find((p) => p.slug === value) ?? r.plans[0])?.title ?? value),
      () => live && setTitle(value),
    );
    return () => {
      live = false;
    };
  }, [value]);

  // what the server finds for the typed text, a moment after typing stops
  useEffect(() => {
    if (!open) return;
    const q = text.trim();
    let live = true;
    const timer = setTimeout(() => {
      getJSON<{ plans: PlanHit[]; total: number }>(`/api/plans${qs({ q, limit: LIMIT })}`).then(
        (r) => {
          if (!live) return;
          setHits(r);
          setActive(0);
        },
        () => live && setHits(null),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, open]);

  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => box.current && !box.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const pick = (slug: string, plan?: PlanHit) => {
    setOpen(false);
    setText('');
    if (plan) setTitle(plan.title);
    onChange(slug);
  };

  const list = hits?.plans ?? [];
  return (
    <div className="plan-picker" ref={box} data-testid={testid} data-value={value}>
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-label={label}
        autoComplete="off"
        value={open ? text : title || ''}
        placeholder={value ? title : emptyLabel}
        onFocus={() => {
          setText('');
          setOpen(true);
        }}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            setOpen(false);
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, list.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            e.stopPropagation();
            if (list[active]) pick(list[active].slug, list[active]);
          }
        }}
        data-testid={`${testid}-input`}
      />
      {value ? (
        <button type="button" className="plan-picker-clear" aria-label={t.clear} title={t.clear} onClick={() => pick('')} data-testid={`${testid}-clear`}>
          ×
        </button>
      ) : null}
      {open && hits ? (
        <ul className="plan-picker-list" role="listbox" data-testid={`${testid}-list`}>
          {list.map((p, i) => (
            <li
              key={p.slug}
              role="option"
              aria-selected={i === active}
              data-slug={p.slug}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p.slug, p);
              }}
            >
              {p.title}
            </li>
          ))}
          {!list.length ? <li className="muted">{t.none.replace('{q}', text.trim())}</li> : null}
          {hits.total > list.length ? <li className="muted">{t.more.replace('{n}', String(hits.total))}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
