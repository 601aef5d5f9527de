// Placeholder: to be built (see issue #4).
export function ReaderPage({ slug }: { slug: string }) {
  return <section className="page"><h1>Reader {slug}</h1></section>;
}
